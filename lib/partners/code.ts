// Partner and link codes: the value after ?aff= in a referral URL, unique per program.
import { randomBytes } from "node:crypto";
import { isUniqueViolation, uniqueFields } from "@/lib/kernel/unique-violation";

export const CODE_MAX_LENGTH = 32;
const SUFFIX_LENGTH = 4;
const SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** "Jöhn O'Neil & Co." → "john-o-neil-co": lowercase, [a-z0-9-], at most 32 characters. */
export function slugifyCode(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, CODE_MAX_LENGTH)
    .replace(/^-+|-+$/g, "");
  return slug || "partner";
}

function randomSuffix(): string {
  let out = "";
  while (out.length < SUFFIX_LENGTH) {
    for (const byte of randomBytes(8)) {
      if (byte < 252 && out.length < SUFFIX_LENGTH) out += SUFFIX_ALPHABET[byte % 36]; // 252 = 7 × 36: no modulo bias
    }
  }
  return out;
}

/** `base` shortened so that "-xxxx" still fits in 32 characters. */
export function codeWithSuffix(base: string): string {
  const head = base.slice(0, CODE_MAX_LENGTH - SUFFIX_LENGTH - 1).replace(/-+$/, "");
  return `${head || "partner"}-${randomSuffix()}`;
}

function isCodeConflict(error: unknown): boolean {
  return isUniqueViolation(error) && uniqueFields(error).includes("code");
}

/**
 * Inserts a row whose code must be unique in its program: `base` first, then `base-xxxx` while the
 * unique index reports a collision on the code. The database decides (no read-then-write race);
 * any other error, a duplicate e-mail for instance, is thrown as is.
 */
export async function insertWithFreeCode<T>(base: string, insert: (code: string) => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insert(attempt === 1 ? base : codeWithSuffix(base));
    } catch (error) {
      if (attempt >= attempts || !isCodeConflict(error)) throw error;
    }
  }
}
