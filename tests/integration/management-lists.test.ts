// Clicks, customers, sales and commissions: cursor pagination, filters and the test-mode split.
import "../helpers/env";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createProgram } from "@/app/api/v1/programs/route";
import { GET as listClicks } from "@/app/api/v1/programs/[id]/clicks/route";
import { GET as listCustomers } from "@/app/api/v1/programs/[id]/customers/route";
import { GET as listSales } from "@/app/api/v1/programs/[id]/sales/route";
import { GET as listCommissions } from "@/app/api/v1/programs/[id]/commissions/route";
import { clickResponse } from "@/lib/clicks/api-schemas";
import { commissionResponse } from "@/lib/commissions/api-schemas";
import { customerResponse } from "@/lib/customers/api-schemas";
import { db } from "@/lib/db";
import { encodeCursor, pageSchema } from "@/lib/kernel/pagination";
import { newClickToken } from "@/lib/ids";
import { saleResponse } from "@/lib/sales/api-schemas";
import type { Click } from "@/lib/generated/prisma/client";
import { call, makeTokenUser, seedClick, seedCommission, seedCustomer, seedPartner, seedSale } from "../helpers/management";

const DAY = 86_400_000;
const base = new Date("2026-03-10T12:00:00.000Z");
const at = (days: number, ms = 0) => new Date(base.getTime() + days * DAY + ms);

let token: string;
let programId: string;
let a: Awaited<ReturnType<typeof seedPartner>>;
let b: Awaited<ReturnType<typeof seedPartner>>;
const clicksA: Click[] = [];
const clicksB: Click[] = [];

beforeAll(async () => {
  ({ token } = await makeTokenUser());
  programId = (await call(createProgram, "POST", { token, body: { name: "Lists", website_url: "https://lists.example" } })).body.id;
  a = await seedPartner(programId);
  b = await seedPartner(programId);
  const linkA = { programId, partnerId: a.partner.id, linkId: a.link.id };
  const linkB = { programId, partnerId: b.partner.id, linkId: b.link.id };
  // 9 live clicks of A on days 0..8, three of them sharing one timestamp (ties broken by id).
  for (let day = 0; day < 9; day++) clicksA.push(await seedClick(linkA, { createdAt: day >= 6 ? at(6) : at(day) }));
  for (let day = 0; day < 3; day++) clicksB.push(await seedClick(linkB, { createdAt: at(day, 1000) }));
  await seedClick(linkA, { createdAt: at(1), test: true });
  await seedClick(linkB, { createdAt: at(2), test: true });
});

async function walk(handler: unknown, query: Record<string, string | number>) {
  const seen: unknown[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const res = await call(handler, "GET", { token, params: { id: programId }, query: { ...query, ...(cursor ? { cursor } : {}) } });
    expect(res.status).toBe(200);
    seen.push(...res.body.data.map((row: { id: unknown }) => row.id));
    cursor = res.body.next_cursor ?? undefined;
    pages++;
  } while (cursor && pages < 50);
  return { ids: seen, pages };
}

describe("cursor pagination", () => {
  it("walks every click exactly once, newest first, across pages", async () => {
    const { ids, pages } = await walk(listClicks, { limit: 5 });
    const expected = [...clicksA, ...clicksB]
      .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || Number(y.id - x.id))
      .map((c) => Number(c.id));
    expect(ids).toEqual(expected);
    expect(new Set(ids).size).toBe(12);
    expect(pages).toBe(3);
  });

  it("keeps page boundaries stable while newer rows arrive", async () => {
    const c = await seedPartner(programId);
    const link = { programId, partnerId: c.partner.id, linkId: c.link.id };
    const original: Click[] = [];
    for (let day = 20; day < 25; day++) original.push(await seedClick(link, { createdAt: at(day) }));
    const page = (cursor?: string) =>
      call(listClicks, "GET", { token, params: { id: programId }, query: { limit: 2, partner_id: c.partner.id, cursor } });

    const first = await page();
    await seedClick(link, { createdAt: new Date(at(30).getTime()) }); // newer than everything: belongs before page 1
    const second = await page(first.body.next_cursor);
    const third = await page(second.body.next_cursor);
    const seen = [first, second, third].flatMap((p) => p.body.data.map((row: { id: number }) => row.id));
    expect(seen).toEqual(original.map((click) => Number(click.id)).reverse());
    expect(third.body.next_cursor).toBeNull();
  });

  it("validates limit and cursor with 422 naming the parameter", async () => {
    for (const [query, field] of [
      [{ limit: 0 }, "limit"],
      [{ limit: 101 }, "limit"],
      [{ limit: "many" }, "limit"],
      [{ cursor: "garbage!" }, "cursor"],
      [{ test: "yes" }, "test"],
      [{ from: "yesterday" }, "from"],
      [{ from: "2026-03-05", to: "2026-03-01" }, "to"],
    ] as const) {
      const res = await call(listClicks, "GET", { token, params: { id: programId }, query });
      expect(res.status, JSON.stringify(query)).toBe(422);
      expect(res.body.error.message).toMatch(new RegExp(`^${field}: `));
    }
    const wrongKind = encodeCursor({ at: new Date(), id: "not-a-number" });
    expect((await call(listClicks, "GET", { token, params: { id: programId }, query: { cursor: wrongKind } })).status).toBe(422);
  });

  it("defaults to 50 rows per page", async () => {
    const owner = await makeTokenUser();
    const pid = (await call(createProgram, "POST", { token: owner.token, body: { name: "Many", website_url: "https://many.example" } }))
      .body.id;
    const p = await seedPartner(pid);
    await db.click.createMany({
      data: Array.from({ length: 51 }, (_, i) => ({
        programId: pid,
        partnerId: p.partner.id,
        linkId: p.link.id,
        token: newClickToken(),
        createdAt: at(0, i),
      })),
    });
    const first = await call(listClicks, "GET", { token: owner.token, params: { id: pid } });
    expect(first.body.data).toHaveLength(50);
    const second = await call(listClicks, "GET", { token: owner.token, params: { id: pid }, query: { cursor: first.body.next_cursor } });
    expect(second.body).toMatchObject({ next_cursor: null, data: [expect.objectContaining({ created_at: at(0).toISOString() })] });
  });
});

describe("clicks", () => {
  it("serialize numeric ids as numbers and the public id as click_id", async () => {
    const res = await call(listClicks, "GET", { token, params: { id: programId }, query: { partner_id: a.partner.id, limit: 1 } });
    const page = pageSchema(clickResponse).parse(res.body);
    const click = clicksA.find((c) => Number(c.id) === page.data[0]!.id)!;
    expect(page.data[0]).toMatchObject({
      id: Number(click.id),
      click_id: click.token,
      partner_id: a.partner.id,
      link_id: a.link.id,
      test: false,
      source: "api",
    });
    expect(res.body.data[0]).not.toHaveProperty("ip_hash");
  });

  it("filter by partner, period and test mode", async () => {
    const ids = async (query: Record<string, string>) =>
      (await call(listClicks, "GET", { token, params: { id: programId }, query: { limit: "100", ...query } })).body.data.map(
        (c: { id: number }) => c.id,
      );
    expect(await ids({ partner_id: b.partner.id })).toEqual(clicksB.map((c) => Number(c.id)).reverse());
    // Dates are inclusive whole days (UTC): day 1 and day 2 of A, day 1 and day 2 of B.
    const byDay = await ids({ from: "2026-03-11", to: "2026-03-12" });
    expect(byDay.sort()).toEqual([clicksA[1], clicksA[2], clicksB[1], clicksB[2]].map((c) => Number(c!.id)).sort());
    const byTime = await ids({ from: at(6).toISOString(), to: at(6).toISOString(), partner_id: a.partner.id });
    expect(byTime).toHaveLength(3);
    const testOnly = await call(listClicks, "GET", {
      token,
      params: { id: programId },
      query: { test: "true", from: "2026-03-10", to: "2026-03-12" },
    });
    expect(testOnly.body.data).toHaveLength(2);
    expect(testOnly.body.data.every((c: { test: boolean }) => c.test)).toBe(true);
  });
});

describe("customers, sales and commissions", () => {
  it("list customers with status filter and the attributing click's public id", async () => {
    const owner = await makeTokenUser();
    const pid = (await call(createProgram, "POST", { token: owner.token, body: { name: "Customers", website_url: "https://c.example" } }))
      .body.id;
    const p = await seedPartner(pid);
    const click = await seedClick({ programId: pid, partnerId: p.partner.id, linkId: p.link.id });
    const lead = await seedCustomer({ programId: pid, partnerId: p.partner.id }, { status: "LEAD", clickId: click.id });
    await seedCustomer({ programId: pid, partnerId: p.partner.id }, { status: "CUSTOMER" });
    await seedCustomer({ programId: pid, partnerId: p.partner.id }, { status: "LEAD", test: true });

    const res = await call(listCustomers, "GET", { token: owner.token, params: { id: pid }, query: { status: "lead" } });
    const page = pageSchema(customerResponse).parse(res.body);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({ id: lead.id, status: "lead", click_id: click.token, partner_id: p.partner.id });
    expect((await call(listCustomers, "GET", { token: owner.token, params: { id: pid } })).body.data).toHaveLength(2);
    expect((await call(listCustomers, "GET", { token: owner.token, params: { id: pid }, query: { test: "true" } })).body.data).toHaveLength(
      1,
    );
  });

  it("list sales by occurred_at with net amounts, and commissions by status", async () => {
    const owner = await makeTokenUser();
    const pid = (await call(createProgram, "POST", { token: owner.token, body: { name: "Sales", website_url: "https://s.example" } })).body
      .id;
    const p = await seedPartner(pid);
    const q = await seedPartner(pid);
    const attributed = { programId: pid, partnerId: p.partner.id };
    const older = await seedSale(attributed, { amount: 10_000, refunded: 2_500, occurredAt: at(-3) });
    const newer = await seedSale({ programId: pid, partnerId: q.partner.id }, { amount: 4_999, occurredAt: at(-1), type: "SUBSCRIPTION" });
    const unattributed = await seedSale({ programId: pid, partnerId: null }, { amount: 100, occurredAt: at(-2) });
    await seedSale(attributed, { amount: 777, occurredAt: at(-1), test: true });

    const sales = pageSchema(saleResponse).parse((await call(listSales, "GET", { token: owner.token, params: { id: pid } })).body);
    expect(sales.data.map((s) => s.id)).toEqual([newer.id, unattributed.id, older.id]);
    expect(sales.data[2]).toMatchObject({ amount: 10_000, refunded_amount: 2_500, net_amount: 7_500, currency: "USD", type: "payment" });
    const subscriptions = await call(listSales, "GET", { token: owner.token, params: { id: pid }, query: { type: "subscription" } });
    expect(subscriptions.body.data.map((s: { id: number }) => s.id)).toEqual([newer.id]);
    const ofP = await call(listSales, "GET", {
      token: owner.token,
      params: { id: pid },
      query: { partner_id: p.partner.id, test: "true" },
    });
    expect(ofP.body.data.map((s: { amount: number }) => s.amount)).toEqual([777]);

    await seedCommission(attributed, { amount: 2_000, status: "APPROVED", saleId: older.id });
    await seedCommission({ programId: pid, partnerId: q.partner.id }, { amount: 1_000, saleId: newer.id });
    await seedCommission(attributed, { amount: 5, status: "REJECTED" });
    const commissions = pageSchema(commissionResponse).parse(
      (await call(listCommissions, "GET", { token: owner.token, params: { id: pid } })).body,
    );
    expect(commissions.data).toHaveLength(3);
    const approved = await call(listCommissions, "GET", { token: owner.token, params: { id: pid }, query: { status: "approved" } });
    expect(approved.body.data).toEqual([
      expect.objectContaining({ amount: 2_000, status: "approved", sale_id: older.id, kind: "sale", currency: "USD" }),
    ]);
    const ofQ = await call(listCommissions, "GET", { token: owner.token, params: { id: pid }, query: { partner_id: q.partner.id } });
    expect(ofQ.body.data.map((c: { amount: number }) => c.amount)).toEqual([1_000]);
    expect((await call(listCommissions, "GET", { token: owner.token, params: { id: pid }, query: { status: "lost" } })).status).toBe(422);
  });
});
