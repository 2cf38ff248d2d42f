// Which of a program's stored secrets no configured key opens: the dashboard's banner. Rows sealed
// with a key of the ring are not even fetched (a LIKE on the key id), so after a rotation the
// check reads nothing; the answer is kept a minute per program.
import { keyring, tryDecryptSecret } from "@/lib/crypto";
import { sqlRows } from "@/lib/db";
import { SEALED_COLUMNS } from "@/lib/secrets/sealed-columns";

export interface UnreadableSecrets {
  /** label → how many rows */
  counts: Array<{ label: string; count: number }>;
  total: number;
}

const cache = new Map<string, { at: number; value: UnreadableSecrets }>();
const TTL_MS = 60_000;

export async function unreadableSecrets(programId: string): Promise<UnreadableSecrets> {
  const hit = cache.get(programId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const known = keyring().ring.map((k) => `v2.${k.id}.%`);
  const counts: UnreadableSecrets["counts"] = [];
  for (const { table, column, program, label } of SEALED_COLUMNS) {
    const rows = await sqlRows<{ value: string }>(
      `SELECT "${column}" AS value FROM "${table}" WHERE "${program}" = $1 AND "${column}" IS NOT NULL
       AND NOT ("${column}" LIKE ANY($2::text[])) LIMIT 10000`,
      [programId, known],
    );
    const count = rows.filter((r) => tryDecryptSecret(r.value) === null).length;
    if (count) counts.push({ label, count });
  }
  const value = { counts, total: counts.reduce((n, c) => n + c.count, 0) };
  if (cache.size > 1000) cache.clear();
  cache.set(programId, { at: Date.now(), value });
  return value;
}

/** For tests and after a rotation. */
export function forgetUnreadableSecrets(): void {
  cache.clear();
}
