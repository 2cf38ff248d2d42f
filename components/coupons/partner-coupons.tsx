import { CouponList } from "@/components/coupons/coupon-list";
import { CreateCouponForm } from "@/components/coupons/create-coupon-form";
import { Card } from "@/components/ui/card";

/** The partner page's codes: the list, and a form for a new one (admins). */
export function PartnerCoupons({
  programId,
  partner,
  canEdit,
  currency,
}: {
  programId: string;
  partner: { id: string; name: string; code: string };
  canEdit: boolean;
  currency: string;
}) {
  return (
    <section className="space-y-3" aria-labelledby="coupons-heading">
      <h2 id="coupons-heading" className="text-lg font-semibold">
        Coupon codes
      </h2>
      {canEdit ? (
        <Card className="p-5">
          <CreateCouponForm programId={programId} partners={[partner]} fixedPartnerId={partner.id} />
        </Card>
      ) : null}
      <CouponList
        programId={programId}
        partnerId={partner.id}
        canEdit={canEdit}
        currency={currency}
        emptyHint="No codes yet. A code lets listeners who never click a link credit this partner at checkout."
      />
    </section>
  );
}
