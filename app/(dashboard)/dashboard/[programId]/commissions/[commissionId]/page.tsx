import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommissionTrailView } from "@/components/commissions/trail";
import { ReviewButtons } from "@/components/commissions/review-buttons";
import { QueryProvider } from "@/components/providers/query-provider";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { getCommissionTrail } from "@/lib/commissions/get-commission-trail";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Commission" };

export default async function CommissionPage({ params }: { params: Promise<{ programId: string; commissionId: string }> }) {
  const { programId, commissionId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/commissions/${commissionId}`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const id = Number(commissionId);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const trail = await getCommissionTrail({ programId }, id, "owner").catch(() => notFound());
  const c = trail.commission;
  const reviewable =
    roleAtLeast(role, "ADMIN") && c.kind !== "ADJUSTMENT" && (c.status === "PENDING" || (c.status === "APPROVED" && !trail.payout));
  return (
    <div className="space-y-6">
      <Link href={`/dashboard/${programId}/commissions`} className="text-sm text-slate-500 hover:text-slate-900">
        ← Commissions
      </Link>
      <PageHeader
        title={`Commission #${c.id}`}
        description={`${trail.partner.name} · earned ${c.createdAt.toISOString().slice(0, 10)}${c.test ? " · test mode" : ""}`}
        action={
          reviewable ? (
            <QueryProvider>
              <ReviewButtons programId={programId} commissionId={c.id} canApprove={c.status === "PENDING"} />
            </QueryProvider>
          ) : undefined
        }
      />
      <CommissionTrailView trail={trail} audience="owner" />
    </div>
  );
}
