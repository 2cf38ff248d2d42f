// Records a signup (lead): ties the customer (by click token and/or the program's own customer
// key) to the partner of the click. One lead per customer: repeating it changes nothing.
// An already attributed customer keeps its partner unless the caller is trusted (program API
// key) and the program credits the last click; an untrusted call never moves a customer, and
// every change of a customer's partner is audited (lib/audit/customer-attribution.ts).
// Test-mode leads use test customers only and never touch live ones. A trusted lead may carry the
// code used at signup (a free trial): it credits the customer under the program's coupon precedence.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { isUniqueViolation } from "@/lib/kernel/unique-violation";
import type { TrackingSource } from "@/lib/generated/prisma/enums";
import { clickByToken } from "@/lib/tracking/attribution";
import { createLeadCommission } from "@/lib/commissions/create-lead-commission";
import { recordLeadEvents } from "@/lib/webhooks/payloads";
import { programKeyActor, publicActor, type Actor } from "@/lib/audit/actor";
import { auditAttribution } from "@/lib/audit/customer-attribution";
import { releaseEmailClaims, settleKeyClaim } from "@/lib/tracking/key-claims";
import { UNTRUSTED_ATTRIBUTION } from "@/lib/commissions/review-flags";
import { enqueueDeliveries } from "@/lib/webhooks/record-events";
import { matchCoupon } from "@/lib/coupons/match-coupon";
import { countTrackingEvent } from "@/lib/ops/metrics";

export interface LeadInput {
  programId: string;
  clickToken?: string;
  customerKey?: string;
  email?: string;
  name?: string;
  testMode?: boolean;
  source: TrackingSource;
  /**
   * Server call with the program's API key (may re-attribute under last-click). Default true.
   * Untrusted (keyless browser or dialect) calls follow docs/attribution.md: they act only on their
   * own click's customer, never move a customer key another customer holds, keep their e-mail as
   * unverified, and their lead commission waits for review.
   */
  trusted?: boolean;
  /** The discount code used at signup (trusted calls only): credits the customer to the code's partner (lib/coupons/match-coupon.ts). */
  couponCode?: string;
  /** Who is calling, for the audit row of a change of partner (default: the program key, or a public caller). */
  actor?: Actor;
  /** The call, for that audit row, e.g. "POST /api/v1/track/signup". */
  via?: string;
}

export interface LeadResult {
  leadId: number;
  customerId: string;
  created: boolean;
  partnerId: string | null;
  /** Why a code credited nobody, or which evidence won against it. */
  note: string | null;
}

export async function recordLead(input: LeadInput): Promise<LeadResult> {
  let result: LeadResult;
  try {
    result = await recordLeadOnce(input);
  } catch (error) {
    // Two identical first leads racing both create the customer; the loser retries and finds it.
    if (!isUniqueViolation(error)) throw error;
    result = await recordLeadOnce(input);
  }
  countTrackingEvent("lead");
  return result;
}

const customerSelect = {
  id: true,
  partnerId: true,
  clickId: true,
  couponId: true,
  customerKey: true,
  customerKeyUnverified: true,
} as const;
type LeadCustomer = {
  id: string;
  partnerId: string | null;
  clickId: bigint | null;
  couponId: string | null;
  customerKey: string | null;
  customerKeyUnverified: boolean;
};

async function recordLeadOnce(input: LeadInput): Promise<LeadResult> {
  const program = await db.program.findUniqueOrThrow({
    where: { id: input.programId },
    select: { cookieWindowDays: true, testMode: true, attributionModel: true, couponPrecedence: true },
  });
  const test = Boolean(input.testMode || program.testMode);
  if (!input.clickToken && !input.customerKey && !test)
    throw new ApiError("unprocessable_entity", "click_id: provide click_id or customer_key (at least one is required outside test mode)");
  const trusted = input.trusted !== false;
  const actor = input.actor ?? (trusted ? programKeyActor(null) : publicActor);
  const via = input.via ?? `lead (${input.source})`;
  const mayReattribute = trusted && program.attributionModel === "LAST_CLICK";
  // a code is evidence only from a trusted call (a keyless caller could type any partner's code)
  const coupon = trusted && input.couponCode ? await matchCoupon(input.programId, { code: input.couponCode }, new Date()) : null;

  let note: string | null = null;
  let deliveries: string[] = []; // webhook deliveries written with the lead, queued once it commits
  const result = await db.$transaction(async (tx) => {
    const click = input.clickToken
      ? await clickByToken(tx, { programId: input.programId, cookieWindowDays: program.cookieWindowDays, test }, input.clickToken)
      : null;
    if ((input.clickToken || !trusted) && !click && (!input.customerKey || !trusted)) {
      throw new ApiError("not_found", "click_id not found for this program, or older than the cookie window");
    }
    // Only live customers hold customer keys; a test lead never resolves to one.
    let byKey =
      input.customerKey && !test
        ? await tx.customer.findUnique({
            where: { programId_customerKey: { programId: input.programId, customerKey: input.customerKey } },
            select: customerSelect,
          })
        : null;
    if (!trusted && byKey && byKey.id !== click?.customerId) {
      throw new ApiError(
        "conflict",
        "customer_key belongs to another customer of this program; a keyless call cannot move it to this click (report the " +
          "signup from your server with the program API key)",
      );
    }
    // What this call adds is trusted only if the call is, and it does not rest on a key a keyless call claimed
    // (lib/tracking/key-claims.ts).
    let confirmed = trusted;
    if (trusted && byKey) {
      const claim = await settleKeyClaim(tx, {
        programId: input.programId,
        customerKey: input.customerKey!,
        holder: { id: byKey.id, keyUnverified: byKey.customerKeyUnverified },
        clickCustomerId: click?.customerId ?? null,
        actor,
        via,
      });
      if (claim === "released") byKey = null;
      if (claim === "unconfirmed") confirmed = false;
    }
    const target =
      byKey ?? (click?.customerId ? await tx.customer.findUnique({ where: { id: click.customerId }, select: customerSelect }) : null);
    // An unconfirmed e-mail is kept as unverified (it credits only through review), and never one another customer already has.
    const emailTaken =
      input.email && !confirmed
        ? await tx.customer.findFirst({
            where: { programId: input.programId, email: input.email, test, ...(target ? { id: { not: target.id } } : {}) },
            select: { id: true },
          })
        : null;
    const email = input.email && !emailTaken ? { email: input.email, emailUnverified: !confirmed } : {};
    const details = { ...email, ...(input.name ? { name: input.name } : {}) };
    // A key is taught to the click's customer unless it has one; only a trusted call replaces one.
    const teachKey = (customer: LeadCustomer | null) =>
      input.customerKey && !test && (trusted || !customer?.customerKey)
        ? { customerKey: input.customerKey, customerKeyUnverified: !trusted }
        : {};

    // the code beats the click unless the program lets the click win; a code that credits nobody leaves the click
    const codeWins = Boolean(coupon?.partnerId && (program.couponPrecedence === "CODE" || !click));
    const byCode = codeWins
      ? { partnerId: coupon!.partnerId, clickId: click?.partnerId === coupon!.partnerId ? click.id : null, couponId: coupon!.couponId }
      : null;
    note = coupon
      ? coupon.refusal
        ? `${coupon.refusal}: it credits nobody`
        : codeWins
          ? `credited by code ${coupon.code}`
          : `the click wins (last click); code ${coupon.code} was not used`
      : null;

    let customer: LeadCustomer;
    let from: { partnerId: string | null; clickId: bigint | null } = { partnerId: null, clickId: null };
    if (target && byCode) {
      from = { partnerId: target.partnerId, clickId: target.clickId };
      const move = !target.partnerId || program.couponPrecedence === "CODE";
      customer = await tx.customer.update({
        where: { id: target.id },
        data: { ...details, ...(target === byKey ? {} : teachKey(target)), ...(move ? byCode : {}) },
        select: customerSelect,
      });
    } else if (target) {
      from = { partnerId: target.partnerId, clickId: target.clickId };
      // the customer of the key moves to the click under last-click (trusted only); the click's own customer is already its partner's
      const attribute = click && (!target.partnerId || (target === byKey && mayReattribute));
      customer = await tx.customer.update({
        where: { id: target.id },
        data: {
          ...details,
          ...(target === byKey ? {} : teachKey(target)),
          ...(attribute ? { partnerId: click.partnerId, clickId: click.id } : {}),
        },
        select: customerSelect,
      });
      if (attribute && click.customerId !== target.id) await tx.click.update({ where: { id: click.id }, data: { customerId: target.id } });
    } else {
      customer = await tx.customer.create({
        data: {
          programId: input.programId,
          ...teachKey(null),
          ...details,
          partnerId: click?.partnerId,
          clickId: click?.id,
          ...(byCode ?? {}),
          test,
        },
        select: customerSelect,
      });
    }
    await auditAttribution(tx, actor, {
      programId: input.programId,
      customerId: customer.id,
      from,
      to: { partnerId: customer.partnerId, clickId: customer.clickId },
      via,
    });
    if (input.email && confirmed && !test)
      await releaseEmailClaims(tx, { programId: input.programId, email: input.email, keepId: customer.id, actor, via });
    await tx.customer.updateMany({ where: { id: customer.id, status: "CLICK" }, data: { status: "LEAD", leadAt: new Date() } });

    const inserted = await tx.$queryRaw<Array<{ id: number }>>`
      INSERT INTO "Lead" ("programId", "customerId", "partnerId", "clickId", email, "customerKey", source, test, "createdAt")
      VALUES (${input.programId}, ${customer.id}, ${customer.partnerId}, ${customer.clickId}, ${input.email ?? null},
        ${input.customerKey ?? null},
        ${input.source}::"TrackingSource", ${test}, now())
      ON CONFLICT ("customerId") DO NOTHING RETURNING id`;
    if (inserted[0]) {
      const credited = customer.partnerId !== null && (customer.clickId !== null || customer.couponId !== null);
      // (link and partner figures come from the rollup job, not counters bumped here)
      // A customer's first lead, attributed and live, earns the rule's lead commission (if any).
      const commission =
        credited && !test
          ? await createLeadCommission(tx, {
              programId: input.programId,
              leadId: inserted[0].id,
              partnerId: customer.partnerId!,
              customerId: customer.id,
              clickId: customer.clickId,
              email: input.email,
              flags: confirmed ? [] : [UNTRUSTED_ATTRIBUTION],
            })
          : null;
      deliveries = await recordLeadEvents(tx, input.programId, inserted[0].id, commission?.id ?? null);
      return { leadId: inserted[0].id, customerId: customer.id, created: true, partnerId: customer.partnerId, note };
    }
    const existing = await tx.lead.findUniqueOrThrow({ where: { customerId: customer.id }, select: { id: true, partnerId: true } });
    return { leadId: existing.id, customerId: customer.id, created: false, partnerId: existing.partnerId, note };
  });
  enqueueDeliveries(deliveries);
  return result;
}
