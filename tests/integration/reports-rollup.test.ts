// Reports read closed days from rollups and the rest live. Whatever is rolled up, and whatever
// changes after (refunds, reviews, backdated sales), the figures must equal the raw truth.
import "../helpers/env";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DAY_MS, HOUR_MS, startOfUtcDay, startOfUtcHour } from "@/lib/reports/aggregate-sql";
import { rollupBoundary, rollupProgram } from "@/lib/reports/rollup";
import { reportStats, splitPeriod, type StatsQuery } from "@/lib/reports/stats";
import { newClickToken } from "@/lib/ids";
import { makeTrackingProgram } from "../helpers/tracking";

const today = startOfUtcDay(new Date());
const dayAgo = (n: number, hours = 10) => new Date(today.getTime() - n * DAY_MS + hours * 3_600_000);

async function seedActivity(fx: Awaited<ReturnType<typeof makeTrackingProgram>>) {
  const programId = fx.program.id;
  const clicks = [3, 3, 2, 1, 0, 0].map((n, i) => ({
    token: newClickToken(),
    programId,
    partnerId: fx.partner.id,
    linkId: fx.link.id,
    createdAt: dayAgo(n, i),
    test: i === 5,
  }));
  await db.click.createMany({ data: clicks });
  const rows = await db.click.findMany({ where: { programId }, orderBy: { createdAt: "asc" } });
  const customer = await db.customer.create({ data: { programId, partnerId: fx.partner.id, clickId: rows[0]!.id } });
  await db.lead.create({
    data: { programId, customerId: customer.id, partnerId: fx.partner.id, clickId: rows[0]!.id, createdAt: dayAgo(3, 12) },
  });
  const sale = await db.sale.create({
    data: {
      programId,
      transactionId: `r_${fx.link.code}`,
      partnerId: fx.partner.id,
      linkId: fx.link.id,
      clickId: rows[0]!.id,
      amount: 10_000,
      currency: "USD",
      occurredAt: dayAgo(2),
    },
  });
  const commission = await db.commission.create({
    data: {
      programId,
      partnerId: fx.partner.id,
      saleId: sale.id,
      amount: 2_000,
      originalAmount: 2_000,
      currency: "USD",
      ruleSnapshot: {},
      createdAt: dayAgo(2),
    },
  });
  // unattributed: not in figures
  await db.sale.create({ data: { programId, transactionId: `u_${fx.link.code}`, amount: 500, currency: "USD", occurredAt: dayAgo(1) } });
  await db.sale.create({
    data: { programId, transactionId: `e_${fx.link.code}`, partnerId: fx.partner.id, amount: 700, currency: "EUR", occurredAt: dayAgo(1) },
  }); // counted, not summed into USD
  return { sale, commission };
}

const periods = (): Array<Omit<StatsQuery, "groupBy">> => [
  { from: dayAgo(10, 0), to: new Date(today.getTime() + DAY_MS) },
  { from: dayAgo(3, 5), to: dayAgo(1, 3) }, // partial days at both edges
  { from: dayAgo(2, 0), to: dayAgo(1, 0) },
  { from: dayAgo(10, 0), to: new Date(today.getTime() + DAY_MS), includeTest: true },
];

async function everyView(programId: string) {
  const views = [];
  for (const period of periods()) {
    for (const groupBy of ["total", "day", "partner", "link"] as const) views.push(await reportStats(programId, { ...period, groupBy }));
  }
  return views;
}

describe("report rollups", () => {
  it("give the same figures as the raw tables, before and after rolling up, and after late changes", async () => {
    const fx = await makeTrackingProgram();
    const { sale, commission } = await seedActivity(fx);
    const program = { id: fx.program.id, currency: "USD" };

    const raw = await everyView(fx.program.id); // no rollup state yet: all live
    const [total] = await reportStats(fx.program.id, { ...periods()[0]!, groupBy: "total" });
    expect(total).toMatchObject({ clicks: 5, leads: 1, sales: 2, revenue: 10_000, commissions: 2_000 });

    await rollupProgram(program);
    expect(await db.dailyStat.count({ where: { programId: fx.program.id } })).toBeGreaterThan(0);
    expect(await everyView(fx.program.id)).toEqual(raw);

    // late changes to closed days: a refund, a rejected commission, a backdated sale
    await db.sale.update({ where: { id: sale.id }, data: { refundedAmount: 2_500 } });
    await db.refund.create({ data: { programId: fx.program.id, saleId: sale.id, amount: 2_500, currency: "USD" } });
    await db.commission.update({ where: { id: commission.id }, data: { status: "REJECTED" } });
    await db.sale.create({
      data: {
        programId: fx.program.id,
        transactionId: `b_${fx.link.code}`,
        partnerId: fx.partner.id,
        linkId: fx.link.id,
        amount: 300,
        currency: "USD",
        occurredAt: dayAgo(3),
      },
    });
    await rollupProgram(program);
    const [after] = await reportStats(fx.program.id, { ...periods()[0]!, groupBy: "total" });
    expect(after).toMatchObject({ clicks: 5, leads: 1, sales: 3, revenue: 7_800, commissions: 0 });

    await db.rollupState.delete({ where: { programId: fx.program.id } });
    const truth = await everyView(fx.program.id);
    await rollupProgram(program);
    expect(await everyView(fx.program.id)).toEqual(truth);
  });

  it("catches up after downtime and is idempotent", async () => {
    const fx = await makeTrackingProgram();
    await seedActivity(fx);
    const program = { id: fx.program.id, currency: "USD" };
    await rollupProgram(program, new Date(today.getTime() - 2 * DAY_MS)); // last ran two days ago
    await rollupProgram(program);
    const once = await db.dailyStat.findMany({ where: { programId: fx.program.id }, orderBy: [{ day: "asc" }, { test: "asc" }] });
    await rollupProgram(program);
    expect(await db.dailyStat.findMany({ where: { programId: fx.program.id }, orderBy: [{ day: "asc" }, { test: "asc" }] })).toEqual(once);
    expect((await db.rollupState.findUniqueOrThrow({ where: { programId: fx.program.id } })).rolledUntil.getTime()).toBe(
      rollupBoundary(new Date()).getTime(),
    );
  });

  it("rolls today up to the last full hour, and reports still equal the raw rows", async () => {
    const fx = await makeTrackingProgram();
    const program = { id: fx.program.id, currency: "USD" };
    const base = new Date(startOfUtcHour(new Date()).getTime() - 2 * HOUR_MS); // two hours ago, on the hour
    const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);
    await db.click.createMany({
      data: [10, 50, 70, 90].map((m) => ({
        token: newClickToken(),
        programId: fx.program.id,
        partnerId: fx.partner.id,
        linkId: fx.link.id,
        createdAt: at(m),
      })),
    });
    const day = startOfUtcDay(base);
    const views = () =>
      Promise.all(
        (["total", "day", "link"] as const).map((groupBy) =>
          reportStats(fx.program.id, { from: day, to: new Date(day.getTime() + 2 * DAY_MS), groupBy }),
        ),
      );
    const truth = await views();
    expect(truth[0]).toEqual([expect.objectContaining({ clicks: 4 })]);

    await rollupProgram(program, at(65)); // the job an hour ago: rolls [.., base + 60 min) (that hour has settled)
    expect((await db.rollupState.findUniqueOrThrow({ where: { programId: fx.program.id } })).rolledUntil).toEqual(at(60));
    const rolled = await db.dailyStat.aggregate({ where: { programId: fx.program.id }, _sum: { clicks: true } });
    expect(rolled._sum.clicks).toBe(2); // the two clicks before the hour; the later two stay raw
    expect(await views()).toEqual(truth);

    await db.click.create({
      data: { token: newClickToken(), programId: fx.program.id, partnerId: fx.partner.id, linkId: fx.link.id, createdAt: at(30) },
    }); // late row in a rolled hour
    await db.sale.create({
      data: {
        programId: fx.program.id,
        transactionId: `h_${fx.link.code}`,
        partnerId: fx.partner.id,
        linkId: fx.link.id,
        amount: 900,
        currency: "USD",
        occurredAt: at(20),
      },
    });
    await rollupProgram(program); // now: the day is re-rolled from its start up to this hour
    const [total] = await reportStats(fx.program.id, { from: day, to: new Date(day.getTime() + 2 * DAY_MS), groupBy: "total" });
    expect(total).toMatchObject({ clicks: 5, sales: 1, revenue: 900 });
    expect((await db.referralLink.findUniqueOrThrow({ where: { id: fx.link.id } })).clickCount).toBe(5);
  });

  it("splits a period into rolled whole days and live edges", () => {
    const rolledUntil = today;
    expect(splitPeriod(dayAgo(3, 5), dayAgo(1, 3), rolledUntil)).toEqual({
      rolled: { from: dayAgo(2, 0), to: dayAgo(1, 0) },
      raw: [
        { from: dayAgo(3, 5), to: dayAgo(2, 0) },
        { from: dayAgo(1, 0), to: dayAgo(1, 3) },
      ],
    });
    expect(splitPeriod(dayAgo(3, 0), new Date(today.getTime() + DAY_MS), rolledUntil)).toEqual({
      rolled: { from: dayAgo(3, 0), to: today },
      raw: [{ from: today, to: new Date(today.getTime() + DAY_MS) }],
    });
    expect(splitPeriod(dayAgo(3, 0), dayAgo(2, 0), null)).toEqual({ rolled: null, raw: [{ from: dayAgo(3, 0), to: dayAgo(2, 0) }] });
    // today rolled up to 14:00: a period through today reads rollups up to 14:00 and raw after
    const at14 = dayAgo(0, 14);
    expect(splitPeriod(dayAgo(3, 0), new Date(today.getTime() + DAY_MS), at14)).toEqual({
      rolled: { from: dayAgo(3, 0), to: at14 },
      raw: [{ from: at14, to: new Date(today.getTime() + DAY_MS) }],
    });
    // a period ending before 14:00 today cannot use today's partial row
    expect(splitPeriod(dayAgo(3, 0), dayAgo(0, 12), at14)).toEqual({
      rolled: { from: dayAgo(3, 0), to: today },
      raw: [{ from: today, to: dayAgo(0, 12) }],
    });
    // a period starting inside today: all raw
    expect(splitPeriod(dayAgo(0, 2), new Date(today.getTime() + DAY_MS), at14)).toEqual({
      rolled: null,
      raw: [{ from: dayAgo(0, 2), to: new Date(today.getTime() + DAY_MS) }],
    });
  });
});
