// Records a click on a referral link: resolves the link, checks the calling site, creates or
// reuses the customer (status CLICK) and stores the click — in one SQL statement, so it is atomic
// and takes one round trip. The link's and partner's figures are not bumped here: a counter row
// would be one lock every click of a viral link queues on. They are derived from the clicks by
// the rollup job (lib/reports/rollup.ts) and reports read rollups + live rows.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { newClickToken } from "@/lib/ids";
import type { TrackingSource } from "@/lib/generated/prisma/enums";
import type { RequestContext } from "@/lib/tracking/context";
import { assertOriginAllowed } from "@/lib/tracking/origin-guard";
import { limitProgramTraffic } from "@/lib/tracking/public-limits";
import { programParams, resolveReferralLink, type ResolvedLink } from "@/lib/tracking/resolve-link";
import { parseUserAgent } from "@/lib/tracking/user-agent";

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

export interface ClickCaller extends RequestContext {
  keyProgramId?: string | null;
  /** A server-to-server dialect documented without Origin or key (AFFY): a missing Origin is accepted, a foreign one is not. */
  originOptional?: boolean;
}

export async function recordClick(input: ClickInput, context: ClickCaller): Promise<ClickResult> {
  const link = await resolveReferralLink(input.affiliateUrl, { programId: input.programId, sourceHost: context.sourceHost, referralCode: input.referralCode });
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

  // Without consent nothing identifying is kept: no IP hash, user agent or session id.
  const rows = await db.$queryRaw<Array<{ id: bigint }>>`
    WITH ids AS (SELECT nextval(pg_get_serial_sequence('"Click"', 'id')) AS click_id),
    new_customer AS (
      INSERT INTO "Customer" (id, "programId", "partnerId", "clickId", status, test, "createdAt", "updatedAt")
      SELECT ${customerId}, ${program.id}, ${link.partner.id}, ids.click_id, 'CLICK'::"CustomerStatus", ${test}, now(), now()
      FROM ids WHERE ${existingCustomerId === null}
    ),
    reused_customer AS (
      UPDATE "Customer" SET "partnerId" = ${link.partner.id}, "clickId" = (SELECT click_id FROM ids), "updatedAt" = now()
      WHERE id = ${customerId} AND ${existingCustomerId !== null} AND NOT (${firstClickWins} AND "partnerId" IS NOT NULL)
    ),
    click AS (
      INSERT INTO "Click" (id, token, "programId", "partnerId", "linkId", "customerId", "externalClickId", "sessionId", "landingUrl", "pageUrl",
        "pageTitle", "referrerUrl", "userAgent", device, browser, os, country, "ipHash", language, timezone, screen, viewport, consent, test, source, "createdAt")
      SELECT ids.click_id, ${token}, ${program.id}, ${link.partner.id}, ${link.id}, ${customerId}, ${input.externalClickId ?? null},
        ${consent ? (input.sessionId ?? null) : null}, ${input.affiliateUrl || null}, ${input.pageUrl ?? null}, ${input.pageTitle ?? null}, ${input.referrerUrl ?? null},
        ${consent ? userAgent : null}, ${device}, ${browser}, ${os}, ${context.country}, ${consent ? context.ipHash : null},
        ${input.language ?? null}, ${input.timezone ?? null}, ${input.screen ?? null}, ${input.viewport ?? null}, ${consent}, ${test},
        ${input.source}::"TrackingSource", now()
      FROM ids
      RETURNING id
    )
    SELECT id FROM click`;

  return {
    status: "tracked",
    id: rows[0]!.id,
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
