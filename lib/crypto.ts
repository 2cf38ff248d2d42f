// Hashing and encryption of secrets at rest.
// - API keys and tokens are high-entropy random strings: a SHA-256 digest is enough to store them
//   and allows an indexed lookup. Passwords use argon2id (lib/auth/passwords.ts).
// - Secrets we must read back (Stripe webhook secret, webhook signing secrets, payout details) use
//   AES-256-GCM under a keyring (decision 29): ENCRYPTION_KEYS (newest first) or ENCRYPTION_KEY.
//   Every ciphertext names the key that sealed it (`v2.<key id>.…`), so old keys can stay in the
//   ring while `npm run cli -- rotate-encryption` re-seals everything under the newest.
//   Production refuses to start without a key (lib/env.ts). Outside production, with no key, a
//   key derived from AUTH_SECRET is used; v1 ciphertexts (no key id, written before the keyring)
//   are opened with any key of the ring or that derived key.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export interface SealingKey {
  /** Public fingerprint of the key: 8 base64url characters, written into every ciphertext. */
  id: string;
  key: Buffer;
}

/** A secret no key of the ring opens: the key that sealed it is gone (or the value was altered). */
export class UnreadableSecretError extends Error {
  constructor(readonly keyId: string | null) {
    super(
      keyId
        ? `A stored secret was sealed with encryption key ${keyId}, which is not in ENCRYPTION_KEYS / ENCRYPTION_KEY`
        : "A stored secret cannot be opened with any configured encryption key",
    );
    this.name = "UnreadableSecretError";
  }
}

export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("partnerloop-key-id:").update(key).digest("base64url").slice(0, 8);
}

function decodeKey(value: string): SealingKey {
  const key = Buffer.from(value.trim(), value.includes("-") || value.includes("_") ? "base64url" : "base64");
  if (key.length !== 32) throw new Error("Every encryption key must decode to exactly 32 bytes (openssl rand -base64 32)");
  return { id: keyIdOf(key), key };
}

function derivedKey(authSecret: string): SealingKey {
  const key = Buffer.from(hkdfSync("sha256", authSecret, "partnerloop", "encryption-key-v1", 32));
  return { id: keyIdOf(key), key };
}

let cachedRing: { source: string; ring: SealingKey[]; legacy: SealingKey } | undefined;

/** The keyring, newest first, and the key v1 ciphertexts may have been sealed with. */
export function keyring(): { ring: SealingKey[]; legacy: SealingKey } {
  const config = env();
  const source = `${config.ENCRYPTION_KEYS ?? ""}|${config.ENCRYPTION_KEY ?? ""}|${config.AUTH_SECRET}`;
  if (cachedRing?.source === source) return cachedRing;
  const configured = config.ENCRYPTION_KEYS
    ? config.ENCRYPTION_KEYS.split(",").filter((k) => k.trim())
    : config.ENCRYPTION_KEY
      ? [config.ENCRYPTION_KEY]
      : [];
  const legacy = derivedKey(config.AUTH_SECRET);
  const ring = configured.length ? configured.map(decodeKey) : [legacy];
  cachedRing = { source, ring, legacy };
  return cachedRing;
}

/** AES-256-GCM under the newest key; output `v2.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). */
export function encryptSecret(plain: string): string {
  const { id, key } = keyring().ring[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v2", id, ...[iv, cipher.getAuthTag(), data].map((p) => p.toString("base64url"))].join(".");
}

function open(key: Buffer, iv: string, tag: string, data: string): string | null {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The key id a ciphertext names ("v1" for those written before the keyring). */
export function sealedKeyId(sealed: string): string | null {
  const [version, id] = sealed.split(".");
  return version === "v2" ? (id ?? null) : version === "v1" ? "v1" : null;
}

/** Opens a ciphertext with the key it names (any key of the ring, for v1); null when none does. Quiet. */
export function tryDecryptSecret(sealed: string): string | null {
  const parts = sealed.split(".");
  const { ring, legacy } = keyring();
  if (parts[0] === "v2" && parts.length === 5) {
    const key = ring.find((k) => k.id === parts[1]) ?? (legacy.id === parts[1] ? legacy : undefined);
    return key ? open(key.key, parts[2]!, parts[3]!, parts[4]!) : null;
  }
  if (parts[0] === "v1" && parts.length === 4) {
    for (const key of [...ring, legacy]) {
      const plain = open(key.key, parts[1]!, parts[2]!, parts[3]!);
      if (plain !== null) return plain;
    }
  }
  return null;
}

/** Opens a ciphertext; a secret no key opens is logged loudly and thrown as UnreadableSecretError. */
export function decryptSecret(sealed: string, where?: string): string {
  const plain = tryDecryptSecret(sealed);
  if (plain === null) {
    const keyId = sealed.startsWith("v2.") ? (sealed.split(".")[1] ?? null) : null;
    const error = new UnreadableSecretError(keyId);
    log.error("unreadable secret: restore the encryption key that sealed it", { keyId, where, detail: error.message });
    throw error;
  }
  return plain;
}

/** True when the ciphertext is sealed under the newest key already (rotation skips it). */
export function sealedWithNewestKey(sealed: string): boolean {
  return sealedKeyId(sealed) === keyring().ring[0]!.id;
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
