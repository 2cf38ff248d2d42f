// Maps anything thrown inside a handler to an ApiError: zod → 422 naming the field, Prisma unique
// violation → 409, text PostgreSQL cannot store → 400, unreachable database → 503, everything else
// → 500 with nothing leaked.
import { ZodError } from "zod";
import { ApiError } from "@/lib/kernel/errors";
import { errorCodeOf, isUniqueViolation, uniqueFields } from "@/lib/kernel/unique-violation";

function describeZodError(error: ZodError): { message: string; details: unknown } {
  const details = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : "(body)",
    message: issue.message,
  }));
  const message = details.map((d) => `${d.field}: ${d.message}`).join("; ");
  return { message, details };
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08003",
  "08006",
  "P1001",
  "P1002",
  "P1017",
]);
// driver adapter error kinds (Prisma 7) that mean "the database cannot be reached right now"
const CONNECTION_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionAlreadyClosed",
]);

export function databaseUnreachable(error: unknown): boolean {
  const code = errorCodeOf(error);
  if (code && CONNECTION_CODES.has(code)) return true;
  const kind = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string } } } }).meta?.driverAdapterError?.cause?.kind;
  if (kind && CONNECTION_KINDS.has(kind)) return true;
  const message = error instanceof Error ? error.message : "";
  return /Connection terminated|Can't reach database server|connect ECONNREFUSED|Unable to start a transaction in the given time/i.test(
    message,
  );
}

/**
 * PostgreSQL refused text: NUL in text (22021) or `\u0000` in jsonb (22P05), from node-postgres or
 * inside a Prisma driver adapter error. The edge refuses such text naming the field
 * (lib/kernel/text.ts); this is the last line for a path that reaches the database without it.
 */
function unstorableText(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  const state = e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.code;
  return state === "22021" || state === "22P05";
}

/** `validationCode` lets a contract that documents 400 for bad input keep it (default 422). */
export function toApiError(error: unknown, validationCode: "unprocessable_entity" | "bad_request" = "unprocessable_entity"): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) {
    const { message, details } = describeZodError(error);
    return new ApiError(validationCode, message, { details });
  }
  if (isUniqueViolation(error)) {
    // The tenant column is implied; name only the fields the caller chose.
    const fields = uniqueFields(error).filter((f) => f !== "programId");
    return new ApiError("conflict", fields.length ? `A record with this ${fields.join(" and ")} already exists` : "Duplicate record", {
      details: { fields },
    });
  }
  if (errorCodeOf(error) === "P2025") return new ApiError("not_found", "Record not found");
  if (unstorableText(error)) {
    return new ApiError("bad_request", "Text must not contain NUL or other control characters, or unpaired surrogates", {
      internal: String(error),
    });
  }
  if (databaseUnreachable(error)) {
    return new ApiError("service_unavailable", "The database is unavailable; retry shortly", {
      headers: { "Retry-After": "5" },
      internal: String(error),
    });
  }
  return new ApiError("internal_server_error", "Internal server error", {
    internal: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error),
  });
}
