// Hashing and encryption of secrets at rest.
// - API keys and tokens are high-entropy random strings: a SHA-256 digest is enough to store them
//   and allows an indexed lookup. Passwords use argon2id (lib/auth/passwords.ts).
// - Secrets we must read back (Stripe webhook secret, payout details) use AES-256-GCM with
//   ENCRYPTION_KEY, or a key derived from AUTH_SECRET when ENCRYPTION_KEY is unset.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function encryptionKey(): Buffer {
  const config = env();
  if (config.ENCRYPTION_KEY) {
    const key = Buffer.from(config.ENCRYPTION_KEY, "base64");
    if (key.length !== 32) throw new Error("ENCRYPTION_KEY must decode to exactly 32 bytes");
    return key;
  }
  return Buffer.from(hkdfSync("sha256", config.AUTH_SECRET, "partnerloop", "encryption-key-v1", 32));
}

/** AES-256-GCM; output `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unrecognised ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** Shows the shape of a secret without revealing it: `whsec_…x7Qa`. */
export function maskSecret(plain: string, visible = 4): string {
  const prefix = plain.match(/^[a-z]+_/)?.[0] ?? "";
  return `${prefix}…${plain.slice(-visible)}`;
}

/** Keyed hash of a visitor IP: lets us spot repeats without ever storing the address. */
export function hashIp(ip: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`ip:${ip}`).digest("base64url").slice(0, 32);
}
