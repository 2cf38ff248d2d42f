// Records a sale and its commission. Attribution: the click of `click_id`, else the latest click
// of the `customer_key` customer within the cookie window, else (renewals) the earlier payments
// of the same subscription. A coupon code the sale carries (lib/coupons/match-coupon.ts) competes
// with that evidence under the program's precedence: the code by default, else the click
// (lib/tracking/coupon-precedence.ts). A sale nobody can be credited for is still recorded, unattributed.
// The sale, its commission and the customer's status are written by one SQL statement whose
// `ON CONFLICT DO NOTHING` on (programId, transactionId) makes a reused transaction id write
// nothing at all, however many identical requests race. Every sale is hot path (API, Stripe,
// dialects): what it reads and writes is shared by concurrent sales, two reads and one write
// per batch (lib/tracking/sale-context.ts, lib/kernel/batch.ts).
import { db, sqlRows } from "@/lib/db";
import { createBatcher } from "@/lib/kernel/batch";
import { ApiError } from "@/lib/kernel/errors";
import { databaseUnreachable } from "@/lib/kernel/to-api-error";
import type { TrackingSource } from "@/lib/generated/prisma/enums";
import { computeCommission, resolveRule, ruleSnapshot } from "@/lib/commissions/rules";
import {
  attributedClickOfCustomer,
  clickByToken,
  creditableInScope,
  type AttributionScope,
  type SaleAttribution as Attribution,
} from "@/lib/tracking/attribution";
import { loadCommissionFacts, loadSaleFacts, type SaleFacts } from "@/lib/tracking/sale-context";
import { REPEATED_IP_WINDOW_MS, UNTRUSTED_ATTRIBUTION, reviewFlags } from "@/lib/commissions/review-flags";
import { publishSaleEvents } from "@/lib/webhooks/payloads";
import { BATCH_WINDOW_MS } from "@/lib/notifications/kinds";
import { wakeNotifier } from "@/lib/notifications/record";
import { programKeyActor, providerActor } from "@/lib/audit/actor";
import { settleKeyClaim, type KeyClaim } from "@/lib/tracking/key-claims";
import { hasCouponEvidence, matchCoupon, type CouponEvidence } from "@/lib/coupons/match-coupon";
import { weighCoupon } from "@/lib/tracking/coupon-precedence";
import { countTrackingEvent } from "@/lib/ops/metrics";

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
  /**
   * A discount code the (trusted) caller saw on the order: the code typed, or the Stripe promotion
   * code / coupon applied. Keyless calls never pass one (docs/attribution.md).
   */
  coupon?: CouponEvidence;
  /** Extra review flags about the click or customer evidence (an unproven cart...); dropped when a code wins instead. */
  flags?: string[];
  /** Why the caller chose this click or customer, when it had to choose (kept on the commission's snapshot). */
  attributionNote?: string;
}

export interface SaleResult {
  saleId: number;
  commissionId: number | null;
  partnerId: string | null;
  partnerCode: string | null;
  commissionAmount: number;
  reason: string | null;
  /** The credit rests on untrusted evidence: callers must not remember it as trusted (e.g. bind a Stripe customer to it). */
  untrusted: boolean;
  /** The code the sale carried, when it matched one of ours. */
  couponId: string | null;
  /** Why this partner (or nobody) got the credit, when a code competed or was refused. */
  attributionNote: string | null;
}

async function clickById(scope: AttributionScope, id: bigint) {
  const row = await db.click.findUnique({ where: { id }, select: { token: true, programId: true } });
  return row && row.programId === scope.programId ? clickByToken(db, scope, row.token) : null;
}

/** Flags that say a credit rests on untrusted evidence (docs/attribution.md). */
const UNTRUSTED_FLAGS = new Set([UNTRUSTED_ATTRIBUTION, "UNVERIFIED_SOURCE", "UNVERIFIED_CART", "CART_CONTESTED"]);

/**
 * What the click, customer and subscription say, before any coupon code is weighed; and whether
 * the customer was found by a key only a keyless call gave (then nothing it carries is trusted).
 */
async function attributeByEvidence(
  input: SaleInput,
  scope: AttributionScope,
  facts: SaleFacts,
): Promise<Attribution & { keyUnconfirmed: boolean }> {
  const state: { keyClaim: KeyClaim } = { keyClaim: "verified" };
  const found = await attributeWith(input, scope, facts, state);
  return { ...found, keyUnconfirmed: state.keyClaim === "unconfirmed" && found.customerId === facts.keyCustomer?.id };
}

async function attributeWith(
  input: SaleInput,
  scope: AttributionScope,
  facts: SaleFacts,
  state: { keyClaim: KeyClaim },
): Promise<Attribution> {
  const click = input.clickToken
    ? creditableInScope(facts.click, scope)
    : input.clickRowId !== undefined
      ? await clickById(scope, input.clickRowId)
      : null;
  // Only live customers hold customer keys (test customers never do).
  let customer =
    input.customerKey && !scope.test
      ? facts.keyCustomer
      : input.customerRowId
        ? await db.customer.findFirst({
            where: { id: input.customerRowId, programId: input.programId, test: scope.test },
            select: { id: true, clickId: true },
          })
        : null;
  // A key only a keyless call gave: this (trusted) sale settles it against its click (lib/tracking/key-claims.ts).
  if (customer && customer === facts.keyCustomer && facts.keyCustomer.keyUnverified) {
    state.keyClaim = await settleKeyClaim(db, {
      programId: input.programId,
      customerKey: input.customerKey!,
      holder: { id: customer.id, keyUnverified: true },
      clickCustomerId: click?.customerId ?? null,
      actor: input.source === "STRIPE" ? providerActor("stripe") : programKeyActor(null),
      via: `sale (${input.source})`,
    });
    if (state.keyClaim === "released") customer = null; // the key goes to the click's customer with this sale
  }
  if (input.partnerId) {
    const partner = await db.partner.findFirst({ where: { id: input.partnerId, programId: input.programId }, select: { id: true } });
    if (!partner) throw new ApiError("not_found", "The partner to credit is not a partner of this program");
    return {
      click: click?.partnerId === partner.id ? click : null,
      partnerId: partner.id,
      customerId: customer?.id ?? click?.customerId ?? null,
      direct: true,
    };
  }
  if (click) return { click, partnerId: click.partnerId, customerId: customer?.id ?? click.customerId };
  if (customer) {
    // the customer's attributed click (Customer.clickId): record-click and record-lead keep it per the program's model
    const byKey = customer === facts.keyCustomer;
    const attributed = byKey
      ? creditableInScope(facts.keyCustomer!.attributedClick, scope)
      : await attributedClickOfCustomer(db, scope, customer);
    if (attributed)
      return {
        click: attributed,
        partnerId: attributed.partnerId,
        customerId: customer.id,
        untrusted: byKey && state.keyClaim === "unconfirmed",
      };
  }
  if (input.subscriptionId) {
    const first = await db.sale.findFirst({
      where: { programId: input.programId, subscriptionId: input.subscriptionId, partnerId: { not: null }, test: scope.test },
      orderBy: { occurredAt: "asc" },
      select: {
        partnerId: true,
        customerId: true,
        clickId: true,
        linkId: true,
        commissions: { where: { kind: "SALE" }, select: { flags: true, status: true }, take: 1 },
      },
    });
    if (first?.partnerId) {
      const click =
        first.clickId && first.linkId ? { id: first.clickId, partnerId: first.partnerId, linkId: first.linkId, networkHash: null } : null;
      // a renewal rests on what credited the first payment: untrusted then, untrusted now
      const firstCommission = first.commissions[0];
      const untrusted = Boolean(
        firstCommission && (firstCommission.status === "REJECTED" || firstCommission.flags.some((f) => UNTRUSTED_FLAGS.has(f))),
      );
      return { click, partnerId: first.partnerId, customerId: customer?.id ?? first.customerId, untrusted };
    }
  }
  return { click: null, partnerId: null, customerId: customer?.id ?? null };
}

export async function recordSale(input: SaleInput): Promise<SaleResult> {
  const facts = await loadSaleFacts({ programId: input.programId, clickToken: input.clickToken, customerKey: input.customerKey });
  const program = facts.program;
  if (!program) throw new ApiError("not_found", "Program not found");
  const occurredAt = input.occurredAt ?? new Date();
  const currency = (input.currency ?? program.currency).toUpperCase();
  const test = Boolean(input.testMode || program.testMode);
  const evidence = await attributeByEvidence(
    input,
    { programId: input.programId, cookieWindowDays: program.cookieWindowDays, test, at: occurredAt },
    facts,
  );
  // the code the sale carries, else the one that credited the customer at signup: trusted unless
  // the customer was found by a key only a keyless call claimed (docs/attribution.md). A signup
  // code is not typed again at this checkout: it stands in only when no click speaks for the sale,
  // so a later click of another partner is not overridden by a code used once, months ago.
  const ofCustomer =
    !hasCouponEvidence(input.coupon) &&
    evidence.click === null &&
    facts.keyCustomer?.couponId &&
    facts.keyCustomer.id === evidence.customerId;
  const couponEvidence = ofCustomer ? { couponId: facts.keyCustomer!.couponId! } : input.coupon;
  const coupon = hasCouponEvidence(couponEvidence) ? await matchCoupon(input.programId, couponEvidence, occurredAt) : null;
  const decided = await weighCoupon(program.couponPrecedence, evidence, coupon, occurredAt, Boolean(ofCustomer && evidence.keyUnconfirmed));
  const { click, partnerId, customerId, untrusted } = decided.attribution;
  const callerFlags = decided.codeWon ? [] : (input.flags ?? []);
  const attributionNote = [input.attributionNote && !decided.codeWon ? input.attributionNote : null, decided.note]
    .filter(Boolean)
    .join("; ");

  let commission: SaleRow["commission"] = null;
  let reason: string | null = partnerId ? null : "unattributed";
  let partnerCode: string | null = null;
  if (partnerId) {
    const found = await loadCommissionFacts({
      programId: input.programId,
      partnerId,
      subscriptionId: input.subscriptionId,
      customerId,
      networkHash: click?.networkHash ?? null,
      since: new Date(Date.now() - REPEATED_IP_WINDOW_MS),
    });
    if (!found.partner) throw new ApiError("not_found", "The partner to credit is not a partner of this program");
    const partner = found.partner;
    partnerCode = partner.code;
    const chosen = resolveRule(found.rules, { partnerId, productId: input.productId, defaultRuleId: program.defaultRuleId });
    if (chosen) {
      const decision = computeCommission(chosen.rule, {
        amount: input.amount,
        priorPayments: input.subscriptionId ? found.prior.count : 0,
        firstPaymentAt: input.subscriptionId ? found.prior.firstAt : null,
        occurredAt,
        sameCurrency: currency === program.currency,
      });
      reason = decision.reason;
      if (decision.amount > 0) {
        const flags = [
          ...new Set([
            ...callerFlags,
            ...(untrusted ? [UNTRUSTED_ATTRIBUTION] : []),
            ...(partner.status === "SUSPENDED" ? ["PARTNER_SUSPENDED"] : []),
            ...reviewFlags({
              partner,
              customerEmail: input.email ?? found.customerEmail,
              customerKey: input.customerKey ?? found.customerKey,
              clickNetworkHash: click?.networkHash ?? null,
              clicksFromNetwork: found.clicksFromNetwork,
            }),
          ]),
        ];
        const snapshot = {
          ...ruleSnapshot(chosen.rule, chosen.scope),
          ...(attributionNote ? { attribution_note: attributionNote } : {}),
        };
        commission = { amount: decision.amount, snapshot, flags };
      }
    } else {
      reason = "no_rule";
    }
  }

  const written = await writeSales({
    programId: input.programId,
    transactionId: input.transactionId,
    customerId,
    partnerId,
    clickId: click?.id ?? null,
    linkId: click?.linkId ?? null,
    amount: input.amount,
    currency,
    type: input.type,
    isRecurring: input.isRecurring,
    subscriptionId: input.subscriptionId ?? null,
    subscriptionInterval: input.subscriptionInterval ?? null,
    productId: input.productId ?? null,
    lineItems: input.lineItems ? JSON.stringify(input.lineItems) : null,
    source: input.source,
    test,
    occurredAt,
    paymentReference: input.paymentReference ?? null,
    chargeReference: input.chargeReference ?? null,
    holdUntil: new Date(occurredAt.getTime() + program.holdDays * 86_400_000),
    // a sale naming a new customer_key teaches it to the click's customer, for later renewals
    teachCustomerKey: test ? null : (input.customerKey ?? null),
    couponId: coupon?.couponId ?? null,
    couponCode: coupon?.code ?? null,
    attributionNote: attributionNote || null,
    commission,
  });
  if (!written) throw new ApiError("conflict", `transaction_id "${input.transactionId}" has already been recorded`);
  // nothing to do unless an endpoint listens
  await publishSaleEvents(input.programId, written.saleId, written.commissionId, program.hasWebhookEndpoints);
  if (written.commissionId) wakeNotifier();
  const resting = Boolean(untrusted) || callerFlags.some((f) => UNTRUSTED_FLAGS.has(f));
  countTrackingEvent("sale");
  return {
    saleId: written.saleId,
    commissionId: written.commissionId,
    partnerId,
    partnerCode,
    commissionAmount: commission?.amount ?? 0,
    reason,
    untrusted: resting,
    couponId: coupon?.couponId ?? null,
    attributionNote: attributionNote || null,
  };
}

interface SaleRow {
  programId: string;
  transactionId: string;
  customerId: string | null;
  partnerId: string | null;
  clickId: bigint | null;
  linkId: string | null;
  amount: number;
  currency: string;
  type: "PAYMENT" | "SUBSCRIPTION";
  isRecurring: boolean;
  subscriptionId: string | null;
  subscriptionInterval: string | null;
  productId: string | null;
  lineItems: string | null;
  source: TrackingSource;
  test: boolean;
  occurredAt: Date;
  paymentReference: string | null;
  chargeReference: string | null;
  holdUntil: Date;
  teachCustomerKey: string | null;
  couponId: string | null;
  couponCode: string | null;
  attributionNote: string | null;
  commission: { amount: number; snapshot: object; flags: string[] } | null;
}

type Written = { saleId: number; commissionId: number | null } | null;

const SALE_COLUMNS: Array<[string, string, (r: SaleRow) => unknown]> = [
  ["program_id", "text", (r) => r.programId],
  ["transaction_id", "text", (r) => r.transactionId],
  ["customer_id", "text", (r) => r.customerId],
  ["partner_id", "text", (r) => r.partnerId],
  ["click_id", "bigint", (r) => r.clickId?.toString() ?? null],
  ["link_id", "text", (r) => r.linkId],
  ["amount", "int", (r) => r.amount],
  ["currency", "text", (r) => r.currency],
  ["type", "text", (r) => r.type],
  ["is_recurring", "boolean", (r) => r.isRecurring],
  ["subscription_id", "text", (r) => r.subscriptionId],
  ["subscription_interval", "text", (r) => r.subscriptionInterval],
  ["product_id", "text", (r) => r.productId],
  ["line_items", "text", (r) => r.lineItems],
  ["source", "text", (r) => r.source],
  ["test", "boolean", (r) => r.test],
  ["occurred_at", "text", (r) => r.occurredAt.toISOString()],
  ["payment_reference", "text", (r) => r.paymentReference],
  ["charge_reference", "text", (r) => r.chargeReference],
  ["hold_until", "text", (r) => r.holdUntil.toISOString()],
  ["teach_key", "text", (r) => r.teachCustomerKey],
  ["coupon_id", "text", (r) => r.couponId],
  ["coupon_code", "text", (r) => r.couponCode],
  ["attribution_note", "text", (r) => r.attributionNote],
  ["has_commission", "boolean", (r) => r.commission !== null],
  ["commission_amount", "int", (r) => r.commission?.amount ?? 0],
  ["flags", "text", (r) => JSON.stringify(r.commission?.flags ?? [])],
  ["snapshot", "text", (r) => JSON.stringify(r.commission?.snapshot ?? {})],
];

const utc = (column: string) => `(${column}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * Sales of one batch in one statement: a transaction id already recorded (or repeated within the
 * batch: the first one wins) writes nothing and answers null.
 */
const writeSales = createBatcher<SaleRow, Written>(
  async (rows) => {
    const seen = new Set<string>();
    const unique = rows.filter((r) => {
      const key = `${r.programId}\u0000${r.transactionId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const inserted = await sqlRows<{ program_id: string; transaction_id: string; sale_id: number; commission_id: number | null }>(
      `WITH input AS (
        SELECT * FROM unnest(${SALE_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ")}) WITH ORDINALITY
          AS t(${SALE_COLUMNS.map(([name]) => name).join(", ")}, n)
      ),
      sale AS (
        INSERT INTO "Sale" ("programId", "transactionId", "customerId", "partnerId", "clickId", "linkId", amount, currency,
          type, "isRecurring",
          "subscriptionId", "subscriptionInterval", "productId", "lineItems", source, test, "occurredAt", "paymentReference",
            "chargeReference", "couponId", "couponCode", "attributionNote", "createdAt")
        SELECT program_id, transaction_id, customer_id, partner_id, click_id, link_id, amount, currency, type::"SaleType", is_recurring,
          subscription_id, subscription_interval, product_id, line_items::jsonb, source::"TrackingSource", test, ${utc("occurred_at")},
          payment_reference, charge_reference, coupon_id, coupon_code, attribution_note, now()
        FROM input ORDER BY n
        ON CONFLICT ("programId", "transactionId") DO NOTHING
        RETURNING id, "programId", "transactionId"
      ),
      written AS (SELECT sale.id AS sale_id, input.* FROM sale JOIN input ON input.program_id = sale."programId" AND
        input.transaction_id = sale."transactionId"),
      commission AS (
        INSERT INTO "Commission" ("programId", "partnerId", kind, "saleId", status, amount, "originalAmount", currency,
          "holdUntil", flags, "ruleSnapshot", test, "createdAt", "updatedAt")
        SELECT program_id, partner_id, 'SALE'::"CommissionKind", sale_id, 'PENDING'::"CommissionStatus", commission_amount,
          commission_amount,
          currency, ${utc("hold_until")}, ARRAY(SELECT jsonb_array_elements_text(flags::jsonb)), snapshot::jsonb, test, now(), now()
        FROM written WHERE has_commission
        RETURNING id, "saleId", "partnerId", amount, currency, "holdUntil", test
      ),
      notification AS (
        INSERT INTO "Notification" (id, "programId", key, kind, "toEmail", "partnerId", data, "notBefore", "createdAt", "updatedAt")
        SELECT 'ntf_' || replace(gen_random_uuid()::text, '-', ''), w.program_id,
          'commission_created:commission:' || c.id || ':' || lower(coalesce(u.email, p.email)), 'commission_created',
          lower(coalesce(u.email, p.email)), p.id,
          jsonb_build_object('commissionId', c.id, 'amount', c.amount, 'currency', c.currency, 'saleId', c."saleId",
            'holdUntil', c."holdUntil", 'transactionId', w.transaction_id),
          now() + interval '${BATCH_WINDOW_MS} milliseconds', now(), now()
        FROM commission c JOIN written w ON w.sale_id = c."saleId" JOIN "Partner" p ON p.id = c."partnerId"
        LEFT JOIN "User" u ON u.id = p."userId"
        WHERE NOT c.test
        ON CONFLICT (key) DO NOTHING
      ),
      customer AS (
        UPDATE "Customer" c SET status = 'CUSTOMER'::"CustomerStatus", "convertedAt" = COALESCE(c."convertedAt", now()),
          "updatedAt" = now(),
          "customerKey" = COALESCE(c."customerKey", (SELECT w.teach_key WHERE NOT EXISTS (SELECT 1 FROM "Customer" o WHERE
            o."programId" = w.program_id AND o."customerKey" = w.teach_key)))
        FROM written w
        WHERE c.id = w.customer_id AND c.test = w.test
      )
      SELECT written.program_id, written.transaction_id, written.sale_id, commission.id AS commission_id
      FROM written LEFT JOIN commission ON commission."saleId" = written.sale_id`,
      SALE_COLUMNS.map(([, , value]) => unique.map(value)),
    );
    const byKey = new Map(inserted.map((r) => [`${r.program_id}\u0000${r.transaction_id}`, r]));
    const answered = new Set<string>();
    return rows.map((r) => {
      const key = `${r.programId}\u0000${r.transactionId}`;
      const hit = byKey.get(key);
      if (!hit || answered.has(key)) return null; // recorded before, or by an earlier item of this batch
      answered.add(key);
      return { saleId: hit.sale_id, commissionId: hit.commission_id };
    });
  },
  // a failed batch (a deadlock between batches, a customer key two sales teach at once) is retried sale by sale
  { name: "sale-insert", maxBatch: 100, maxInFlight: 2, retryAlone: (error) => !databaseUnreachable(error) },
);
