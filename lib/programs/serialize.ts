import type { CommissionRule, Program } from "@/lib/generated/prisma/client";
import type { ProgramResponse } from "@/lib/programs/api-schemas";

export type ProgramWithRule = Program & { defaultRule: CommissionRule | null };

/** Basis points back to percent: 1250 → 12.5. */
function commissionOf(rule: CommissionRule | null): ProgramResponse["commission"] {
  if (!rule) return null;
  return rule.type === "PERCENTAGE" ? { type: "percentage", value: rule.value / 100 } : { type: "flat", value: rule.value };
}

/** The API's view of a program. The Stripe webhook secret is write-only: only whether it is set. */
export function serializeProgram(program: ProgramWithRule): ProgramResponse {
  return {
    id: program.id,
    client_id: program.clientId,
    name: program.name,
    website_url: program.websiteUrl,
    allowed_domains: program.allowedDomains,
    cookie_window_days: program.cookieWindowDays,
    currency: program.currency,
    commission: commissionOf(program.defaultRule),
    hold_days: program.holdDays,
    referral_params: [program.referralParam, ...program.referralParamAliases],
    cleanup_params: program.cleanupParams,
    test_mode: program.testMode,
    min_payout_amount: program.minPayoutAmount,
    coupon_precedence: program.couponPrecedence === "CODE" ? "code" : "last_click",
    muted_notification_kinds: program.mutedNotificationKinds,
    reply_to: program.replyTo,
    stripe_webhook_connected: program.stripeWebhookSecret !== null,
    stripe_connected_at: program.stripeConnectedAt?.toISOString() ?? null,
    created_at: program.createdAt.toISOString(),
    updated_at: program.updatedAt.toISOString(),
  };
}
