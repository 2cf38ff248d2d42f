/**
 * `basisPoints` (1/100 of a percent) of an integer minor-unit amount, rounded half-up to the minor
 * unit, in integer arithmetic: percentOf(999, 2000) = 200 (199.8 → 200).
 */
export function percentOf(amount: number, basisPoints: number): number {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(basisPoints)) throw new RangeError("integers expected");
  const product = BigInt(amount) * BigInt(basisPoints);
  const sign = product < 0n ? -1n : 1n;
  const magnitude = product * sign;
  return Number(((magnitude + 5000n) / 10000n) * sign);
}
