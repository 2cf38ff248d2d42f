// The edge's defences against text and numbers no column may hold (lib/kernel/text.ts,
// lib/kernel/bounds.ts), without a database: what is refused, what is stripped, how the field is
// named, and the last line in toApiError.
import "../helpers/env";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { calendarDate, calendarDateOrDateTime, eventTimestamp, intId, intIdText, isStorableInstant } from "@/lib/kernel/bounds";
import { parseJsonBody } from "@/lib/edge/body";
import { apiRoute, json } from "@/lib/edge/handler";
import { freeText, parseInput, stripUnsafeText, unsafeTextIssues, unsafeTextProblem } from "@/lib/kernel/text";
import { toApiError } from "@/lib/kernel/to-api-error";
import { decodeCursor, encodeCursor } from "@/lib/kernel/pagination";

describe("unsafe text", () => {
  it("refuses C0 controls but tab, LF and CR, and unpaired surrogates; keeps paired ones", () => {
    for (const text of ["\u0000", "a\u0001", "\u000b", "\u001f", "\ud800", "x\udfff"])
      expect(unsafeTextProblem(text), JSON.stringify(text)).not.toBeNull();
    for (const text of ["tab\tnew\nline\r", "emoji 😀", "ü ß 東京", "\u007f", ""])
      expect(unsafeTextProblem(text), JSON.stringify(text)).toBeNull();
    expect(stripUnsafeText("a\u0000b\u0001c\ud800d😀")).toBe("abcd😀");
  });

  it("walks nested values and keys, iteratively (a loose field may nest thousands of levels)", () => {
    const issues = unsafeTextIssues({ a: [{ b: "ok" }, { c: "x\u0000" }], "k\u0001": 1 }).map((i) => [i.path.join("."), i.message]);
    expect(issues).toHaveLength(2);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["a.1.c", "must not contain control characters"],
        ["", "must not have keys with control characters or unpaired surrogates"],
      ]),
    );
    const deep = JSON.parse(`${"[".repeat(50_000)}"\\u0000"${"]".repeat(50_000)}`) as unknown;
    expect(unsafeTextIssues(deep)).toHaveLength(1);
  });

  it("names the field as sent when the schema renames it, and ignores what the schema drops or strips", () => {
    const schema = z
      .object({ partner_id: z.string(), page_title: freeText(50).optional() })
      .transform((b) => ({ partnerId: b.partner_id, title: b.page_title }));
    const refused = (() => {
      try {
        return parseInput(schema, { partner_id: "p\u0000", page_title: "t" });
      } catch (error) {
        return toApiError(error).message;
      }
    })();
    expect(refused).toBe("partner_id: must not contain control characters");
    expect(parseInput(schema, { partner_id: "p", page_title: " Sale\u0000 \u0001", ignored: "\u0000" })).toEqual({
      partnerId: "p",
      title: "Sale",
    });
  });

  it("answers the route's validation status, in its error shape, for bodies, path and query parameters", async () => {
    const route = apiRoute<{ id: string }>(
      async (request, { params }) => json({ id: (await params).id, body: await parseJsonBody(request, z.object({ key: z.string() })) }),
      {
        validationCode: "bad_request",
        errorBody: (error) => ({ success: false, message: error.message }),
      },
    );
    const send = (url: string, body: unknown, id = "p1") =>
      route(new Request(url, { method: "POST", body: JSON.stringify(body) }), { params: Promise.resolve({ id }) });
    expect((await send("http://t/x", { key: "k" })).status).toBe(200);
    const answers = [
      await send("http://t/x", { key: "k\u0000" }),
      await send("http://t/x", { key: "k" }, "p\u0000"),
      await send("http://t/x?q=a%00b", { key: "k" }),
      await send("http://t/x?q=%E2%9C%93&t=a%09b", { key: "k" }),
    ];
    expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 200]);
    expect(await Promise.all(answers.slice(0, 3).map((r) => r.json()))).toEqual([
      { success: false, message: "key: must not contain control characters" },
      { success: false, message: "id: must not contain control characters" },
      { success: false, message: "q: must not contain control characters" },
    ]);
  });

  it("maps PostgreSQL's refusal of NUL to 400 where something reached the database anyway", () => {
    const prismaError = Object.assign(new Error("Database error"), {
      code: "P2039",
      meta: { driverAdapterError: { cause: { originalCode: "22021" } } },
    });
    expect(toApiError(prismaError).status).toBe(400);
    expect(toApiError(Object.assign(new Error("unsupported Unicode escape sequence"), { code: "22P05" })).status).toBe(400);
    expect(
      toApiError(Object.assign(new Error("other"), { code: "P2039", meta: { driverAdapterError: { cause: { originalCode: "42P01" } } } }))
        .status,
    ).toBe(500);
  });
});

describe("bounds", () => {
  it("numeric ids fit an Int column", () => {
    for (const id of [1, 2_147_483_647]) expect(intId.safeParse(id).success).toBe(true);
    for (const id of [0, -1, 2_147_483_648, 3e9, 1e30, 1.5, "1"]) expect(intId.safeParse(id).success, String(id)).toBe(false);
    expect(intIdText.parse("42")).toBe(42);
    for (const id of ["3000000000", "1e30", "-1", "0x10", "1.5", "9".repeat(40), " 1", "0"])
      expect(intIdText.safeParse(id).success, id).toBe(false);
  });

  it("dates lie in 2000–2099; event timestamps between 2000 and a day from now", () => {
    expect(calendarDate.safeParse("2026-02-28").success).toBe(true);
    for (const day of ["0000-01-01", "0001-01-01", "1999-12-31", "2100-01-01", "275760-09-13", "2024-13-45", "2023-02-29"])
      expect(calendarDate.safeParse(day).success, day).toBe(false);
    expect(calendarDateOrDateTime.safeParse("0000-01-01").error?.issues[0]?.message).toBe("must be between 2000-01-01 and 2099-12-31");
    expect(calendarDateOrDateTime.safeParse("soon").error?.issues[0]?.message).toBe(
      "must be an ISO date (2026-01-31) or date-time with an offset",
    );
    expect(eventTimestamp.safeParse("0001-01-01T00:00:00Z").error?.issues.map((i) => i.message)).toEqual(["must not be before 2000-01-01"]);
    expect(eventTimestamp.safeParse(new Date(Date.now() + 2 * 86_400_000).toISOString()).error?.issues.map((i) => i.message)).toEqual([
      "must not be in the future",
    ]);
    expect(eventTimestamp.safeParse("2001-01-01T00:00:00+02:00").success).toBe(true);
  });

  it("cursors carry only instants PostgreSQL can hold", () => {
    expect(isStorableInstant(new Date("0001-01-01T00:00:00Z"))).toBe(true);
    expect(isStorableInstant(new Date("0000-12-31T23:59:59Z"))).toBe(false);
    expect(decodeCursor(encodeCursor({ at: new Date("0000-06-01T00:00:00Z"), id: "1" }))).toBeNull();
    expect(decodeCursor(encodeCursor({ at: new Date("2026-06-01T00:00:00Z"), id: "1" }))).not.toBeNull();
  });
});
