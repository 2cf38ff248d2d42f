// The partner page's heading: name, status, contact, whether they have a portal account, and
// (for admins) the approve / suspend buttons.
import Link from "next/link";
import { PartnerStatusButtons } from "@/components/partners/partner-status-actions";
import { PartnerStatusBadge } from "@/components/partners/status-badge";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/dashboard/format";
import type { PartnerView } from "@/lib/partners/get-partner";

export function PartnerHeader({ programId, partner, canEdit }: { programId: string; partner: PartnerView; canEdit: boolean }) {
  return (
    <div>
      <Link href={`/dashboard/${programId}/partners`} className="text-sm text-slate-500 hover:text-slate-900">
        ← Partners
      </Link>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            {partner.name} <PartnerStatusBadge status={partner.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-500">
            {partner.email} · code <span className="font-mono">{partner.code}</span> · joined {formatDateTime(partner.createdAt)}
          </p>
          <p className="mt-1 text-sm">
            {partner.hasAccount ? (
              <Badge tone="green">Portal account connected</Badge>
            ) : partner.invited ? (
              <Badge tone="sky">Invite sent, not accepted yet</Badge>
            ) : (
              <Badge>No portal account</Badge>
            )}
          </p>
        </div>
        {canEdit ? <PartnerStatusButtons programId={programId} partnerId={partner.id} status={partner.status} /> : null}
      </div>
    </div>
  );
}
