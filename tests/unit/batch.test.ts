import { describe, expect, it } from "vitest";
import { createBatcher } from "@/lib/kernel/batch";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createBatcher", () => {
  it("sends items that arrive together as one batch and answers each caller with its own result", async () => {
    const batches: number[][] = [];
    const double = createBatcher<number, number>(async (items) => {
      batches.push(items);
      return items.map((n) => n * 2);
    });
    const results = await Promise.all([1, 2, 3, 4].map(double));
    expect(results).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it("collects items that arrive while batches are in flight, within maxBatch and maxInFlight", async () => {
    let inFlight = 0;
    let most = 0;
    const sizes: number[] = [];
    const release: Array<() => void> = [];
    const echo = createBatcher<number, number>(
      async (items) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        sizes.push(items.length);
        await new Promise<void>((resolve) => release.push(resolve));
        inFlight -= 1;
        return items;
      },
      { maxBatch: 3, maxInFlight: 2 },
    );
    const first = [echo(1), echo(2)];
    await tick();
    const later = [3, 4, 5, 6, 7, 8, 9].map(echo); // arrive while the first batch is in the database
    await tick();
    while (release.length) {
      release.shift()!();
      await tick();
      await tick();
    }
    expect(await Promise.all([...first, ...later])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(2);
    expect(Math.max(...sizes)).toBe(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(9);
  });

  it("rejects only the caller whose result is an Error", async () => {
    const check = createBatcher<number, number>(async (items) => items.map((n) => (n < 0 ? new Error(`negative: ${n}`) : n)));
    const results = await Promise.allSettled([1, -2, 3].map(check));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe("negative: -2");
  });

  it("retries each item alone when a batch fails, so one bad item does not fail its neighbours", async () => {
    const calls: number[][] = [];
    const insert = createBatcher<number, number>(async (items) => {
      calls.push(items);
      if (items.includes(13)) throw new Error("constraint violated by 13");
      return items;
    });
    const results = await Promise.allSettled([12, 13, 14].map(insert));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(calls).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it("fails the whole batch at once when the failure is not about the items", async () => {
    let calls = 0;
    const insert = createBatcher<number, number>(
      async () => {
        calls += 1;
        throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
      },
      { retryAlone: (error) => (error as { code?: string }).code !== "ECONNREFUSED" },
    );
    const results = await Promise.allSettled([1, 2, 3].map(insert));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    expect(calls).toBe(1);
  });

  it("rejects every caller when a batch answers the wrong number of results", async () => {
    const broken = createBatcher<number, number>(async (items) => items.slice(1));
    const results = await Promise.allSettled([1, 2].map(broken));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
  });
});
