import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommissionTrailView } from "@/components/commissions/trail";
import { PortalPage } from "@/components/portal/portal-page";
import { requirePartnerUser } from "@/lib/auth/guards";
import { getCommissionTrail } from "@/lib/commissions/get-commission-trail";

export const metadata: Metadata = { title: "Commission" };

export default async function PortalCommissionPage({ params }: { params: Promise<{ commissionId: string }> }) {
  const user = await requirePartnerUser();
  const { commissionId } = await params;
  const id = Number(commissionId);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  // Only the partner's own commissions: someone else's id is a 404.
  const trail = await getCommissionTrail({ partnerUserId: user.id }, id, "partner").catch(() => notFound());
  return (
    <PortalPage user={user}>
      <h1 className="text-2xl font-semibold tracking-tight">Commission #{trail.commission.id}</h1>
      <CommissionTrailView trail={trail} audience="partner" />
    </PortalPage>
  );
}
