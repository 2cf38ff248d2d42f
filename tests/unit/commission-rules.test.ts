// The rule matrix: which rule wins, what it computes (percentage / flat, recurring limits,
// minimums, rounding in zero- and two-decimal currencies), and properties over random input:
// a commission never exceeds its sale, and refunds never take back more than the commission.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainAmount, recurringLabel } from "@/lib/commissions/explain";
import { computeCommission, resolveRule, ruleSnapshot, type Rule, type SaleFacts } from "@/lib/commissions/rules";
import { fromMinorUnits } from "@/lib/money/currency";
import { commissionAfterRefund } from "@/lib/tracking/record-refund";

const rule = (over: Partial<Rule> = {}): Rule => ({
  id: "r_default",
  partnerId: null,
  productId: null,
  type: "PERCENTAGE",
  value: 2000,
  recurringLimitMonths: null,
  recurringLimitPayments: null,
  leadAmount: null,
  minSaleAmount: null,
  ...over,
});
const sale = (over: Partial<SaleFacts> = {}): SaleFacts => ({
  amount: 10_000,
  priorPayments: 0,
  firstPaymentAt: null,
  occurredAt: new Date("2026-06-01T00:00:00Z"),
  sameCurrency: true,
  ...over,
});

describe("resolveRule: the most specific rule wins", () => {
  const rules = [
    rule(),
    rule({ id: "r_partner", partnerId: "p1", value: 3000 }),
    rule({ id: "r_product", productId: "sku-pro", value: 1000 }),
    rule({ id: "r_partner_product", partnerId: "p1", productId: "sku-pro", value: 5000 }),
  ];
  const cases: Array<[string, string | null, string, string]> = [
    ["p1", "sku-pro", "r_partner_product", "partner_product"],
    ["p2", "sku-pro", "r_product", "product"],
    ["p1", "sku-basic", "r_partner", "partner"],
    ["p1", null, "r_partner", "partner"],
    ["p2", "sku-basic", "r_default", "program"],
    ["p2", null, "r_default", "program"],
  ];
  it.each(cases)("partner %s, product %s → %s", (partnerId, productId, id, scope) => {
    expect(resolveRule(rules, { partnerId, productId, defaultRuleId: "r_default" })).toEqual({
      rule: expect.objectContaining({ id }),
      scope,
    });
  });

  it("has no rule when the program has no default and nothing matches", () => {
    expect(resolveRule([rule({ id: "x", partnerId: "p9" })], { partnerId: "p1", productId: null, defaultRuleId: null })).toBeNull();
  });

  it("snapshots the rule it used, lead amount included", () => {
    expect(ruleSnapshot(rule({ leadAmount: 500 }), "program")).toMatchObject({
      rule_id: "r_default",
      scope: "program",
      type: "PERCENTAGE",
      value: 2000,
      lead_amount: 500,
    });
  });
});

describe("computeCommission", () => {
  it("rounds percentages half-up to the minor unit (two-decimal currency: cents)", () => {
    expect(computeCommission(rule(), sale({ amount: 999 }))).toEqual({ amount: 200, reason: null }); // 199.8 → 200
    expect(computeCommission(rule({ value: 1250 }), sale({ amount: 1_002 }))).toEqual({ amount: 125, reason: null }); // 125.25 → 125
    expect(computeCommission(rule({ value: 1250 }), sale({ amount: 1_004 }))).toEqual({ amount: 126, reason: null }); // 125.5 → 126
    // 1549.845 → 1550
    expect(fromMinorUnits(computeCommission(rule({ value: 1550 }), sale({ amount: 9_999 })).amount, "USD")).toBe("15.50");
  });

  it("rounds in zero-decimal currencies to whole units (JPY, VND)", () => {
    expect(computeCommission(rule({ value: 1500 }), sale({ amount: 12_345 })).amount).toBe(1_852); // ¥1851.75 → ¥1852
    expect(computeCommission(rule({ value: 333 }), sale({ amount: 150 })).amount).toBe(5); // 4.995 → 5
    expect(fromMinorUnits(computeCommission(rule({ value: 1000 }), sale({ amount: 1_234_567 })).amount, "VND")).toBe("123457"); // 123456.7
  });

  it("pays a flat amount per sale, never more than the sale", () => {
    expect(computeCommission(rule({ type: "FLAT", value: 2_500 }), sale())).toEqual({ amount: 2_500, reason: null });
    expect(computeCommission(rule({ type: "FLAT", value: 2_500 }), sale({ amount: 1_000 }))).toEqual({ amount: 1_000, reason: null });
  });

  it("pays nothing below the minimum sale amount", () => {
    expect(computeCommission(rule({ minSaleAmount: 5_000 }), sale({ amount: 4_999 }))).toEqual({ amount: 0, reason: "below_minimum" });
    expect(computeCommission(rule({ minSaleAmount: 5_000 }), sale({ amount: 5_000 })).amount).toBe(1_000);
  });

  it("limits recurring revenue by count of payments: 0 = first payment only, n = n renewals, none = lifetime", () => {
    const first = rule({ recurringLimitPayments: 0 });
    expect(computeCommission(first, sale({ priorPayments: 0 })).amount).toBe(2_000);
    expect(computeCommission(first, sale({ priorPayments: 1 }))).toEqual({ amount: 0, reason: "recurring_limit_reached" });
    const two = rule({ recurringLimitPayments: 2 });
    expect([0, 1, 2, 3].map((n) => computeCommission(two, sale({ priorPayments: n })).amount)).toEqual([2_000, 2_000, 2_000, 0]);
    expect(computeCommission(rule(), sale({ priorPayments: 240 })).amount).toBe(2_000);
  });

  it("limits recurring revenue by months since the first payment", () => {
    const twelve = rule({ recurringLimitMonths: 12 });
    const firstPaymentAt = new Date("2026-01-15T00:00:00Z");
    // Renewals billed within 12 months of the first payment earn (a day's billing drift allowed); the 13th month's does not.
    expect(
      computeCommission(twelve, sale({ priorPayments: 12, firstPaymentAt, occurredAt: new Date("2027-01-15T20:00:00Z") })).amount,
    ).toBe(2_000);
    expect(
      computeCommission(twelve, sale({ priorPayments: 13, firstPaymentAt, occurredAt: new Date("2027-02-15T00:00:00Z") })).reason,
    ).toBe("recurring_limit_reached");
  });

  it("applies flat amounts and minimums only to sales in the program's currency", () => {
    expect(computeCommission(rule({ type: "FLAT", value: 500 }), sale({ sameCurrency: false })).reason).toBe("currency_mismatch");
    expect(computeCommission(rule({ minSaleAmount: 100 }), sale({ sameCurrency: false })).reason).toBe("currency_mismatch");
    expect(computeCommission(rule(), sale({ sameCurrency: false })).amount).toBe(2_000);
  });

  it("describes the recurring limit in words", () => {
    expect(
      [rule({ recurringLimitPayments: 0 }), rule({ recurringLimitPayments: 2 }), rule({ recurringLimitMonths: 6 }), rule()].map((r) =>
        recurringLabel(ruleSnapshot(r, "program")),
      ),
    ).toEqual(["first payment only", "first 3 payments", "payments in the first 6 months", "every payment (lifetime)"]);
  });

  it("explains the amount from the snapshot", () => {
    const snapshot = ruleSnapshot(rule(), "program");
    expect(
      explainAmount(
        { kind: "SALE", amount: 2_000, originalAmount: 2_000, currency: "USD", ruleSnapshot: snapshot },
        { amount: 10_000, currency: "USD" },
      ),
    ).toBe("20% of $100.00 = $20.00");
    expect(
      explainAmount(
        { kind: "SALE", amount: 1_500, originalAmount: 2_000, currency: "USD", ruleSnapshot: snapshot },
        { amount: 10_000, currency: "USD" },
      ),
    ).toBe("20% of $100.00 = $20.00, reduced to $15.00 by refunds");
    expect(
      explainAmount(
        { kind: "LEAD", amount: 300, originalAmount: 300, currency: "JPY", ruleSnapshot: { ...snapshot, basis: "lead" } },
        null,
      ),
    ).toBe("Flat ¥300 for the customer's first lead");
    expect(
      explainAmount(
        {
          kind: "ADJUSTMENT",
          amount: -500,
          originalAmount: -500,
          currency: "USD",
          ruleSnapshot: { reason: "refund_after_payout", refund_id: 7 },
        },
        null,
      ),
    ).toBe("Refund #7 after payout: -$5.00");
  });
});

describe("properties", () => {
  const amount = fc.integer({ min: 1, max: 2_147_483_647 });
  const anyRule = fc.record({
    type: fc.constantFrom("PERCENTAGE" as const, "FLAT" as const),
    value: fc.integer({ min: 1, max: 10_000 }),
    minSaleAmount: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    recurringLimitPayments: fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }),
  });

  it("a commission is never negative and never more than its sale", () => {
    fc.assert(
      fc.property(anyRule, amount, fc.integer({ min: 0, max: 36 }), (r, saleAmount, prior) => {
        const { amount: earned } = computeCommission(
          rule(r),
          sale({ amount: saleAmount, priorPayments: prior, firstPaymentAt: prior ? new Date(0) : null }),
        );
        return Number.isSafeInteger(earned) && earned >= 0 && earned <= saleAmount;
      }),
      { numRuns: 2_000 },
    );
  });

  it("refunds, partial or full, in any order, take back at most the commission and end at zero", () => {
    const scenario = amount.chain((saleAmount) =>
      fc.tuple(
        fc.constant(saleAmount),
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.integer({ min: 1, max: saleAmount }), { minLength: 1, maxLength: 8 }),
      ),
    );
    fc.assert(
      fc.property(scenario, ([saleAmount, bps, refunds]) => {
        const original = computeCommission(rule({ value: bps }), sale({ amount: saleAmount })).amount;
        let refunded = 0;
        let due = original;
        let reversedTotal = 0;
        for (const requested of refunds) {
          const step = Math.min(requested, saleAmount - refunded);
          if (step === 0) break;
          refunded += step;
          const next = commissionAfterRefund(original, saleAmount, refunded);
          if (next > due || next < 0) return false; // never grows back, never negative
          reversedTotal += due - next;
          due = next;
        }
        const fullyRefunded = commissionAfterRefund(original, saleAmount, saleAmount);
        return reversedTotal <= original && reversedTotal + due === original && fullyRefunded === 0;
      }),
      { numRuns: 2_000 },
    );
  });
});
