// Cart tokens: how a merchant's server proves, through the visitor's browser, that a cart id is
// the one it created for this visitor. The server signs the cart id and an expiry with its
// program API key and hands the token to the page, which sends it with `checkout(cartId, token)`.
// We hold only the key's SHA-256 digest (decision 6), so the signing key is that digest:
//   key   = hex(SHA-256(api key secret))
//   token = "ct1." + exp + "." + base64url(HMAC-SHA256(key, "ct1." + cart_id + "." + exp))
// with `exp` in Unix seconds, at most a day ahead. Any unrevoked key of the program may sign.
import { createHmac, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";

export const CART_TOKEN_MAX_TTL_SECONDS = 86_400;

function signature(keyDigest: string, cartId: string, exp: number): Buffer {
  return createHmac("sha256", keyDigest).update(`ct1.${cartId}.${exp}`).digest();
}

/** What the merchant's server does (the README shows the same in four lines). */
export function signCartToken(apiKeySecret: string, cartId: string, exp: number): string {
  return `ct1.${exp}.${signature(sha256Hex(apiKeySecret), cartId, exp).toString("base64url")}`;
}

/** True when an unrevoked key of the program signed this cart id and the token has not expired. */
export async function verifyCartToken(programId: string, cartId: string, token: string, now = new Date()): Promise<boolean> {
  const match = /^ct1\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const exp = Number(match[1]);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (exp < nowSeconds || exp > nowSeconds + CART_TOKEN_MAX_TTL_SECONDS) return false;
  const given = Buffer.from(match[2]!, "base64url");
  const keys = await db.apiKey.findMany({ where: { programId, revokedAt: null }, select: { secretHash: true } });
  return keys.some((k) => {
    const expected = signature(k.secretHash, cartId, exp);
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
