// What record-sale needs to know before it writes, read in two statements that concurrent sales
// share (lib/kernel/batch.ts): first the program, the click of the click token and the customer of
// the customer key (with that customer's attributed click); then, once the partner is known,
// the partner, its applicable rules, the subscription's earlier payments and the facts behind
// the review flags. Timestamps travel as epoch milliseconds (UTC, whatever the session's zone).
import { sqlRows } from "@/lib/db";
import { createBatcher } from "@/lib/kernel/batch";
import { databaseUnreachable } from "@/lib/kernel/to-api-error";
import type { Rule } from "@/lib/commissions/rules";
import type { AttributionClick } from "@/lib/tracking/attribution";

export interface SaleProgram {
  /** An enabled webhook endpoint listens to the program's events. */
  hasWebhookEndpoints: boolean;
  currency: string;
  cookieWindowDays: number;
  holdDays: number;
  defaultRuleId: string | null;
  testMode: boolean;
  couponPrecedence: "CODE" | "LAST_CLICK";
}

export type FoundClick = AttributionClick & { programId: string; test: boolean };

export interface SaleFacts {
  program: SaleProgram | null;
  /** The click of the click token, whatever its program (the caller checks). */
  click: FoundClick | null;
  /** The live customer holding the customer key in this program, and its attributed click. */
  keyCustomer: {
    id: string;
    clickId: bigint | null;
    attributedClick: FoundClick | null;
    keyUnverified: boolean;
    /** The code that credited the customer at signup (a lead by coupon_code). */
    couponId: string | null;
  } | null;
}

const batchOptions = { maxBatch: 100, maxInFlight: 2, retryAlone: (error: unknown) => !databaseUnreachable(error) };

type ClickColumns<P extends string> = Record<
  `${P}_id` | `${P}_program_id` | `${P}_partner_id` | `${P}_link_id` | `${P}_customer_id` | `${P}_network_hash`,
  string | null
> &
  Record<`${P}_test`, boolean | null> &
  Record<`${P}_created_ms`, number | null>;

const clickColumns = (alias: string) =>
  `${alias}.id::text AS ${alias}_id, ${alias}."programId" AS ${alias}_program_id, ${alias}.test
    AS ${alias}_test, ${alias}."partnerId" AS ${alias}_partner_id,
   ${alias}."linkId" AS ${alias}_link_id, ${alias}."customerId" AS ${alias}_customer_id, (extract(epoch
     FROM ${alias}."createdAt") * 1000)::float8 AS ${alias}_created_ms,
   ${alias}."networkHash" AS ${alias}_network_hash`;

function clickOf<P extends "c" | "kc">(row: ClickColumns<P>, p: P): FoundClick | null {
  const r = row as unknown as Record<string, unknown>;
  if (r[`${p}_id`] === null) return null;
  return {
    id: BigInt(r[`${p}_id`] as string),
    programId: r[`${p}_program_id`] as string,
    test: r[`${p}_test`] as boolean,
    partnerId: r[`${p}_partner_id`] as string,
    linkId: r[`${p}_link_id`] as string,
    customerId: r[`${p}_customer_id`] as string | null,
    createdAt: new Date(r[`${p}_created_ms`] as number),
    networkHash: r[`${p}_network_hash`] as string | null,
  };
}

type FactsRow = ClickColumns<"c"> &
  ClickColumns<"kc"> & {
    n: string;
    has_program: boolean;
    has_endpoints: boolean;
    currency: string;
    cookie_window_days: number;
    hold_days: number;
    default_rule_id: string | null;
    test_mode: boolean;
    coupon_precedence: "CODE" | "LAST_CLICK";
    k_coupon_id: string | null;
    k_id: string | null;
    k_click_id: string | null;
    k_key_unverified: boolean | null;
  };

export const loadSaleFacts = createBatcher<{ programId: string; clickToken?: string; customerKey?: string }, SaleFacts>(
  async (items) => {
    const rows = await sqlRows<FactsRow>(
      `SELECT t.n, pr.id IS NOT NULL AS has_program,
       EXISTS (SELECT 1 FROM "WebhookEndpoint" w WHERE w."programId" = pr.id AND w.enabled) AS has_endpoints, pr.currency,
         pr."cookieWindowDays" AS cookie_window_days, pr."holdDays" AS hold_days,
       pr."defaultRuleId" AS default_rule_id, pr."testMode" AS test_mode,
       pr."couponPrecedence"::text AS coupon_precedence, k."couponId" AS k_coupon_id,
       ${clickColumns("c")},
       k.id AS k_id, k."clickId"::text AS k_click_id, k."customerKeyUnverified" AS k_key_unverified,
       ${clickColumns("kc")}
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(program_id, click_token, customer_key, n)
     LEFT JOIN "Program" pr ON pr.id = t.program_id
     LEFT JOIN "Click" c ON c.token = t.click_token
     LEFT JOIN "Customer" k ON k."programId" = t.program_id AND k."customerKey" = t.customer_key
     LEFT JOIN "Click" kc ON kc.id = k."clickId"`,
      [items.map((i) => i.programId), items.map((i) => i.clickToken ?? null), items.map((i) => i.customerKey ?? null)],
    );
    const byN = new Map(rows.map((r) => [Number(r.n), r]));
    return items.map((_, i) => {
      const r = byN.get(i + 1);
      if (!r) return new Error("sale facts missing");
      return {
        program: r.has_program
          ? {
              hasWebhookEndpoints: r.has_endpoints,
              currency: r.currency,
              cookieWindowDays: r.cookie_window_days,
              holdDays: r.hold_days,
              defaultRuleId: r.default_rule_id,
              testMode: r.test_mode,
              couponPrecedence: r.coupon_precedence,
            }
          : null,
        click: clickOf(r, "c"),
        keyCustomer: r.k_id
          ? {
              id: r.k_id,
              clickId: r.k_click_id === null ? null : BigInt(r.k_click_id),
              attributedClick: clickOf(r, "kc"),
              keyUnverified: Boolean(r.k_key_unverified),
              couponId: r.k_coupon_id,
            }
          : null,
      };
    });
  },
  { ...batchOptions, name: "sale-facts" },
);

export interface CommissionFacts {
  /** With the facts of the self-referral guard: the partner's own customer key and the network of its latest sign-in. */
  partner: {
    code: string;
    email: string;
    status: "PENDING" | "ACTIVE" | "SUSPENDED";
    customerKey: string | null;
    networkHash: string | null;
  } | null;
  /** The program's default rules and this partner's own. */
  rules: Rule[];
  /** Earlier payments of the subscription (when the sale names one). */
  prior: { count: number; firstAt: Date | null };
  customerEmail: string | null;
  customerKey: string | null;
  /** Clicks of the program from the click's network in the last 24 h. */
  clicksFromNetwork: number;
}

type CommissionRow = {
  n: string;
  partner_code: string | null;
  partner_email: string | null;
  partner_status: "PENDING" | "ACTIVE" | "SUSPENDED" | null;
  partner_customer_key: string | null;
  partner_network_hash: string | null;
  rules: Rule[];
  prior_count: string | null;
  prior_first_ms: number | null;
  customer_email: string | null;
  customer_key: string | null;
  clicks_from_network: string;
};

export const loadCommissionFacts = createBatcher<
  { programId: string; partnerId: string; subscriptionId?: string; customerId: string | null; networkHash: string | null; since: Date },
  CommissionFacts
>(
  async (items) => {
    const rows = await sqlRows<CommissionRow>(
      `SELECT t.n, pa.code AS partner_code, pa.email AS partner_email, pa.status::text AS partner_status, pa."customerKey" AS
      partner_customer_key,
       (SELECT u."networkHash" FROM "User" u WHERE u.id = pa."userId") AS partner_network_hash,
       (SELECT coalesce(json_agg(json_build_object('id', r.id, 'partnerId', r."partnerId", 'productId', r."productId", 'type', r.type,
          'value', r.value, 'recurringLimitMonths', r."recurringLimitMonths", 'recurringLimitPayments', r."recurringLimitPayments",
          'leadAmount', r."leadAmount", 'minSaleAmount', r."minSaleAmount") ORDER BY r."createdAt", r.id), '[]'::json)
        FROM "CommissionRule" r WHERE r."programId" = t.program_id AND (r."partnerId" = t.partner_id OR r."partnerId" IS NULL)) AS rules,
       s.prior_count, s.prior_first_ms,
       cu.email AS customer_email, cu."customerKey" AS customer_key,
       CASE WHEN t.network_hash IS NULL THEN 0 ELSE (SELECT count(*) FROM "Click" k WHERE k."programId" = t.program_id AND
         k."networkHash" = t.network_hash
         AND k."createdAt" >= (t.since::timestamptz AT TIME ZONE 'UTC')) END AS clicks_from_network
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS t(program_id,
       partner_id, subscription_id, customer_id, network_hash, since, n)
     LEFT JOIN "Partner" pa ON pa.id = t.partner_id AND pa."programId" = t.program_id
     LEFT JOIN "Customer" cu ON cu.id = t.customer_id
     LEFT JOIN LATERAL (
       SELECT count(*) AS prior_count, (extract(epoch FROM min(x."occurredAt")) * 1000)::float8 AS prior_first_ms
       FROM "Sale" x WHERE t.subscription_id IS NOT NULL AND x."programId" = t.program_id AND x."subscriptionId" = t.subscription_id
     ) s ON true`,
      [
        items.map((i) => i.programId),
        items.map((i) => i.partnerId),
        items.map((i) => i.subscriptionId ?? null),
        items.map((i) => i.customerId),
        items.map((i) => i.networkHash),
        items.map((i) => i.since.toISOString()),
      ],
    );
    const byN = new Map(rows.map((r) => [Number(r.n), r]));
    return items.map((_, i) => {
      const r = byN.get(i + 1);
      if (!r) return new Error("commission facts missing");
      return {
        partner:
          r.partner_code !== null
            ? {
                code: r.partner_code,
                email: r.partner_email!,
                status: r.partner_status!,
                customerKey: r.partner_customer_key,
                networkHash: r.partner_network_hash,
              }
            : null,
        rules: r.rules,
        prior: { count: Number(r.prior_count ?? 0), firstAt: r.prior_first_ms === null ? null : new Date(r.prior_first_ms) },
        customerEmail: r.customer_email,
        customerKey: r.customer_key,
        clicksFromNetwork: Number(r.clicks_from_network),
      };
    });
  },
  { ...batchOptions, name: "commission-facts" },
);
