// Pieces every compatibility dialect's core needs: the program a call names, and zod helpers that
// name missing fields plainly. (What a dialect reads from the request itself, its caller and its
// per-IP limit, is the edge's: lib/edge/dialects.ts.)
import { z } from "zod";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { programFilterOf } from "@/lib/tracking/resolve-link";

const MAX_CLIENT_ID = 2_147_483_647; // Program.clientId is an Int

export const dialectProgramSelect = {
  id: true,
  clientId: true,
  allowedDomains: true,
  websiteUrl: true,
  currency: true,
  cookieWindowDays: true,
  testMode: true,
} as const;

/** The program a dialect names by id or numeric client id; 404 naming the dialect's field otherwise. */
export async function dialectProgram(programId: string | number, field: string) {
  const filter = programFilterOf(programId);
  const program =
    filter.clientId !== undefined && filter.clientId > MAX_CLIENT_ID
      ? null
      : await db.program.findFirst({ where: filter, select: dialectProgramSelect });
  if (!program) throw new ApiError("not_found", `Unknown ${field}: no program with this id`);
  return program;
}

/** A required string field: a missing one reads "is required", not zod's "expected string, received undefined". */
export const requiredText = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be a string") })
    .trim()
    .min(1, "is required")
    .max(max, `must be at most ${max} characters`);

/** An id some clients send as a number (PHP's json_encode of an integer): kept as its decimal string. */
export const idText = (max: number) =>
  z.union([z.string().trim().max(max, `must be at most ${max} characters`), z.number().int().nonnegative().transform(String)], {
    error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be a string or an integer"),
  });

/** A decimal amount in major units, as a JSON number or a decimal string; converted exactly later. */
export const decimalAmount = z.union(
  [
    z.number().finite().nonnegative("must not be negative"),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, "must be a decimal amount such as 9.99"),
  ],
  {
    error: (issue) => (issue.input === undefined || issue.input === null ? "is required" : "must be a number"),
  },
);
