// Records a click on a referral link: resolves the link, checks the calling site, creates or
// reuses the customer (status CLICK) and stores the click — in one SQL statement, so it is atomic;
// concurrent first clicks share that statement (lib/kernel/batch.ts). The link's and partner's figures are not bumped here: a counter row
// would be one lock every click of a viral link queues on. They are derived from the clicks by
// the rollup job (lib/reports/rollup.ts) and reports read rollups + live rows.
import { randomUUID } from "node:crypto";
import { db, sqlRows } from "@/lib/db";
import { createBatcher } from "@/lib/kernel/batch";
import { databaseUnreachable } from "@/lib/kernel/to-api-error";
import { newClickToken } from "@/lib/ids";
import type { TrackingSource } from "@/lib/generated/prisma/enums";
import { assertOriginAllowed } from "@/lib/tracking/origin-guard";
import { limitProgramTraffic } from "@/lib/tracking/program-limits";
import { programParams, resolveReferralLink, type ResolvedLink } from "@/lib/tracking/resolve-link";
import { parseUserAgent } from "@/lib/tracking/user-agent";
import { countTrackingEvent } from "@/lib/ops/metrics";

export interface ClickInput {
  /** The landing URL carrying the referral parameter; may be "" when `referralCode` is given. */
  affiliateUrl: string;
  /** A referral code the caller already extracted (dialects): used instead of the URL's parameters. */
  referralCode?: string;
  programId?: string | number;
  pageUrl?: string;
  pageTitle?: string;
  referrerUrl?: string;
  sessionId?: string;
  externalClickId?: string;
  userAgent?: string;
  screen?: string;
  viewport?: string;
  language?: string;
  timezone?: string;
  existingClickId?: string;
  testMode?: boolean;
  consent?: boolean;
  source: TrackingSource;
}

export type ClickResult =
  | {
      status: "tracked";
      id: bigint;
      token: string;
      partnerCode: string;
      linkCode: string;
      cookieWindowDays: number;
      programId: string;
      clientId: number;
      test: boolean;
      /** Referral parameters the tracker removes from the address bar; [] when the program keeps them. */
      cleanupParams: string[];
    }
  | { status: "inactive"; message: string; partnerCode: string };

function inactiveReason(link: ResolvedLink): string | null {
  if (link.status !== "ACTIVE") return "Referral link is inactive";
  if (link.partner.status === "SUSPENDED") return "Partner is suspended";
  if (link.partner.status === "PENDING") return "Partner is not approved yet";
  return null;
}

/** What the tracking core knows about the visitor's request, read from it at the edge (lib/edge/request-context.ts). */
export interface RequestContext {
  sourceHost: string | null; // Origin, else Referer host
  ipHash: string | null;
  /** The day's hash of the caller's network (lib/abuse/network.ts): abuse checks only, kept 48 h, whatever the consent. */
  networkHash: string | null;
  country: string | null;
  userAgent: string | null;
}

export interface ClickCaller extends RequestContext {
  keyProgramId?: string | null;
  /** A server-to-server dialect documented without Origin or key (AFFY): a missing Origin is accepted, a foreign one is not. */
  originOptional?: boolean;
}

export async function recordClick(input: ClickInput, context: ClickCaller): Promise<ClickResult> {
  // The program is found first (named, else the key's, else by the calling site), so codes other programs use cannot crowd it out.
  const link = await resolveReferralLink(input.affiliateUrl, {
    programId: input.programId ?? context.keyProgramId ?? undefined,
    sourceHost: context.sourceHost,
    referralCode: input.referralCode,
  });
  const program = link.program;
  assertOriginAllowed(program, context.sourceHost, context.keyProgramId, { allowMissing: context.originOptional });
  await limitProgramTraffic(program.id);
  const inactive = inactiveReason(link);
  if (inactive) return { status: "inactive", message: inactive, partnerCode: link.partner.code };

  const test = Boolean(input.testMode || program.testMode);
  const consent = input.consent !== false;
  const userAgent = input.userAgent ?? context.userAgent ?? null;
  const { device, browser, os } = parseUserAgent(userAgent);
  const token = newClickToken();
  const reused = input.existingClickId
    ? await db.click.findUnique({ where: { token: input.existingClickId }, select: { programId: true, customerId: true, test: true } })
    : null;
  // Test events never touch live customers (nor the reverse).
  const existingCustomerId = reused?.programId === program.id && reused.test === test ? reused.customerId : null;
  const customerId = existingCustomerId ?? randomUUID();
  const firstClickWins = program.attributionModel === "FIRST_CLICK";

  // Without consent nothing identifying is kept: no IP hash, user agent or session id. The network
  // hash stays: it rotates daily and is removed after 48 h (lib/abuse/network.ts), for abuse checks only.
  const row: ClickRow = {
    token,
    programId: program.id,
    partnerId: link.partner.id,
    linkId: link.id,
    customerId,
    externalClickId: input.externalClickId ?? null,
    sessionId: consent ? (input.sessionId ?? null) : null,
    landingUrl: input.affiliateUrl || null,
    pageUrl: input.pageUrl ?? null,
    pageTitle: input.pageTitle ?? null,
    referrerUrl: input.referrerUrl ?? null,
    userAgent: consent ? userAgent : null,
    device,
    browser,
    os,
    country: context.country,
    ipHash: consent ? context.ipHash : null,
    networkHash: context.networkHash,
    language: input.language ?? null,
    timezone: input.timezone ?? null,
    screen: input.screen ?? null,
    viewport: input.viewport ?? null,
    consent,
    test,
    source: input.source,
  };
  const actor = context.keyProgramId === program.id ? "API_KEY" : "PUBLIC";
  const id =
    existingCustomerId === null ? await insertNewVisitorClicks(row) : await insertReturningVisitorClick(row, firstClickWins, actor);
  countTrackingEvent("click");
  return {
    status: "tracked",
    id,
    token,
    partnerCode: link.partner.code,
    linkCode: link.code,
    cookieWindowDays: program.cookieWindowDays,
    programId: program.id,
    clientId: program.clientId,
    test,
    cleanupParams: program.cleanupParams ? programParams(program) : [],
  };
}

interface ClickRow {
  token: string;
  programId: string;
  partnerId: string;
  linkId: string;
  customerId: string;
  externalClickId: string | null;
  sessionId: string | null;
  landingUrl: string | null;
  pageUrl: string | null;
  pageTitle: string | null;
  referrerUrl: string | null;
  userAgent: string | null;
  device: string | null;
  browser: string | null;
  os: string | null;
  country: string | null;
  ipHash: string | null;
  networkHash: string | null;
  language: string | null;
  timezone: string | null;
  screen: string | null;
  viewport: string | null;
  consent: boolean;
  test: boolean;
  source: TrackingSource;
}

const TEXT_COLUMNS = [
  "token",
  "programId",
  "partnerId",
  "linkId",
  "customerId",
  "externalClickId",
  "sessionId",
  "landingUrl",
  "pageUrl",
  "pageTitle",
  "referrerUrl",
  "userAgent",
  "device",
  "browser",
  "os",
  "country",
  "ipHash",
  "networkHash",
  "language",
  "timezone",
  "screen",
  "viewport",
  "source",
] as const;

/**
 * A first click of a new visitor: its customer (status CLICK) and the click, for every click of
 * the batch in one statement (concurrent clicks share it, lib/kernel/batch.ts).
 */
const insertNewVisitorClicks = createBatcher<ClickRow, bigint>(
  async (rows) => {
    const columns = TEXT_COLUMNS.map((name) => rows.map((r) => r[name]));
    const inserted = await sqlRows<{ id: string; token: string }>(
      `WITH input AS (
        SELECT * FROM unnest(${TEXT_COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(", ")},
          $${TEXT_COLUMNS.length + 1}::boolean[], $${TEXT_COLUMNS.length + 2}::boolean[])
          AS t(${TEXT_COLUMNS.map((c) => `"${c}"`).join(", ")}, consent, test)
      ),
      ids AS (SELECT nextval(pg_get_serial_sequence('"Click"', 'id')) AS click_id, input.* FROM input),
      new_customer AS (
        INSERT INTO "Customer" (id, "programId", "partnerId", "clickId", status, test, "createdAt", "updatedAt")
        SELECT "customerId", "programId", "partnerId", click_id, 'CLICK'::"CustomerStatus", test, now(), now() FROM ids
      ),
      click AS (
        INSERT INTO "Click" (id, token, "programId", "partnerId", "linkId", "customerId", "externalClickId", "sessionId",
          "landingUrl", "pageUrl",
          "pageTitle", "referrerUrl", "userAgent", device, browser, os, country, "ipHash", "networkHash", language, timezone,
            screen, viewport, consent, test, source, "createdAt")
        SELECT click_id, token, "programId", "partnerId", "linkId", "customerId", "externalClickId", "sessionId", "landingUrl", "pageUrl",
          "pageTitle", "referrerUrl", "userAgent", device, browser, os, country, "ipHash", "networkHash", language, timezone,
            screen, viewport, consent, test,
          source::"TrackingSource", now()
        FROM ids
        RETURNING id, token
      )
      SELECT id::text AS id, token FROM click`,
      [...columns, rows.map((r) => r.consent), rows.map((r) => r.test)],
    );
    const ids = new Map(inserted.map((r) => [r.token, BigInt(r.id)]));
    return rows.map((r) => ids.get(r.token) ?? new Error("click was not stored"));
  },
  { name: "click-insert", maxBatch: 200, maxInFlight: 2, retryAlone: (error) => !databaseUnreachable(error) },
);

/**
 * A returning visitor (the tracker sent the previous click's id, which only that browser holds): the
 * click, and the customer moved to it unless first-click keeps it. A move to another partner is
 * audited (lib/audit/customer-attribution.ts) in the same statement.
 */
async function insertReturningVisitorClick(row: ClickRow, firstClickWins: boolean, actor: "API_KEY" | "PUBLIC"): Promise<bigint> {
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    WITH ids AS (SELECT nextval(pg_get_serial_sequence('"Click"', 'id')) AS click_id),
    prior AS (SELECT id, "partnerId", "clickId" FROM "Customer" WHERE id = ${row.customerId} FOR UPDATE),
    reused_customer AS (
      UPDATE "Customer" SET "partnerId" = ${row.partnerId}, "clickId" = (SELECT click_id FROM ids), "updatedAt" = now()
      WHERE id = ${row.customerId} AND NOT (${firstClickWins} AND "partnerId" IS NOT NULL)
      RETURNING id
    ),
    audit AS (
      INSERT INTO "AuditLog" ("programId", "actorType", "actorId", action, "entityType", "entityId", before, after, reason, "createdAt")
      SELECT ${row.programId}, ${actor}::"ActorType", NULL, CASE WHEN prior."partnerId" IS NULL THEN 'customer.attributed' ELSE
        'customer.reattributed' END,
        'customer', prior.id, jsonb_build_object('partner_id', prior."partnerId", 'click_id', prior."clickId"::text),
        jsonb_build_object('partner_id', ${row.partnerId}::text, 'click_id', (SELECT click_id FROM ids)::text),
        ${`click (${row.source}) from a returning visitor`}, now()
      FROM prior JOIN reused_customer ON reused_customer.id = prior.id
      WHERE prior."partnerId" IS DISTINCT FROM ${row.partnerId}::text
    ),
    click AS (
      INSERT INTO "Click" (id, token, "programId", "partnerId", "linkId", "customerId", "externalClickId", "sessionId",
        "landingUrl", "pageUrl",
        "pageTitle", "referrerUrl", "userAgent", device, browser, os, country, "ipHash", "networkHash", language, timezone,
          screen, viewport, consent, test, source, "createdAt")
      SELECT ids.click_id, ${row.token}, ${row.programId}, ${row.partnerId}, ${row.linkId}, ${row.customerId}, ${row.externalClickId},
        ${row.sessionId}, ${row.landingUrl}, ${row.pageUrl}, ${row.pageTitle}, ${row.referrerUrl}, ${row.userAgent},
          ${row.device}, ${row.browser},
        ${row.os}, ${row.country}, ${row.ipHash}, ${row.networkHash}, ${row.language}, ${row.timezone}, ${row.screen},
          ${row.viewport}, ${row.consent}, ${row.test},
        ${row.source}::"TrackingSource", now()
      FROM ids
      RETURNING id
    )
    SELECT id FROM click`;
  return rows[0]!.id;
}
