// The one test of "a unique constraint refused this row" and the "already recorded → read it back"
// helper built on it (lib/kernel/unique-violation.ts), without a database.
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/kernel/errors";
import { isUniqueViolation, writeOrReadBack } from "@/lib/kernel/unique-violation";

const prisma = (code: string, meta?: unknown) => Object.assign(new Error(code), { code, meta });

describe("isUniqueViolation", () => {
  it("knows Prisma's P2002, SQLSTATE 23505 from the pool (also as a cause) and from a raw Prisma statement", () => {
    expect(isUniqueViolation(prisma("P2002"))).toBe(true);
    expect(isUniqueViolation(prisma("23505"))).toBe(true);
    expect(isUniqueViolation(new Error("wrapped", { cause: prisma("23505") }))).toBe(true);
    expect(isUniqueViolation(prisma("P2010", { driverAdapterError: { cause: { originalCode: "23505" } } }))).toBe(true);
  });

  it("is false for anything else", () => {
    for (const error of [
      prisma("P2025"),
      prisma("P2010", { driverAdapterError: { cause: { originalCode: "42P01" } } }),
      new ApiError("conflict", "taken"),
      null,
      "P2002",
    ]) {
      expect(isUniqueViolation(error)).toBe(false);
    }
  });
});

describe("writeOrReadBack", () => {
  it("answers the write, or on a conflict the row read back by its key", async () => {
    expect(
      await writeOrReadBack(
        async () => "written",
        async () => "read",
      ),
    ).toBe("written");
    expect(
      await writeOrReadBack(
        () => Promise.reject(prisma("P2002")),
        async () => "read",
      ),
    ).toBe("read");
    expect(
      await writeOrReadBack(
        () => Promise.reject(new ApiError("conflict", "already recorded")),
        async () => "read",
      ),
    ).toBe("read");
  });

  it("throws the error as it was when it is no conflict, or when nothing has the key", async () => {
    const other = new ApiError("not_found", "no such click");
    await expect(
      writeOrReadBack(
        () => Promise.reject(other),
        async () => "read",
      ),
    ).rejects.toBe(other);
    const conflict = new ApiError("conflict", "customer_key belongs to another customer");
    await expect(
      writeOrReadBack(
        () => Promise.reject(conflict),
        async () => null,
      ),
    ).rejects.toBe(conflict);
  });
});
