// The one test of "a unique constraint refused this row", for every path a statement takes to the
// database: Prisma's P2002, SQLSTATE 23505 inside a raw Prisma statement (P2010), and 23505 itself
// from a statement sent on the pool directly (lib/db.ts `sqlRows`), also when wrapped as a cause.
// Idempotency lives in those constraints (docs/decisions.md 4), so code inserts and asks this.
import { isApiError } from "@/lib/kernel/errors";

/** The first string `code` of an error or of its chain of causes. */
export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const record = error as { code?: unknown; cause?: unknown };
  if (typeof record.code === "string") return record.code;
  return errorCodeOf(record.cause);
}

export function isUniqueViolation(error: unknown): boolean {
  const code = errorCodeOf(error);
  if (code === "P2002" || code === "23505") return true;
  const e = error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  return code === "P2010" && e?.meta?.driverAdapterError?.cause?.originalCode === "23505";
}

/** Fields of the violated unique constraint, from Prisma's meta or the index name `Model_a_b_key`. */
export function uniqueFields(error: unknown): string[] {
  type Cause = { constraint?: { fields?: string[]; index?: string }; table?: string };
  const raw = error as { code?: string; constraint?: string; table?: string };
  // node-postgres itself (statements sent on the pool directly): the index name and its table
  const meta =
    raw.code === "23505"
      ? { driverAdapterError: { cause: { constraint: { index: raw.constraint }, table: raw.table } as Cause } }
      : (error as { meta?: { target?: unknown; driverAdapterError?: { cause?: Cause } } }).meta;
  const cause = meta?.driverAdapterError?.cause;
  if (cause?.constraint?.fields?.length) return cause.constraint.fields;
  if (Array.isArray(meta?.target)) return meta.target.map(String);
  const index = cause?.constraint?.index ?? (typeof meta?.target === "string" ? meta.target : undefined);
  if (!index) return [];
  const withoutTable =
    cause?.table && index.startsWith(`${cause.table}_`) ? index.slice(cause.table.length + 1) : index.replace(/^[A-Za-z]+_/, "");
  return withoutTable.replace(/_key$/, "").split("_").filter(Boolean);
}

/**
 * "Already recorded → read it back": runs `write`; when a unique constraint (or the core, as its
 * 409) says the row is there already, answers `readBack()`, the row found by its natural key. When
 * no row has that key the conflict was about something else, and it is thrown as it was.
 */
export async function writeOrReadBack<W, R>(write: () => Promise<W>, readBack: () => Promise<R | null>): Promise<W | R> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error) && !(isApiError(error) && error.code === "conflict")) throw error;
    const recorded = await readBack();
    if (recorded === null) throw error;
    return recorded;
  }
}
