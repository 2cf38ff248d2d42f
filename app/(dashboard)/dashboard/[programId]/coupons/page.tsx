import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CouponList } from "@/components/coupons/coupon-list";
import { CreateCouponForm } from "@/components/coupons/create-coupon-form";
import { ImportCoupons } from "@/components/coupons/import-coupons";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { listPartnerOptions } from "@/lib/partners/partner-options";
import { requireProgramRole } from "@/lib/programs/access";
import { getProgram } from "@/lib/programs/get-program";

export const metadata: Metadata = { title: "Coupons" };

export default async function CouponsPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/coupons`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const [program, partners] = await Promise.all([
    getProgram(programId),
    listPartnerOptions(programId, { activeOrPending: true, limit: 500 }),
  ]);
  const canEdit = roleAtLeast(role, "ADMIN");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Coupons"
        description="Discount codes partners share in podcasts, videos and newsletters. A sale that carries a code credits its partner."
      />
      {canEdit ? (
        <Card>
          <CardHeader
            title="New code"
            description="Codes are case-insensitive and unique in the program. Create the same code in Stripe."
          />
          <div className="p-5">
            {partners.length ? (
              <CreateCouponForm programId={programId} partners={partners} />
            ) : (
              <p className="text-sm text-slate-500">Invite a partner first on the Partners page; a code belongs to a partner.</p>
            )}
          </div>
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Import and export" description="One code per line with the partner's code; each refused line says why." />
        <ImportCoupons programId={programId} canEdit={canEdit} />
      </Card>
      <CouponList
        programId={programId}
        canEdit={canEdit}
        currency={program.currency}
        emptyHint="Create a code above, or import a CSV. Sales report the code with coupon_code, Refersion's discount_code or a Stripe promotion code."
      />
    </div>
  );
}
