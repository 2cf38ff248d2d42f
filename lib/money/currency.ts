// ISO 4217 currencies and their minor units, from the runtime's ICU data (full ICU in Node 20):
// VND and JPY have 0 decimals, USD and EUR 2, KWD 3.
import { ApiError, type ErrorCode } from "@/lib/kernel/errors";

const SUPPORTED = new Set(Intl.supportedValuesOf("currency"));
const digitsCache = new Map<string, number>();

export function isCurrency(code: string): boolean {
  return SUPPORTED.has(code.toUpperCase());
}

export function minorUnitDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(code, digits);
  }
  return digits;
}

/**
 * Converts a decimal amount in major units ("99.5", 99.5) to integer minor units exactly, without
 * float arithmetic. Throws RangeError when the value has more decimals than the currency allows.
 */
export function toMinorUnits(amount: string | number, currency: string): number {
  const text = typeof amount === "number" ? numberToPlainString(amount) : amount.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a decimal amount`);
  const [, sign, whole, fraction = ""] = match;
  const digits = minorUnitDigits(currency);
  const trimmed = fraction.replace(/0+$/, "");
  if (trimmed.length > digits) {
    throw new RangeError(`${currency.toUpperCase()} allows at most ${digits} decimal places`);
  }
  const minor = BigInt(whole! + trimmed.padEnd(digits, "0"));
  const value = Number(sign === "-" ? -minor : minor);
  if (!Number.isSafeInteger(value)) throw new RangeError("Amount is too large");
  return value;
}

/**
 * `toMinorUnits` of a field from outside: an amount it cannot convert is the caller's mistake,
 * an ApiError (400 unless told) naming the field, e.g. "leadValue: USD allows at most 2 decimal places".
 */
export function fieldMinorUnits(field: string, amount: string | number, currency: string, code: ErrorCode = "bad_request"): number {
  try {
    return toMinorUnits(amount, currency);
  } catch (error) {
    throw new ApiError(code, `${field}: ${(error as Error).message}`);
  }
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError("Amount must be a finite number");
  // toString may use exponent notation for tiny/huge numbers; toFixed(20) would expose binary noise.
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
}

/** Minor units → major units string, e.g. (9999, "USD") → "99.99", (5000, "VND") → "5000". */
export function fromMinorUnits(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(amount);
  const negative = amount < 0;
  const text = String(Math.abs(amount)).padStart(digits + 1, "0");
  return `${negative ? "-" : ""}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export function formatMoney(amount: number, currency: string, locale = "en-US"): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(fromMinorUnits(amount, currency)));
}
