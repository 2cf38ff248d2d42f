// The network signal behind the abuse checks (repeated clicks, self-referral). It is kept whatever
// the visitor's consent, because it cannot identify anyone for long: the IPv4 address, or the /64
// of an IPv6 address (one household or device), keyed with a salt of the UTC day derived from
// AUTH_SECRET, so the same network hashes alike within a day and differently the next day, and
// `expireNetworkHashes` removes the stored hashes once their window has passed (48 h).
import { createHmac } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hashIp } from "@/lib/crypto";

export const NETWORK_HASH_TTL_MS = 48 * 3_600_000;

/** Hextets of an IPv6 address (with "::" expanded and an embedded IPv4 tail converted). */
function hextets(ip: string): number[] | null {
  let text = ip.toLowerCase().split("%")[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  if (fill < 0) return null;
  const parts = [...left, ...Array<string>(fill).fill("0"), ...right].map((h) => parseInt(h, 16));
  return parts.length === 8 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 0xffff) ? parts : null;
}

/** "203.0.113.7" → itself; "2001:db8:1:2:a:b:c:d" → "2001:db8:1:2::/64"; an IPv4-mapped IPv6 → its IPv4. */
export function networkOf(ip: string): string | null {
  const trimmed = ip.trim();
  if (isIPv4(trimmed)) return trimmed;
  if (!isIPv6(trimmed.split("%")[0]!)) return null;
  const h = hextets(trimmed);
  if (!h) return null;
  if (h.slice(0, 5).every((n) => n === 0) && h[5] === 0xffff) return [h[6]! >> 8, h[6]! & 255, h[7]! >> 8, h[7]! & 255].join(".");
  return `${h
    .slice(0, 4)
    .map((n) => n.toString(16))
    .join(":")}::/64`;
}

let salt: { key: string; value: Buffer } | null = null; // derived from the config, not read from the database

function daySalt(at: Date): Buffer {
  const secret = env().AUTH_SECRET;
  const key = `${at.toISOString().slice(0, 10)}\u0000${secret}`;
  if (salt?.key !== key)
    salt = {
      key,
      value: createHmac("sha256", secret)
        .update(`network-salt:${key.slice(0, 10)}`)
        .digest(),
    };
  return salt.value;
}

/** The day's hash of the caller's network; null when the address is unknown or not an IP. */
export function networkHash(ip: string | null, at = new Date()): string | null {
  const network = ip ? networkOf(ip) : null;
  return network ? createHmac("sha256", daySalt(at)).update(network).digest("base64url").slice(0, 22) : null;
}

/**
 * Removes network hashes older than their window: clicks (per program through its
 * (programId, createdAt) index, over the last week: runs every few minutes, so a week covers any
 * downtime worth the name) and the networks of partners' sign-ins.
 */
export async function expireNetworkHashes(now = new Date()): Promise<{ clicks: number; users: number }> {
  const cutoff = new Date(now.getTime() - NETWORK_HASH_TTL_MS);
  const since = new Date(cutoff.getTime() - 7 * 86_400_000);
  const programs = await db.program.findMany({ select: { id: true } });
  let clicks = 0;
  for (const { id } of programs) {
    clicks += await db.$executeRaw`UPDATE "Click" SET "networkHash" = NULL
      WHERE "programId" = ${id} AND "createdAt" >= ${since} AND "createdAt" < ${cutoff} AND "networkHash" IS NOT NULL`;
  }
  const users = await db.user.updateMany({ where: { networkSeenAt: { lt: cutoff } }, data: { networkHash: null, networkSeenAt: null } });
  return { clicks, users: users.count };
}

/** Remembers the network a user signed in from (the partner self-referral guard compares clicks with it). */
export async function recordSignInNetwork(userId: string, ip: string | null, at = new Date()): Promise<void> {
  const hash = networkHash(ip, at);
  if (hash) await db.user.update({ where: { id: userId }, data: { networkHash: hash, networkSeenAt: at } });
}

/**
 * The key of a client in per-network rate limits: the IPv4 address, or the IPv6 /64 (one
 * subscriber gets a whole /64, so counting single IPv6 addresses would let them rotate freely).
 */
export function rateLimitSubject(ip: string): string {
  return hashIp(networkOf(ip) ?? ip);
}
