// Refersion sends its keys as two headers: `Refersion-Public-Key` (our ApiKey.publicKey, `pl_pk_…`)
// and `Refersion-Secret-Key` (the key's secret, `pl_sk_…`, stored as its SHA-256). Both must be
// of the same live key; anything else is 401 before the body is read.
import { timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { findProgramKey, type ProgramKeyAuth } from "@/lib/edge/credentials";
import { ApiError } from "@/lib/kernel/errors";
import { ID_PREFIX } from "@/lib/ids";

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function requireRefersionKeys(request: Request): Promise<ProgramKeyAuth> {
  const publicKey = request.headers.get("refersion-public-key")?.trim();
  const secret = request.headers.get("refersion-secret-key")?.trim();
  if (!publicKey || !secret) {
    throw new ApiError(
      "unauthorized",
      "Send the program API key as Refersion-Public-Key (its public key, pl_pk_…) and Refersion-Secret-Key (its secret, pl_sk_…)",
    );
  }
  const key = publicKey.startsWith(ID_PREFIX.apiKeyPublic)
    ? await db.apiKey.findUnique({ where: { publicKey }, select: { secretHash: true } })
    : null;
  const found = key && same(key.secretHash, sha256Hex(secret)) ? await findProgramKey(secret) : null;
  if (!found)
    throw new ApiError(
      "unauthorized",
      "Invalid or revoked key pair: Refersion-Public-Key and Refersion-Secret-Key must be the public key and secret of one live " +
        "program API key",
    );
  return found;
}
