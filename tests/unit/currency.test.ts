import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/kernel/errors";
import { fieldMinorUnits, formatMoney, fromMinorUnits, isCurrency, minorUnitDigits, toMinorUnits } from "@/lib/money/currency";

describe("currencies", () => {
  it("knows minor units of two-, zero- and three-decimal currencies", () => {
    expect(minorUnitDigits("USD")).toBe(2);
    expect(minorUnitDigits("eur")).toBe(2);
    expect(minorUnitDigits("VND")).toBe(0);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("KWD")).toBe(3);
  });

  it("recognises ISO 4217 codes only", () => {
    expect(isCurrency("USD")).toBe(true);
    expect(isCurrency("VND")).toBe(true);
    expect(isCurrency("XYZ")).toBe(false);
  });

  it("converts decimal amounts exactly, where floats would not", () => {
    expect(19.99 * 100).not.toBe(1999); // the trap
    expect(toMinorUnits(19.99, "USD")).toBe(1999);
    expect(toMinorUnits("99.5", "USD")).toBe(9950);
    expect(toMinorUnits(99, "EUR")).toBe(9900);
    expect(toMinorUnits("250000", "VND")).toBe(250000);
    expect(toMinorUnits("1.250", "KWD")).toBe(1250);
    expect(toMinorUnits("10.50", "USD")).toBe(1050);
    expect(toMinorUnits("1500", "JPY")).toBe(1500);
  });

  it("refuses more decimals than the currency has, and non-numbers", () => {
    expect(() => toMinorUnits("1.5", "VND")).toThrow(/VND allows at most 0 decimal places/);
    expect(() => toMinorUnits("1.001", "USD")).toThrow(RangeError);
    expect(() => toMinorUnits("abc", "USD")).toThrow(RangeError);
    expect(() => toMinorUnits(Number.NaN, "USD")).toThrow(RangeError);
  });

  it("round-trips minor units through their decimal form", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom("USD", "VND", "KWD", "JPY", "EUR"), (amount, currency) => {
        expect(toMinorUnits(fromMinorUnits(amount, currency), currency)).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it("formats for people", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(250000, "VND")).toMatch(/250,000/);
  });

  it("names the field of an amount from outside it cannot convert (400 unless told otherwise)", () => {
    expect(fieldMinorUnits("leadValue", "12.5", "USD")).toBe(1250);
    const refused = (() => {
      try {
        fieldMinorUnits("items.0.price", "1.001", "USD");
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 400, message: "items.0.price: USD allows at most 2 decimal places" });
    expect(() => fieldMinorUnits("lead amount", "x", "USD", "unprocessable_entity")).toThrow(
      expect.objectContaining({ status: 422, message: 'lead amount: "x" is not a decimal amount' }),
    );
  });
});
