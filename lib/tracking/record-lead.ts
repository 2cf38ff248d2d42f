// Records a signup (lead): ties the customer (by click token and/or the program's own customer
// key) to the partner of the click. One lead per customer: repeating it changes nothing.
// An already attributed customer keeps its partner unless the caller is trusted (program API
// key) and the program credits the last click; a browser call never moves a customer.
// Test-mode leads use test customers only and never touch live ones.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { TrackingSource } from "@/lib/generated/prisma/enums";
import { clickByToken } from "@/lib/tracking/attribution";
import { createLeadCommission } from "@/lib/commissions/create-lead-commission";
import { recordLeadEvents } from "@/lib/webhooks/payloads";
import { enqueueDeliveries } from "@/lib/webhooks/record-events";

export interface LeadInput {
  programId: string;
  clickToken?: string;
  customerKey?: string;
  email?: string;
  name?: string;
  testMode?: boolean;
  source: TrackingSource;
  /** Server call with the program's API key (may re-attribute under last-click). Default true. */
  trusted?: boolean;
}

export interface LeadResult {
  leadId: number;
  customerId: string;
  created: boolean;
  partnerId: string | null;
}

export async function recordLead(input: LeadInput): Promise<LeadResult> {
  try {
    return await recordLeadOnce(input);
  } catch (error) {
    // Two identical first leads racing both create the customer; the loser retries and finds it.
    if ((error as { code?: string }).code === "P2002") return recordLeadOnce(input);
    throw error;
  }
}

async function recordLeadOnce(input: LeadInput): Promise<LeadResult> {
  const program = await db.program.findUniqueOrThrow({ where: { id: input.programId }, select: { cookieWindowDays: true, testMode: true, attributionModel: true } });
  const test = Boolean(input.testMode || program.testMode);
  if (!input.clickToken && !input.customerKey && !test) throw new ApiError("unprocessable_entity", "click_id: provide click_id or customer_key (at least one is required outside test mode)");
  const mayReattribute = input.trusted !== false && program.attributionModel === "LAST_CLICK";

  let deliveries: string[] = []; // webhook deliveries written with the lead, queued once it commits
  const result = await db.$transaction(async (tx) => {
    const click = input.clickToken ? await clickByToken(tx, { programId: input.programId, cookieWindowDays: program.cookieWindowDays, test }, input.clickToken) : null;
    if (input.clickToken && !click && !input.customerKey) {
      throw new ApiError("not_found", "click_id not found for this program, or older than the cookie window");
    }
    // Only live customers hold customer keys; a test lead never resolves to one.
    const byKey = input.customerKey && !test
      ? await tx.customer.findUnique({ where: { programId_customerKey: { programId: input.programId, customerKey: input.customerKey } }, select: { id: true, partnerId: true, clickId: true } })
      : null;
    const details = { ...(input.email ? { email: input.email } : {}), ...(input.name ? { name: input.name } : {}) };
    let customer: { id: string; partnerId: string | null; clickId: bigint | null };
    if (byKey) {
      const attribute = click && (!byKey.partnerId || mayReattribute);
      customer = await tx.customer.update({
        where: { id: byKey.id },
        data: { ...details, ...(attribute ? { partnerId: click.partnerId, clickId: click.id } : {}) },
        select: { id: true, partnerId: true, clickId: true },
      });
      if (attribute && click.customerId !== byKey.id) await tx.click.update({ where: { id: click.id }, data: { customerId: byKey.id } });
    } else if (click?.customerId) {
      customer = await tx.customer.update({
        where: { id: click.customerId },
        data: { ...details, ...(input.customerKey && !test ? { customerKey: input.customerKey } : {}) },
        select: { id: true, partnerId: true, clickId: true },
      });
    } else {
      customer = await tx.customer.create({
        data: { programId: input.programId, customerKey: test ? null : input.customerKey, ...details, partnerId: click?.partnerId, clickId: click?.id, test },
        select: { id: true, partnerId: true, clickId: true },
      });
    }
    await tx.customer.updateMany({ where: { id: customer.id, status: "CLICK" }, data: { status: "LEAD", leadAt: new Date() } });

    const inserted = await tx.$queryRaw<Array<{ id: number }>>`
      INSERT INTO "Lead" ("programId", "customerId", "partnerId", "clickId", email, "customerKey", source, test, "createdAt")
      VALUES (${input.programId}, ${customer.id}, ${customer.partnerId}, ${customer.clickId}, ${input.email ?? null}, ${input.customerKey ?? null},
        ${input.source}::"TrackingSource", ${test}, now())
      ON CONFLICT ("customerId") DO NOTHING RETURNING id`;
    if (inserted[0]) {
      const credited = customer.clickId !== null && customer.partnerId !== null;
      // (link and partner figures come from the rollup job, not counters bumped here)
      // A customer's first lead, attributed and live, earns the rule's lead commission (if any).
      const commission = credited && !test
        ? await createLeadCommission(tx, { programId: input.programId, leadId: inserted[0].id, partnerId: customer.partnerId!, customerId: customer.id, clickId: customer.clickId, email: input.email })
        : null;
      deliveries = await recordLeadEvents(tx, input.programId, inserted[0].id, commission?.id ?? null);
      return { leadId: inserted[0].id, customerId: customer.id, created: true, partnerId: customer.partnerId };
    }
    const existing = await tx.lead.findUniqueOrThrow({ where: { customerId: customer.id }, select: { id: true, partnerId: true } });
    return { leadId: existing.id, customerId: customer.id, created: false, partnerId: existing.partnerId };
  });
  enqueueDeliveries(deliveries);
  return result;
}
