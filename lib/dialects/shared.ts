// Pieces every compatibility dialect needs at its edge: the program a request names, the request
// context of a server-to-server call, and zod helpers that name missing fields plainly.
import { z } from "zod";
import { db } from "@/lib/db";
import { bearerToken, findProgramKey } from "@/lib/http/auth";
import { ApiError } from "@/lib/http/errors";
import { requestContext, type RequestContext } from "@/lib/tracking/context";
import { limitPublicCaller } from "@/lib/tracking/public-limits";
import { programFilterOf } from "@/lib/tracking/resolve-link";

const MAX_CLIENT_ID = 2_147_483_647; // Program.clientId is an Int

export const dialectProgramSelect = { id: true, clientId: true, allowedDomains: true, websiteUrl: true, currency: true, cookieWindowDays: true, testMode: true } as const;

/** The program a dialect names by id or numeric client id; 404 naming the dialect's field otherwise. */
export async function dialectProgram(programId: string | number, field: string) {
  const filter = programFilterOf(programId);
  const program = filter.clientId !== undefined && filter.clientId > MAX_CLIENT_ID ? null : await db.program.findFirst({ where: filter, select: dialectProgramSelect });
  if (!program) throw new ApiError("not_found", `Unknown ${field}: no program with this id`);
  return program;
}

/**
 * What we know about the visitor from the request. Server-side dialects are mostly called by the
 * program's backend: its IP, country and user agent are the server's, not the visitor's, and would
 * make every click look like the same device (and trip the repeated-IP review flag). Browsers mark
 * their fetches with `Sec-Fetch-Mode`; without it only the Origin/Referer is kept.
 */
export function dialectContext(request: Request): RequestContext {
  const context = requestContext(request);
  if (request.headers.has("sec-fetch-mode")) return context;
  return { sourceHost: context.sourceHost, ipHash: null, networkHash: null, country: null, userAgent: null };
}

/** A required string field: a missing one reads "is required", not zod's "expected string, received undefined". */
export const requiredText = (max: number) =>
  z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be a string") }).trim().min(1, "is required").max(max, `must be at most ${max} characters`);

export const optionalText = (max: number) =>
  z.string({ error: "must be a string" }).trim().max(max, `must be at most ${max} characters`).optional().nullable().transform((v) => v || undefined);

/** An id some clients send as a number (PHP's json_encode of an integer): kept as its decimal string. */
export const idText = (max: number) =>
  z.union([z.string().trim().max(max, `must be at most ${max} characters`), z.number().int().nonnegative().transform(String)], {
    error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be a string or an integer"),
  });

/** A decimal amount in major units, as a JSON number or a decimal string; converted exactly later. */
export const decimalAmount = z.union([z.number().finite().nonnegative("must not be negative"), z.string().trim().regex(/^\d+(\.\d+)?$/, "must be a decimal amount such as 9.99")], {
  error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be a number"),
});

/**
 * A unique constraint decided: Prisma's P2002, SQLSTATE 23505 from a raw Prisma statement (P2010),
 * or 23505 itself from a statement sent on the pool directly (lib/db.ts `sqlRows`).
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  return e?.code === "P2002" || e?.code === "23505" || (e?.code === "P2010" && e.meta?.driverAdapterError?.cause?.originalCode === "23505");
}

/**
 * The per-IP limit of the public tracking routes, for the dialects' unauthenticated calls. A
 * backend sends all of a site's traffic from one address, so a call with a valid program key is
 * exempt (the per-program limit in the core still applies); without one, raise
 * RATE_LIMIT_IP_PER_MINUTE or send the key.
 */
export async function limitDialectCaller(request: Request): Promise<void> {
  const secret = bearerToken(request);
  if (secret && (await findProgramKey(secret))) return;
  await limitPublicCaller(request);
}
