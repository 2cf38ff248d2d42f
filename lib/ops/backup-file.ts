// The backup file: one JSON header line (what was backed up, at which migration, row counts), then
// the body — a gzipped stream of JSON lines (`logical`, taken over any PostgreSQL connection, the
// embedded database's included) or pg_dump's custom-format archive (`pg_dump`).
import { createReadStream, openSync, readSync, closeSync } from "node:fs";
import type { Readable } from "node:stream";

export const BACKUP_FORMAT = "partnerloop-backup";

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: 1;
  engine: "logical" | "pg_dump";
  /** The newest migration applied when the backup was taken, and every one applied. */
  migration: string | null;
  migrations: string[];
  version: string;
  createdAt: string;
  source: "embedded" | "postgresql";
  /** Rows per table of the `public` schema (logical backups; pg_dump ones count them too). */
  tables: Record<string, number>;
}

export class BackupError extends Error {}

const MAX_HEADER = 1 << 20;

/** The header and the byte offset where the body starts. */
export function readBackupHeader(file: string): { header: BackupHeader; bodyStart: number } {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(MAX_HEADER);
    const read = readSync(fd, buffer, 0, MAX_HEADER, 0);
    const end = buffer.subarray(0, read).indexOf(0x0a);
    if (end === -1) throw new BackupError(`${file} is not a Partnerloop backup (no header line)`);
    let header: BackupHeader;
    try {
      header = JSON.parse(buffer.subarray(0, end).toString("utf8")) as BackupHeader;
    } catch {
      throw new BackupError(`${file} is not a Partnerloop backup (unreadable header)`);
    }
    if (header.format !== BACKUP_FORMAT || header.formatVersion !== 1) {
      throw new BackupError(`${file} is not a Partnerloop backup this version can read`);
    }
    return { header, bodyStart: end + 1 };
  } finally {
    closeSync(fd);
  }
}

export function backupBody(file: string, bodyStart: number): Readable {
  return createReadStream(file, { start: bodyStart });
}
