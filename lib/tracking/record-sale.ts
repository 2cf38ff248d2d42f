// Records a sale and its commission. Attribution: the click of `click_id`, else the latest click
// of the `customer_key` customer within the cookie window, else (renewals) the earlier payments
// of the same subscription. A sale nobody can be credited for is still recorded, unattributed.
// The sale, its commission and the figures are written by one SQL statement whose
// `ON CONFLICT DO NOTHING` on (programId, transactionId) makes a reused transaction id write
// nothing at all, however many identical requests race.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { TrackingSource } from "@/lib/generated/prisma/enums";
import { computeCommission, resolveRule, ruleSnapshot } from "@/lib/commissions/rules";
import { attributedClickOfCustomer, clickByToken, type AttributionClick, type AttributionScope } from "@/lib/tracking/attribution";
import { saleFlags } from "@/lib/tracking/sale-flags";
import { publishSaleEvents } from "@/lib/webhooks/payloads";

export interface SaleInput {
  programId: string;
  transactionId: string;
  amount: number;
  currency?: string;
  clickToken?: string;
  /** A click known by its row id (e.g. remembered for a Stripe subscription); same checks as a token. */
  clickRowId?: bigint;
  customerKey?: string;
  /**
   * Credit this partner of the program directly (Refersion `auto_credit_affiliate_id`), whatever
   * the click says; a click is still used for its customer, and for figures if it is that partner's.
   */
  partnerId?: string;
  /** Our customer row, when the caller found it another way (Stripe customer id, e-mail). */
  customerRowId?: string;
  /** The payment behind the sale (Stripe payment intent / charge), so refunds can find it. */
  paymentReference?: string;
  chargeReference?: string;
  email?: string;
  type: "PAYMENT" | "SUBSCRIPTION";
  isRecurring: boolean;
  subscriptionId?: string;
  subscriptionInterval?: string;
  productId?: string;
  lineItems?: unknown[];
  occurredAt?: Date;
  testMode?: boolean;
  source: TrackingSource;
  /** Extra review flags decided by the caller (e.g. an unauthenticated dialect). */
  flags?: string[];
}

export interface SaleResult {
  saleId: number;
  commissionId: number | null;
  partnerId: string | null;
  partnerCode: string | null;
  commissionAmount: number;
  reason: string | null;
}

interface Attribution {
  click: Pick<AttributionClick, "id" | "partnerId" | "linkId" | "ipHash"> | null;
  partnerId: string | null;
  customerId: string | null;
}

async function clickById(scope: AttributionScope, id: bigint) {
  const row = await db.click.findUnique({ where: { id }, select: { token: true, programId: true } });
  return row && row.programId === scope.programId ? clickByToken(db, scope, row.token) : null;
}

async function attribute(input: SaleInput, scope: AttributionScope): Promise<Attribution> {
  const click = input.clickToken
    ? await clickByToken(db, scope, input.clickToken)
    : input.clickRowId !== undefined
      ? await clickById(scope, input.clickRowId)
      : null;
  // Only live customers hold customer keys (test customers never do).
  const customer = input.customerKey && !scope.test
    ? await db.customer.findUnique({ where: { programId_customerKey: { programId: input.programId, customerKey: input.customerKey } }, select: { id: true, clickId: true } })
    : input.customerRowId
      ? await db.customer.findFirst({ where: { id: input.customerRowId, programId: input.programId, test: scope.test }, select: { id: true, clickId: true } })
      : null;
  if (input.partnerId) {
    const partner = await db.partner.findFirst({ where: { id: input.partnerId, programId: input.programId }, select: { id: true } });
    if (!partner) throw new ApiError("not_found", "The partner to credit is not a partner of this program");
    return { click: click?.partnerId === partner.id ? click : null, partnerId: partner.id, customerId: customer?.id ?? click?.customerId ?? null };
  }
  if (click) return { click, partnerId: click.partnerId, customerId: customer?.id ?? click.customerId };
  if (customer) {
    const attributed = await attributedClickOfCustomer(db, scope, customer);
    if (attributed) return { click: attributed, partnerId: attributed.partnerId, customerId: customer.id };
  }
  if (input.subscriptionId) {
    const first = await db.sale.findFirst({
      where: { programId: input.programId, subscriptionId: input.subscriptionId, partnerId: { not: null }, test: scope.test },
      orderBy: { occurredAt: "asc" },
      select: { partnerId: true, customerId: true, clickId: true, linkId: true },
    });
    if (first?.partnerId) {
      const click = first.clickId && first.linkId ? { id: first.clickId, partnerId: first.partnerId, linkId: first.linkId, ipHash: null } : null;
      return { click, partnerId: first.partnerId, customerId: customer?.id ?? first.customerId };
    }
  }
  return { click: null, partnerId: null, customerId: customer?.id ?? null };
}

export async function recordSale(input: SaleInput): Promise<SaleResult> {
  const program = await db.program.findUniqueOrThrow({
    where: { id: input.programId },
    select: { currency: true, cookieWindowDays: true, holdDays: true, defaultRuleId: true, testMode: true },
  });
  const occurredAt = input.occurredAt ?? new Date();
  const currency = (input.currency ?? program.currency).toUpperCase();
  const test = Boolean(input.testMode || program.testMode);
  const { click, partnerId, customerId } = await attribute(input, { programId: input.programId, cookieWindowDays: program.cookieWindowDays, test, at: occurredAt });

  let commission: { amount: number; snapshot: object; flags: string[] } | null = null;
  let reason: string | null = partnerId ? null : "unattributed";
  let partnerCode: string | null = null;
  if (partnerId) {
    const [partner, rules, prior] = await Promise.all([
      db.partner.findUniqueOrThrow({ where: { id: partnerId }, select: { code: true, email: true, status: true } }),
      db.commissionRule.findMany({ where: { programId: input.programId, OR: [{ partnerId }, { partnerId: null }] } }),
      input.subscriptionId
        ? db.sale.aggregate({ where: { programId: input.programId, subscriptionId: input.subscriptionId }, _count: true, _min: { occurredAt: true } })
        : null,
    ]);
    partnerCode = partner.code;
    const chosen = resolveRule(rules, { partnerId, productId: input.productId, defaultRuleId: program.defaultRuleId });
    if (chosen) {
      const decision = computeCommission(chosen.rule, { amount: input.amount, priorPayments: prior?._count ?? 0, firstPaymentAt: prior?._min.occurredAt ?? null, occurredAt, sameCurrency: currency === program.currency });
      reason = decision.reason;
      if (decision.amount > 0) {
        const flags = [
          ...(input.flags ?? []),
          ...(partner.status === "SUSPENDED" ? ["PARTNER_SUSPENDED"] : []),
          ...(await saleFlags({ programId: input.programId, partnerEmail: partner.email, customerId, email: input.email, ipHash: click?.ipHash ?? null })),
        ];
        commission = { amount: decision.amount, snapshot: ruleSnapshot(chosen.rule, chosen.scope), flags };
      }
    } else {
      reason = "no_rule";
    }
  }

  const holdUntil = new Date(occurredAt.getTime() + program.holdDays * 86_400_000);
  const lineItems = input.lineItems ? JSON.stringify(input.lineItems) : null;
  const rows = await db.$queryRaw<Array<{ sale_id: number | null; commission_id: number | null }>>`
    WITH sale AS (
      INSERT INTO "Sale" ("programId", "transactionId", "customerId", "partnerId", "clickId", "linkId", amount, currency, type, "isRecurring",
        "subscriptionId", "subscriptionInterval", "productId", "lineItems", source, test, "occurredAt", "paymentReference", "chargeReference", "createdAt")
      VALUES (${input.programId}, ${input.transactionId}, ${customerId}, ${partnerId}, ${click?.id ?? null}, ${click?.linkId ?? null}, ${input.amount},
        ${currency}, ${input.type}::"SaleType", ${input.isRecurring}, ${input.subscriptionId ?? null}, ${input.subscriptionInterval ?? null},
        ${input.productId ?? null}, ${lineItems}::jsonb, ${input.source}::"TrackingSource", ${test}, ${occurredAt},
        ${input.paymentReference ?? null}, ${input.chargeReference ?? null}, now())
      ON CONFLICT ("programId", "transactionId") DO NOTHING
      RETURNING id
    ),
    commission AS (
      INSERT INTO "Commission" ("programId", "partnerId", kind, "saleId", status, amount, "originalAmount", currency, "holdUntil", flags, "ruleSnapshot", test, "createdAt", "updatedAt")
      SELECT ${input.programId}, ${partnerId}, 'SALE'::"CommissionKind", sale.id, 'PENDING'::"CommissionStatus", ${commission?.amount ?? 0}, ${commission?.amount ?? 0},
        ${currency}, ${holdUntil}, ${commission?.flags ?? []}::text[], ${JSON.stringify(commission?.snapshot ?? {})}::jsonb, ${test}, now(), now()
      FROM sale WHERE ${commission !== null}
      RETURNING id
    ),
    customer AS (
      UPDATE "Customer" SET status = 'CUSTOMER'::"CustomerStatus", "convertedAt" = COALESCE("convertedAt", now()), "updatedAt" = now(),
        -- a sale naming a new customer_key teaches it to the click's customer, for later renewals
        "customerKey" = COALESCE("customerKey", (SELECT k.key FROM (SELECT ${test ? null : (input.customerKey ?? null)}::text AS key) k
          WHERE NOT EXISTS (SELECT 1 FROM "Customer" o WHERE o."programId" = ${input.programId} AND o."customerKey" = k.key)))
      WHERE id = ${customerId} AND test = ${test} AND EXISTS (SELECT 1 FROM sale)
    )
    SELECT (SELECT id FROM sale) AS sale_id, (SELECT id FROM commission) AS commission_id`;
  const row = rows[0];
  if (!row?.sale_id) throw new ApiError("conflict", `transaction_id "${input.transactionId}" has already been recorded`);
  await publishSaleEvents(input.programId, row.sale_id, row.commission_id); // a cached no-op unless the program has webhook endpoints
  return { saleId: row.sale_id, commissionId: row.commission_id, partnerId, partnerCode, commissionAmount: commission?.amount ?? 0, reason };
}
