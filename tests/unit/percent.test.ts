import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentOf } from "@/lib/money/percent";

describe("percentOf", () => {
  it("rounds half up to the minor unit", () => {
    expect(percentOf(999, 2000)).toBe(200); // 199.8
    expect(percentOf(1000, 1250)).toBe(125);
    expect(percentOf(5, 1000)).toBe(1); // 0.5 → 1
    expect(percentOf(4, 1000)).toBe(0); // 0.4 → 0
    expect(percentOf(9999, 10000)).toBe(9999);
    expect(percentOf(-5, 1000)).toBe(-1); // symmetric for adjustments
  });

  it("is never more than half a minor unit away from the exact value and never exceeds the amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        const result = percentOf(amount, bps);
        const exactTimes2 = (BigInt(amount) * BigInt(bps) * 2n) / 10000n;
        expect(Math.abs(result * 2 - Number(exactTimes2))).toBeLessThanOrEqual(1);
        expect(result).toBeLessThanOrEqual(amount);
      }),
      { numRuns: 2000 },
    );
  });
});
