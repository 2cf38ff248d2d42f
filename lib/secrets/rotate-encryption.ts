// `npm run cli -- rotate-encryption`: re-seals every stored secret under the newest key of the ring
// (ENCRYPTION_KEYS, newest first). Rows already under the newest key are skipped, so a rerun (or a
// run interrupted half-way) is safe. Each row is rewritten only if it still holds the value read
// (a concurrent save wins). Secrets no key opens are counted and left as they are.
import { systemActor, auditRow } from "@/lib/audit/actor";
import { encryptSecret, keyring, tryDecryptSecret } from "@/lib/crypto";
import { db, sqlRows } from "@/lib/db";
import { SEALED_COLUMNS } from "@/lib/secrets/sealed-columns";

export interface RotationResult {
  keyId: string;
  rotated: number;
  unchanged: number;
  /** table.column → ids of rows no configured key opens */
  unreadable: Record<string, string[]>;
}

const PAGE = 500;

export async function rotateEncryption(onProgress?: (line: string) => void): Promise<RotationResult> {
  const newest = keyring().ring[0]!.id;
  const result: RotationResult = { keyId: newest, rotated: 0, unchanged: 0, unreadable: {} };
  for (const { table, column } of SEALED_COLUMNS) {
    let after = "";
    for (;;) {
      const rows = await sqlRows<{ id: string; value: string; current: boolean }>(
        `SELECT id, "${column}" AS value, "${column}" LIKE $2 AS current FROM "${table}"
         WHERE "${column}" IS NOT NULL AND id > $1 ORDER BY id LIMIT ${PAGE}`,
        [after, `v2.${newest}.%`],
      );
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      for (const row of rows) {
        if (row.current) {
          result.unchanged++;
          continue;
        }
        const plain = tryDecryptSecret(row.value);
        if (plain === null) {
          const where = `${table}.${column}`;
          result.unreadable[where] = [...(result.unreadable[where] ?? []), row.id];
          continue;
        }
        const updated = await db.$executeRawUnsafe(
          `UPDATE "${table}" SET "${column}" = $1 WHERE id = $2 AND "${column}" = $3`,
          encryptSecret(plain),
          row.id,
          row.value,
        );
        result.rotated += updated;
      }
      onProgress?.(`${table}.${column}: ${result.rotated} re-sealed so far`);
    }
  }
  const unreadable = Object.values(result.unreadable).reduce((n, ids) => n + ids.length, 0);
  await db.auditLog.create({
    data: {
      ...auditRow(systemActor, {
        programId: "",
        action: "encryption.rotated",
        entityType: "keyring",
        entityId: newest,
        after: { rotated: result.rotated, unchanged: result.unchanged, unreadable },
      }),
      programId: null,
    },
  });
  return result;
}
