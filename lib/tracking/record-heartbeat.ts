// Install verification: the tracker (or a server) reports "the snippet runs on this page".
// One row per program page, upserted atomically; no click token is involved. Only the program's
// own pages count (the page's host is one of its allowed domains, whoever calls), and a program
// keeps at most MAX_HEARTBEAT_PAGES pages: a new page beyond that replaces the least recently seen.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { hostMatches, hostOf } from "@/lib/kernel/origin";
import type { TrackingSource } from "@/lib/generated/prisma/enums";
import { assertOriginAllowed } from "@/lib/tracking/origin-guard";
import { limitProgramTraffic } from "@/lib/tracking/program-limits";
import { programFilterOf } from "@/lib/tracking/resolve-link";
import { countTrackingEvent } from "@/lib/ops/metrics";

export const MAX_HEARTBEAT_PAGES = 200;

export interface HeartbeatResult {
  programId: string;
  pageUrl: string;
  count: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** origin + path: the query string may carry personal or referral data, and would split pages. */
export function normalisePageUrl(pageUrl: string): string {
  const url = new URL(pageUrl);
  return `${url.origin}${url.pathname}`;
}

export async function recordHeartbeat(
  input: { programId: string | number; pageUrl: string; source: TrackingSource },
  context: { sourceHost: string | null; keyProgramId?: string | null },
): Promise<HeartbeatResult> {
  const program = await db.program.findFirst({ where: programFilterOf(input.programId), select: { id: true, allowedDomains: true } });
  if (!program) throw new ApiError("not_found", "Unknown program_id");
  assertOriginAllowed(program, context.sourceHost, context.keyProgramId);
  await limitProgramTraffic(program.id);
  const pageHost = hostOf(input.pageUrl);
  if (!pageHost || !hostMatches(pageHost, program.allowedDomains)) {
    throw new ApiError(
      "forbidden",
      `page_url${pageHost ? ` (${pageHost})` : ""} is not on one of this program's allowed domains: only the program's own ` +
        `pages verify the install`,
    );
  }
  const pageUrl = normalisePageUrl(input.pageUrl);
  const [row] = await db.$queryRaw<Array<{ count: number; firstSeenAt: Date; lastSeenAt: Date; created: boolean }>>`
    INSERT INTO "InstallHeartbeat" (id, "programId", "pageUrl", source, count, "firstSeenAt", "lastSeenAt")
    VALUES (gen_random_uuid()::text, ${program.id}, ${pageUrl}, ${input.source}::"TrackingSource", 1, now(), now())
    ON CONFLICT ("programId", "pageUrl") DO UPDATE SET count = "InstallHeartbeat".count + 1, "lastSeenAt" = now(), source = EXCLUDED.source
    RETURNING count, "firstSeenAt", "lastSeenAt", (xmax = 0) AS created`;
  if (row!.created) {
    await db.$executeRaw`DELETE FROM "InstallHeartbeat" WHERE id IN (
      SELECT id FROM "InstallHeartbeat" WHERE "programId" = ${program.id} ORDER BY "lastSeenAt" DESC, id OFFSET ${MAX_HEARTBEAT_PAGES})`;
  }
  countTrackingEvent("heartbeat");
  return { programId: program.id, pageUrl, count: row!.count, firstSeenAt: row!.firstSeenAt, lastSeenAt: row!.lastSeenAt };
}
