import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PartnerList } from "@/components/partners/partner-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { applyUrl } from "@/lib/invites/tokens";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Partners" };

export default async function PartnersPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/partners`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  return (
    <div className="space-y-6">
      <PageHeader
        title="Partners"
        description="Invite, approve and suspend partners; open one to see their links, figures and commissions."
      />
      <PartnerList programId={programId} canEdit={roleAtLeast(role, "ADMIN")} applyUrl={applyUrl(programId)} />
    </div>
  );
}
