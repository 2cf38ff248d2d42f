/** What the invite offers: for a partner, their referral links and any discount codes already waiting for them. */
export function InviteIntro({ asPartner, coupons }: { asPartner: boolean; coupons: Array<{ code: string; description: string | null }> }) {
  return (
    <div className="mt-1 mb-6 space-y-3 text-sm text-slate-500">
      <p>
        {asPartner
          ? "Create your partner account to get your referral links and follow your clicks, sign-ups and earnings."
          : "Create your account to help run this partner program."}
      </p>
      {asPartner && coupons.length ? (
        <div className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900 ring-1 ring-emerald-200" data-testid="invite-coupons">
          <p className="font-medium">Your discount {coupons.length === 1 ? "code" : "codes"} for your audience</p>
          <ul className="mt-1 space-y-0.5">
            {coupons.map((c) => (
              <li key={c.code}>
                <span className="font-mono font-semibold">{c.code}</span>
                {c.description ? ` · ${c.description}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
