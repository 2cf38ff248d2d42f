// The mails Partnerloop sends about a program's events. Each kind has an audience (the partner or
// the program's owners), whether a recipient may turn it off (a security notice may not), and
// whether a burst of it is batched into one mail (lib/notifications/deliver.ts).
import { z } from "zod";

export const NOTIFICATION_KINDS = [
  "application_received",
  "application_approved",
  "application_rejected",
  "commission_created",
  "commission_approved",
  "commission_rejected",
  "commission_reversed",
  "payout_sent",
  "payout_details_changed",
  "owner_new_application",
  "owner_webhook_failing",
  "owner_stripe_signature_failed",
  "owner_digest",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationKind = z.enum(NOTIFICATION_KINDS, `must be one of ${NOTIFICATION_KINDS.join(", ")}`);

interface KindInfo {
  audience: "partner" | "owner";
  label: string;
  /** Security notices reach the account's owner whatever the preferences say. */
  required?: boolean;
  /** Rows of one recipient queued within the window go out as one mail. */
  batched?: boolean;
}

export const KINDS: Record<NotificationKind, KindInfo> = {
  application_received: { audience: "partner", label: "Application received" },
  application_approved: { audience: "partner", label: "Application approved (welcome)" },
  application_rejected: { audience: "partner", label: "Application rejected" },
  commission_created: { audience: "partner", label: "New commission", batched: true },
  commission_approved: { audience: "partner", label: "Commission approved", batched: true },
  commission_rejected: { audience: "partner", label: "Commission rejected" },
  commission_reversed: { audience: "partner", label: "Commission reversed" },
  payout_sent: { audience: "partner", label: "Payout sent" },
  payout_details_changed: { audience: "partner", label: "Payout details changed (security notice)", required: true },
  owner_new_application: { audience: "owner", label: "New application to review" },
  owner_webhook_failing: { audience: "owner", label: "Webhook endpoint failing" },
  owner_stripe_signature_failed: { audience: "owner", label: "Stripe webhook signature failures" },
  owner_digest: { audience: "owner", label: "Daily digest" },
};

export const kindsFor = (audience: "partner" | "owner") => NOTIFICATION_KINDS.filter((k) => KINDS[k].audience === audience);

/** How long a batched kind waits for more of its kind before it goes out. */
export const BATCH_WINDOW_MS = 15 * 60_000;
