import { describe, expect, it } from "vitest";
import { generateDemoData } from "@/lib/demo/generate";

describe("demo data generation", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const data = generateDemoData({ now, days: 90, website: "https://acme.example/" });

  it("spreads activity over the window and never into the future", () => {
    const start = now.getTime() - 90 * 86_400_000;
    for (const click of data.clicks) expect(click.createdAt.getTime()).toBeGreaterThanOrEqual(start);
    for (const click of data.clicks) expect(click.createdAt.getTime()).toBeLessThan(now.getTime());
    for (const customer of data.customers) expect(customer.leadAt.getTime()).toBeLessThan(now.getTime());
    for (const sale of data.sales) expect(sale.occurredAt.getTime()).toBeLessThan(now.getTime());
  });

  it("keeps the funnel consistent: sales belong to customers who came from a click", () => {
    const customerIds = new Set(data.clicks.map((c) => c.customerId).filter(Boolean));
    expect(customerIds.size).toBe(data.customers.length);
    for (const sale of data.sales) expect(customerIds.has(sale.customerId)).toBe(true);
    expect(data.sales.length).toBeGreaterThan(20);
    expect(new Set(data.sales.map((s) => s.transactionId)).size).toBe(data.sales.length);
  });

  it("is reproducible", () => {
    const again = generateDemoData({ now, days: 90, website: "https://acme.example/" });
    expect(again.clicks.length).toBe(data.clicks.length);
    expect(again.sales.map((s) => s.amount)).toEqual(data.sales.map((s) => s.amount));
  });
});
