import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommissionTrailView } from "@/components/commissions/trail";
import { UserMenu } from "@/components/dashboard/user-menu";
import { Logo } from "@/components/ui/logo";
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
    <div className="min-h-screen">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <Link href="/portal" aria-label="Portal home">
          <Logo />
        </Link>
        <UserMenu name={user.name} email={user.email} accountHref="/portal/account" />
      </header>
      <main className="mx-auto max-w-5xl space-y-6 px-4 py-8 sm:px-8">
        <Link href="/portal" className="text-sm text-slate-500 hover:text-slate-900">
          ← Your partnerships
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Commission #{trail.commission.id}</h1>
        <CommissionTrailView trail={trail} audience="partner" />
      </main>
    </div>
  );
}
