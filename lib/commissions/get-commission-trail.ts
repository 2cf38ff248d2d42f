// Why a commission has its amount and status: click (when, from where) → lead → sale → rule →
// amount → every status change. The owner sees everything; a partner (audience "partner") sees
// their own commission without the owner's data: no customer identity, transaction ids, IP
// signals or the names of the people who reviewed it.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { REPEATED_IP_THRESHOLD } from "@/lib/commissions/review-flags";
import { explainAmount, FLAG_DESCRIPTIONS, recurringLabel, ruleScopeLabel, type Snapshot } from "@/lib/commissions/explain";

export type Audience = "owner" | "partner";

export interface TrailStep {
  at: Date;
  action: string;
  from: string | null;
  to: string | null;
  amount: number | null;
  reason: string | null;
  actor: string | null;
}

async function actorNames(rows: Array<{ actorType: string; actorId: string | null }>): Promise<Map<string, string>> {
  const userIds = rows.filter((r) => r.actorType === "USER" && r.actorId).map((r) => r.actorId!);
  const tokenIds = rows.filter((r) => r.actorType === "API_TOKEN" && r.actorId).map((r) => r.actorId!);
  const [users, tokens] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    tokenIds.length
      ? db.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true, user: { select: { email: true } } } })
      : [],
  ]);
  return new Map([
    ...users.map((u) => [u.id, u.name ?? u.email] as const),
    ...tokens.map((t) => [t.id, `API token "${t.name}" (${t.user.email})`] as const),
  ]);
}

/** Whose commission: the program's (owner), or one of these partner records' / this partner user's (portal). */
export type TrailScope = { programId: string } | { partnerIds: string[] } | { partnerUserId: string };

const scopeWhere = (scope: TrailScope) =>
  "programId" in scope
    ? { programId: scope.programId }
    : "partnerIds" in scope
      ? { partnerId: { in: scope.partnerIds } }
      : { partner: { userId: scope.partnerUserId } };

export async function getCommissionTrail(where: TrailScope, commissionId: number, audience: Audience) {
  const owner = audience === "owner";
  const commission = await db.commission.findFirst({
    where: { id: commissionId, ...scopeWhere(where) },
    include: {
      partner: { select: { id: true, name: true, code: true } },
      sale: {
        include: {
          refunds: { orderBy: { createdAt: "asc" } },
          customer: { select: { id: true, email: true, customerKey: true, clickId: true } },
        },
      },
      lead: { include: { customer: { select: { id: true, email: true, customerKey: true } } } },
      refund: true,
      payout: { select: { id: true, batchId: true, status: true, paidAt: true } },
    },
  });
  if (!commission) throw new ApiError("not_found", "Commission not found");
  const sale = commission.sale;
  const adjusted = commission.adjustsId
    ? await db.commission.findUnique({ where: { id: commission.adjustsId }, include: { sale: true } })
    : null;
  const customerId = sale?.customerId ?? commission.lead?.customerId ?? adjusted?.sale?.customerId ?? null;
  const lead =
    commission.lead ??
    (customerId
      ? await db.lead.findUnique({ where: { customerId }, include: { customer: { select: { id: true, email: true, customerKey: true } } } })
      : null);
  const clickId = sale?.clickId ?? lead?.clickId ?? null;
  const [click, adjustments, audit, credits] = await Promise.all([
    clickId ? db.click.findUnique({ where: { id: clickId }, include: { link: { select: { code: true } } } }) : null,
    db.commission.findMany({
      where: { adjustsId: commission.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, amount: true, status: true, createdAt: true, refundId: true },
    }),
    db.auditLog.findMany({
      where: { entityType: "commission", entityId: String(commission.id) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    // every change of who gets credit for the customer (lib/audit/customer-attribution.ts), up to this commission
    owner && customerId
      ? db.auditLog.findMany({
          where: {
            entityType: "customer",
            entityId: customerId,
            programId: commission.programId,
            createdAt: { lte: commission.createdAt },
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      : [],
  ]);
  const repeatClicks =
    owner && click?.networkHash
      ? await db.click.count({
          where: {
            programId: commission.programId,
            networkHash: click.networkHash,
            createdAt: { gte: new Date(click.createdAt.getTime() - 86_400_000), lte: new Date(click.createdAt.getTime() + 86_400_000) },
          },
        })
      : null;
  const partnerOf = (v: unknown) =>
    v && typeof v === "object" && "partner_id" in v ? ((v as { partner_id: string | null }).partner_id ?? null) : null;
  const creditPartnerIds = [
    ...new Set(credits.flatMap((a) => [partnerOf(a.before), partnerOf(a.after)]).filter((id): id is string => Boolean(id))),
  ];
  const creditPartners = creditPartnerIds.length
    ? new Map(
        (await db.partner.findMany({ where: { id: { in: creditPartnerIds } }, select: { id: true, name: true, code: true } })).map((p) => [
          p.id,
          `${p.name} (${p.code})`,
        ]),
      )
    : new Map<string, string>();
  const names = owner ? await actorNames([...audit, ...credits]) : new Map<string, string>();
  const actorLabel = (a: { actorType: string; actorId: string | null }) =>
    a.actorType === "SYSTEM"
      ? "System"
      : a.actorType === "PUBLIC"
        ? "a keyless call"
        : a.actorType === "API_KEY"
          ? "the program API key"
          : a.actorType === "PROVIDER"
            ? `a signed ${a.actorId ?? "provider"} webhook`
            : (names.get(a.actorId ?? "") ?? a.actorType);
  const status = (v: unknown) => (v && typeof v === "object" && "status" in v ? String((v as { status: unknown }).status) : null);
  const amountOf = (v: unknown) => (v && typeof v === "object" && "amount" in v ? Number((v as { amount: unknown }).amount) : null);
  const history: TrailStep[] = [
    {
      at: commission.createdAt,
      action: "commission.created",
      from: null,
      to: commission.kind === "ADJUSTMENT" ? "APPROVED" : "PENDING",
      amount: commission.originalAmount,
      reason: null,
      actor: owner ? "System" : null,
    },
    ...audit.map((a) => ({
      at: a.createdAt,
      action: a.action,
      from: status(a.before),
      to: status(a.after),
      amount: amountOf(a.after),
      reason: a.reason,
      actor: owner ? actorLabel(a) : null,
    })),
  ];
  const attribution = credits.map((a) => ({
    at: a.createdAt,
    action: a.action,
    via: a.reason,
    actor: actorLabel(a),
    from: partnerOf(a.before) ? (creditPartners.get(partnerOf(a.before)!) ?? "a deleted partner") : null,
    to: partnerOf(a.after) ? (creditPartners.get(partnerOf(a.after)!) ?? "a deleted partner") : null,
  }));
  const snapshot = (commission.ruleSnapshot ?? {}) as Snapshot;
  return {
    commission: {
      id: commission.id,
      kind: commission.kind,
      status: commission.status,
      amount: commission.amount,
      originalAmount: commission.originalAmount,
      currency: commission.currency,
      holdUntil: commission.holdUntil,
      approvedAt: commission.approvedAt,
      paidAt: commission.paidAt,
      createdAt: commission.createdAt,
      test: commission.test,
      flags: (commission.flags ?? []).map((f) => ({ flag: f, description: FLAG_DESCRIPTIONS[f] ?? f })),
    },
    partner: commission.partner,
    click: click && {
      at: click.createdAt,
      linkCode: click.link.code,
      referrer: click.referrerUrl,
      landingPage: owner ? (click.pageUrl ?? click.landingUrl) : null,
      country: click.country,
      device: click.device,
      browser: click.browser,
      repeatClicksSameIp: repeatClicks,
      repeatThreshold: REPEATED_IP_THRESHOLD,
    },
    lead: lead && {
      id: lead.id,
      at: lead.createdAt,
      source: lead.source,
      email: owner ? (lead.email ?? lead.customer.email) : null,
      customerKey: owner ? lead.customer.customerKey : null,
    },
    sale: sale && {
      id: sale.id,
      transactionId: owner ? sale.transactionId : null,
      amount: sale.amount,
      currency: sale.currency,
      refundedAmount: sale.refundedAmount,
      productId: sale.productId,
      type: sale.type,
      isRecurring: sale.isRecurring,
      occurredAt: sale.occurredAt,
      source: sale.source,
      customerEmail: owner ? (sale.customer?.email ?? null) : null,
      refunds: sale.refunds.map((r) => ({ id: r.id, amount: r.amount, at: r.createdAt, reason: owner ? r.reason : null })),
    },
    rule: {
      snapshot,
      scope: ruleScopeLabel(snapshot, sale?.productId),
      recurring: recurringLabel(snapshot),
      explanation: explainAmount(commission, sale ? { amount: sale.amount, currency: sale.currency } : null),
    },
    /** Owner only: every change of who got credit for the customer, and why the sale's click was chosen where it had to be. */
    attribution,
    attributionNote: owner ? ((snapshot as { attribution_note?: string }).attribution_note ?? null) : null,
    adjusts: adjusted && { id: adjusted.id, amount: adjusted.amount, status: adjusted.status, refundId: commission.refundId },
    adjustments,
    payout: commission.payout,
    history,
  };
}
export type CommissionTrail = Awaited<ReturnType<typeof getCommissionTrail>>;
