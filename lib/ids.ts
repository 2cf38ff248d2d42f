// Public identifiers and secrets. Prefixes tell a reader (and secret scanners) what a string is.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** Uniform base62 string of `length` characters (rejection sampling, no modulo bias). */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248) out += ALPHABET[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

export const ID_PREFIX = {
  click: "clk_",
  apiKeySecret: "pl_sk_",
  apiKeyPublic: "pl_pk_",
  personalToken: "plt_",
  invite: "inv_",
  authLink: "pla_",
} as const;

export const newClickToken = () => `${ID_PREFIX.click}${randomBase62(22)}`;
export const newApiKeySecret = () => `${ID_PREFIX.apiKeySecret}${randomBase62(40)}`;
export const newApiKeyPublic = () => `${ID_PREFIX.apiKeyPublic}${randomBase62(24)}`;
export const newPersonalToken = () => `${ID_PREFIX.personalToken}${randomBase62(40)}`;
export const newInviteToken = () => `${ID_PREFIX.invite}${randomBase62(32)}`;
export const newAuthLinkToken = () => `${ID_PREFIX.authLink}${randomBase62(32)}`;
