// The error mapping against the real driver adapter: a unique violation raised by PostgreSQL
// through @prisma/adapter-pg must come out as 409, and a rejected write must leave nothing behind.
import { describe, expect, it } from "vitest";
import { makeProgram } from "../helpers/factories";
import { db } from "@/lib/db";
import { apiRoute, json } from "@/lib/edge/handler";

describe("apiRoute with PostgreSQL", () => {
  it("turns a real unique violation into 409 and keeps exactly one row", async () => {
    const { program } = await makeProgram();
    const partner = await db.partner.create({ data: { programId: program.id, code: "dup", name: "P", email: "p@example.test" } });
    const route = apiRoute(async () => {
      await db.referralLink.create({
        data: { programId: program.id, partnerId: partner.id, code: "same", destinationUrl: "https://shop.example/" },
      });
      return json({ ok: true }, { status: 201 });
    });
    const call = () => route(new Request("http://test/", { method: "POST" }), { params: Promise.resolve({}) });
    const results = await Promise.all(Array.from({ length: 10 }, call));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    const body = (await results.find((r) => r.status === 409)!.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("conflict");
    expect(body.error.message).toMatch(/already exists/);
    expect(await db.referralLink.count({ where: { programId: program.id, code: "same" } })).toBe(1);
  });
});

describe("unique violation naming", () => {
  it("names the fields of the violated constraint from the adapter's error", async () => {
    const { toApiError } = await import("@/lib/kernel/to-api-error");
    const { uniqueFields } = await import("@/lib/kernel/unique-violation");
    const { program } = await makeProgram();
    await db.partner.create({ data: { programId: program.id, code: "x1", name: "P", email: "x1@example.test" } });
    const error = await db.partner
      .create({ data: { programId: program.id, code: "x1", name: "P", email: "x2@example.test" } })
      .catch((e: unknown) => e);
    expect(uniqueFields(error)).toEqual(["programId", "code"]);
    expect(toApiError(error).message).toBe("A record with this code already exists");
  });
});
