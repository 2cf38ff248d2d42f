// Every column that holds a ciphertext of lib/crypto.ts, for the rotation and the health check.
// A new encrypted column must be listed here, or `rotate-encryption` leaves it under an old key.
export interface SealedColumn {
  table: "Program" | "WebhookEndpoint" | "Partner";
  column: string;
  /** The column naming the row's program. */
  program: string;
  /** What the dashboard calls it. */
  label: string;
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: "Program", column: "stripeWebhookSecret", program: "id", label: "Stripe webhook signing secret" },
  { table: "WebhookEndpoint", column: "secret", program: "programId", label: "webhook endpoint signing secrets" },
  { table: "Partner", column: "payoutDetails", program: "programId", label: "partners' payout details" },
];
