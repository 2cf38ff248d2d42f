// Demo data: an owner, a partner login, one program with 90 days of activity. Used by the embedded
// default on its first start and by `npm run db:seed` (never implicitly on a DATABASE_URL database).
import { writeFileSync } from "node:fs";
import { createDbClient, type PrismaClient } from "@/lib/db";
import { hashPassword } from "@/lib/auth/passwords";
import { sha256Hex } from "@/lib/crypto";
import { newApiKeyPublic, newApiKeySecret, randomBase62 } from "@/lib/ids";
import { percentOf } from "@/lib/money/percent";
import { generateDemoData } from "@/lib/demo/generate";
import { rollupWith } from "@/lib/reports/rollup";
import { setting } from "@/lib/env";

export const DEMO_OWNER_EMAIL = "demo@partnerloop.local";
export const DEMO_PARTNER_EMAIL = "maya@partners.example";

export interface DemoLogin {
  email: string;
  password: string;
  partnerEmail: string;
  partnerPassword: string;
  programId: string;
  apiKey: string;
}

const DAY = 86_400_000;

export async function seedDemo(db: PrismaClient, options: { now?: Date; password?: string } = {}): Promise<DemoLogin> {
  const now = options.now ?? new Date();
  const password = options.password ?? `demo-${randomBase62(10)}`;
  const partnerPassword = `partner-${randomBase62(10)}`;
  const website = "https://acme-analytics.example/";
  const data = generateDemoData({ now, days: 90, website });

  const [ownerHash, partnerHash] = await Promise.all([hashPassword(password), hashPassword(partnerPassword)]);
  const owner = await db.user.create({ data: { email: DEMO_OWNER_EMAIL, name: "Dana Demo", passwordHash: ownerHash } });
  const partnerUser = await db.user.create({
    data: { email: DEMO_PARTNER_EMAIL, name: "Maya Chen", passwordHash: partnerHash, kind: "PARTNER" },
  });
  const program = await db.program.create({
    data: {
      name: "Acme Analytics",
      websiteUrl: website,
      allowedDomains: ["acme-analytics.example", "localhost", "127.0.0.1"],
      currency: "USD",
      cookieWindowDays: 60,
      holdDays: 30,
      minPayoutAmount: 5000,
      createdAt: new Date(now.getTime() - 95 * DAY),
      members: { create: { userId: owner.id, role: "OWNER" } },
    },
  });
  const rule = await db.commissionRule.create({ data: { programId: program.id, type: "PERCENTAGE", value: 2000 } });
  await db.program.update({ where: { id: program.id }, data: { defaultRuleId: rule.id } });
  const apiKey = newApiKeySecret();
  await db.apiKey.create({
    data: {
      programId: program.id,
      name: "Demo key",
      prefix: apiKey.slice(0, 12),
      publicKey: newApiKeyPublic(),
      secretHash: sha256Hex(apiKey),
      createdById: owner.id,
    },
  });

  const programId = program.id;
  await db.partner.createMany({
    data: data.partners.map((p) => ({
      ...p,
      programId,
      userId: p.email === DEMO_PARTNER_EMAIL ? partnerUser.id : null,
      createdAt: new Date(now.getTime() - 92 * DAY),
    })),
  });
  await db.referralLink.createMany({ data: data.links.map((l) => ({ ...l, programId, createdAt: new Date(now.getTime() - 92 * DAY) })) });
  await db.customer.createMany({
    data: data.customers.map((c) => ({
      id: c.id,
      programId,
      partnerId: c.partnerId,
      customerKey: c.customerKey,
      email: c.email,
      status: c.status,
      leadAt: c.leadAt,
      convertedAt: c.convertedAt,
      createdAt: c.createdAt,
    })),
  });
  await db.click.createMany({ data: data.clicks.map((c) => ({ ...c, programId, source: "TRACKER" as const, ipHash: null })) });
  await db.$executeRaw`UPDATE "Customer" c SET "clickId" = k.id FROM "Click" k WHERE k."customerId" = c.id AND c."programId"
    = ${programId}`;
  const clickOf = new Map(
    (await db.click.findMany({ where: { programId, customerId: { not: null } }, select: { id: true, customerId: true } })).map((c) => [
      c.customerId!,
      c.id,
    ]),
  );
  await db.lead.createMany({
    data: data.customers.map((c) => ({
      programId,
      customerId: c.id,
      partnerId: c.partnerId,
      clickId: clickOf.get(c.id) ?? null,
      email: c.email,
      customerKey: c.customerKey,
      source: "API" as const,
      createdAt: c.leadAt,
    })),
  });

  const sales = await db.sale.createManyAndReturn({
    data: data.sales.map((s) => ({
      programId,
      transactionId: s.transactionId,
      customerId: s.customerId,
      partnerId: s.partnerId,
      clickId: clickOf.get(s.customerId) ?? null,
      amount: s.amount,
      currency: "USD",
      type: "SUBSCRIPTION" as const,
      isRecurring: s.isRecurring,
      subscriptionId: s.subscriptionId,
      subscriptionInterval: "monthly",
      productId: s.productId,
      refundedAmount: s.refunded ? s.amount : 0,
      source: "STRIPE" as const,
      occurredAt: s.occurredAt,
      createdAt: s.occurredAt,
    })),
    select: { id: true, partnerId: true, amount: true, occurredAt: true, refundedAmount: true },
  });
  await db.refund.createMany({
    data: sales
      .filter((s) => s.refundedAmount > 0)
      .map((s) => ({
        programId,
        saleId: s.id,
        amount: s.amount,
        currency: "USD",
        reason: "requested_by_customer",
        createdAt: new Date(s.occurredAt.getTime() + 3 * DAY),
      })),
  });

  const snapshot = { type: "PERCENTAGE", value: 2000, ruleId: rule.id, scope: "program" };
  await db.commission.createMany({
    data: sales.map((s) => {
      const age = now.getTime() - s.occurredAt.getTime();
      const amount = percentOf(s.amount, 2000);
      const status = s.refundedAmount > 0 ? "REVERSED" : age > 60 * DAY ? "PAID" : age > 30 * DAY ? "APPROVED" : "PENDING";
      return {
        programId,
        partnerId: s.partnerId!,
        saleId: s.id,
        status,
        amount: status === "REVERSED" ? 0 : amount,
        originalAmount: amount,
        currency: "USD",
        holdUntil: new Date(s.occurredAt.getTime() + 30 * DAY),
        ruleSnapshot: snapshot,
        createdAt: s.occurredAt,
        approvedAt: status === "APPROVED" || status === "PAID" ? new Date(s.occurredAt.getTime() + 30 * DAY) : null,
      } as const;
    }),
  });
  await recordDemoPayout(db, programId, new Date(now.getTime() - 60 * DAY), owner.id);
  // the trail of how the demo program was set up (Activity → Changes)
  const setUp = new Date(now.getTime() - 95 * DAY);
  const byOwner = { programId, actorType: "USER" as const, actorId: owner.id };
  await db.auditLog.createMany({
    data: [
      {
        ...byOwner,
        action: "program.created",
        entityType: "program",
        entityId: programId,
        after: { name: program.name },
        createdAt: setUp,
      },
      { ...byOwner, action: "api_key.created", entityType: "api_key", entityId: "demo", after: { name: "Demo key" }, createdAt: setUp },
      ...data.partners.map((p) => ({
        ...byOwner,
        action: "partner.created",
        entityType: "partner",
        entityId: p.id,
        after: { name: p.name, email: p.email, code: p.code, status: p.status },
        createdAt: new Date(now.getTime() - 92 * DAY),
      })),
      ...data.links.map((l) => ({
        ...byOwner,
        action: "link.created",
        entityType: "link",
        entityId: l.id,
        after: { code: l.code, destinationUrl: l.destinationUrl },
        createdAt: new Date(now.getTime() - 92 * DAY + 60_000),
      })),
    ],
  });
  await rollupWith(db, { id: programId, currency: "USD" }, now);
  await db.$executeRaw`UPDATE "ReferralLink" l SET "clickCount" = k.n, "lastClickedAt" = k.last FROM (SELECT "linkId",
    count(*)::int AS n, max("createdAt") AS last FROM "Click" WHERE "programId" = ${programId} GROUP BY "linkId") k WHERE
      k."linkId" = l.id`;
  await db.$executeRaw`UPDATE "Partner" p SET "clickCount" = (SELECT count(*) FROM "Click" WHERE "partnerId" = p.id),
    "leadCount" = (SELECT count(*) FROM "Lead" WHERE "partnerId" = p.id), "saleCount" = (SELECT count(*) FROM "Sale" WHERE
      "partnerId" = p.id) WHERE p."programId" = ${programId}`;

  return { email: DEMO_OWNER_EMAIL, password, partnerEmail: DEMO_PARTNER_EMAIL, partnerPassword, programId, apiKey };
}

/** Pays out everything marked PAID in one batch, as an owner would have done two months ago. */
async function recordDemoPayout(db: PrismaClient, programId: string, periodEnd: Date, ownerId: string) {
  const batch = await db.payoutBatch.create({
    data: {
      programId,
      periodStart: new Date(periodEnd.getTime() - 30 * DAY),
      periodEnd,
      status: "PAID",
      currency: "USD",
      createdById: ownerId,
      paidAt: periodEnd,
    },
  });
  const totals = await db.commission.groupBy({ by: ["partnerId"], where: { programId, status: "PAID" }, _sum: { amount: true } });
  for (const t of totals) {
    const payout = await db.payout.create({
      data: {
        programId,
        batchId: batch.id,
        partnerId: t.partnerId,
        amount: t._sum.amount ?? 0,
        currency: "USD",
        status: "PAID",
        paidAt: periodEnd,
      },
    });
    await db.commission.updateMany({
      where: { programId, partnerId: t.partnerId, status: "PAID" },
      data: { payoutId: payout.id, paidAt: periodEnd },
    });
  }
}

export function printDemoLogin(login: DemoLogin, baseUrl = "http://localhost:3000"): void {
  console.log(
    [
      "",
      "  Demo data is ready.",
      `  Owner sign-in:    ${baseUrl}/login`,
      `    e-mail:         ${login.email}`,
      `    password:       ${login.password}`,
      `  Partner portal:   ${baseUrl}/partner/login  (${login.partnerEmail} / ${login.partnerPassword})`,
      `  Program id:       ${login.programId}`,
      `  Program API key:  ${login.apiKey}`,
      "",
    ].join("\n"),
  );
}

/** `npm run db:seed [-- --if-empty] [--login-file PATH]` */
export async function runSeedCommand(args: string[]): Promise<void> {
  const url = setting("DATABASE_URL");
  if (!url) throw new Error("DATABASE_URL is not set: nothing to seed");
  const loginFile = args.includes("--login-file") ? args[args.indexOf("--login-file") + 1] : undefined;
  const db = createDbClient(url, 2);
  try {
    if (args.includes("--if-empty") && (await db.user.count()) > 0) {
      console.log("Database already has users; demo data not seeded.");
      return;
    }
    if (await db.user.findUnique({ where: { email: DEMO_OWNER_EMAIL } })) {
      throw new Error(`Demo data is already present (${DEMO_OWNER_EMAIL} exists)`);
    }
    const login = await seedDemo(db, { password: setting("DEMO_PASSWORD") });
    if (loginFile) writeFileSync(loginFile, JSON.stringify(login, null, 2), { mode: 0o600 });
    printDemoLogin(login, setting("APP_URL"));
  } finally {
    await db.$disconnect();
  }
}
