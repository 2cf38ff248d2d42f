// Maps anything thrown inside a handler to an ApiError: zod → 422 naming the field, Prisma unique
// violation → 409, unreachable database → 503, everything else → 500 with nothing leaked.
import { ZodError } from "zod";
import { ApiError } from "@/lib/http/errors";

function describeZodError(error: ZodError): { message: string; details: unknown } {
  const details = error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : "(body)",
    message: issue.message,
  }));
  const message = details.map((d) => `${d.field}: ${d.message}`).join("; ");
  return { message, details };
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03", "53300", "P1001", "P1002", "P1017"]);

function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const record = error as { code?: unknown; cause?: unknown };
  if (typeof record.code === "string") return record.code;
  return errorCodeOf(record.cause);
}

function uniqueTarget(error: unknown): string | undefined {
  const meta = (error as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } }).meta;
  const fields = meta?.driverAdapterError?.cause?.constraint?.fields ?? meta?.target;
  return Array.isArray(fields) ? fields.join(", ") : typeof fields === "string" ? fields : undefined;
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) {
    const { message, details } = describeZodError(error);
    return new ApiError("unprocessable_entity", message, { details });
  }
  const code = errorCodeOf(error);
  if (code === "P2002") {
    const target = uniqueTarget(error);
    return new ApiError("conflict", target ? `A record with this ${target} already exists` : "Duplicate record");
  }
  if (code === "P2025") return new ApiError("not_found", "Record not found");
  if (code && CONNECTION_CODES.has(code)) {
    return new ApiError("service_unavailable", "The database is unavailable; retry shortly", {
      headers: { "Retry-After": "5" },
      internal: String(error),
    });
  }
  return new ApiError("internal_server_error", "Internal server error", {
    internal: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error),
  });
}
