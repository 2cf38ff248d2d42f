// Records a signup (lead): ties the customer (by click token and/or the program's own customer
// key) to the partner of the click. One lead per customer: repeating it changes nothing.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { TrackingSource } from "@/lib/generated/prisma/enums";
import { clickByToken } from "@/lib/tracking/attribution";

export interface LeadInput {
  programId: string;
  clickToken?: string;
  customerKey?: string;
  email?: string;
  name?: string;
  testMode?: boolean;
  source: TrackingSource;
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
  const program = await db.program.findUniqueOrThrow({ where: { id: input.programId }, select: { cookieWindowDays: true, testMode: true } });
  const test = Boolean(input.testMode || program.testMode);
  if (!input.clickToken && !input.customerKey && !test) throw new ApiError("unprocessable_entity", "provide click_id or customer_key");

  return db.$transaction(async (tx) => {
    const click = input.clickToken ? await clickByToken(tx, input.programId, input.clickToken, program.cookieWindowDays) : null;
    if (input.clickToken && !click && !input.customerKey) {
      throw new ApiError("not_found", "click_id not found for this program, or older than the cookie window");
    }
    // The customer: the one holding the customer key, else the click's, else a new one.
    const byKey = input.customerKey
      ? await tx.customer.findUnique({ where: { programId_customerKey: { programId: input.programId, customerKey: input.customerKey } }, select: { id: true } })
      : null;
    const attribution = click ? { partnerId: click.partnerId, clickId: click.id } : {};
    const details = { ...(input.email ? { email: input.email } : {}), ...(input.name ? { name: input.name } : {}) };
    let customerId: string;
    if (byKey) {
      customerId = byKey.id;
      await tx.customer.update({ where: { id: customerId }, data: { ...details, ...attribution } });
      if (click && click.customerId !== customerId) await tx.click.update({ where: { id: click.id }, data: { customerId } });
    } else if (click?.customerId) {
      customerId = click.customerId;
      await tx.customer.update({ where: { id: customerId }, data: { ...details, ...attribution, ...(input.customerKey ? { customerKey: input.customerKey } : {}) } });
    } else {
      const created = await tx.customer.create({
        data: { programId: input.programId, customerKey: input.customerKey, ...details, ...attribution, test },
        select: { id: true },
      });
      customerId = created.id;
    }
    await tx.customer.updateMany({ where: { id: customerId, status: "CLICK" }, data: { status: "LEAD", leadAt: new Date() } });

    const inserted = await tx.$queryRaw<Array<{ id: number }>>`
      INSERT INTO "Lead" ("programId", "customerId", "partnerId", "clickId", email, "customerKey", source, test, "createdAt")
      VALUES (${input.programId}, ${customerId}, ${click?.partnerId ?? null}, ${click?.id ?? null}, ${input.email ?? null}, ${input.customerKey ?? null},
        ${input.source}::"TrackingSource", ${test}, now())
      ON CONFLICT ("customerId") DO NOTHING RETURNING id`;
    if (inserted[0]) {
      if (click && !test) {
        await tx.referralLink.update({ where: { id: click.linkId }, data: { leadCount: { increment: 1 } } });
        await tx.partner.update({ where: { id: click.partnerId }, data: { leadCount: { increment: 1 } } });
      }
      return { leadId: inserted[0].id, customerId, created: true, partnerId: click?.partnerId ?? null };
    }
    const existing = await tx.lead.findUniqueOrThrow({ where: { customerId }, select: { id: true, partnerId: true } });
    return { leadId: existing.id, customerId, created: false, partnerId: existing.partnerId };
  });
}
