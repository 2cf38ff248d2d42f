// Finds the referral link an affiliate URL points at: its query parameters are matched against
// link codes, keeping only pairs whose parameter name is the link's program's referral parameter
// or one of its aliases. One indexed query (ReferralLink.code), shared by concurrent clicks.
import { sqlRows } from "@/lib/db";
import { createBatcher } from "@/lib/db/batch";
import { databaseUnreachable } from "@/lib/http/to-api-error";
import { ApiError } from "@/lib/http/errors";
import { hostMatches, hostOf } from "@/lib/http/origin";

export const DEFAULT_REFERRAL_PARAMS = ["aff", "via", "ref", "r", "a"];
const PARAM_NAME = /^[A-Za-z0-9_-]{1,32}$/;

export interface ResolvedLink {
  id: string;
  code: string;
  status: "ACTIVE" | "INACTIVE";
  partner: { id: string; code: string; status: "PENDING" | "ACTIVE" | "SUSPENDED"; email: string };
  program: {
    id: string;
    clientId: number;
    allowedDomains: string[];
    referralParam: string;
    referralParamAliases: string[];
    cookieWindowDays: number;
    testMode: boolean;
    attributionModel: "LAST_CLICK" | "FIRST_CLICK";
    cleanupParams: boolean;
  };
}

interface LinkRow {
  id: string; code: string; status: ResolvedLink["status"];
  partner_id: string; partner_code: string; partner_status: ResolvedLink["partner"]["status"]; partner_email: string;
  program_id: string; client_id: number; allowed_domains: string[]; referral_param: string; referral_param_aliases: string[];
  cookie_window_days: number; test_mode: boolean; attribution_model: ResolvedLink["program"]["attributionModel"]; cleanup_params: boolean;
}

const LINK_COLUMNS = `l.id, l.code, l.status::text AS status,
  pa.id AS partner_id, pa.code AS partner_code, pa.status::text AS partner_status, pa.email AS partner_email,
  pr.id AS program_id, pr."clientId" AS client_id, pr."allowedDomains" AS allowed_domains, pr."referralParam" AS referral_param,
  pr."referralParamAliases" AS referral_param_aliases, pr."cookieWindowDays" AS cookie_window_days, pr."testMode" AS test_mode,
  pr."attributionModel"::text AS attribution_model, pr."cleanupParams" AS cleanup_params`;

function toResolved(r: LinkRow): ResolvedLink {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    partner: { id: r.partner_id, code: r.partner_code, status: r.partner_status, email: r.partner_email },
    program: {
      id: r.program_id, clientId: r.client_id, allowedDomains: r.allowed_domains, referralParam: r.referral_param, referralParamAliases: r.referral_param_aliases,
      cookieWindowDays: r.cookie_window_days, testMode: r.test_mode, attributionModel: r.attribution_model, cleanupParams: r.cleanup_params,
    },
  };
}

type LinkLookup = { codes: string[]; programFilter: { id?: string; clientId?: number } };
const MAX_LINKS_PER_LOOKUP = 20;

/**
 * Link, partner and program in one round trip; this runs on every click, so the lookups of
 * concurrent clicks share one statement (lib/db/batch.ts) and each keeps the rows it asked for.
 */
const lookupLinks = createBatcher<LinkLookup, ResolvedLink[]>(
  async (lookups) => {
    const codes = [...new Set(lookups.flatMap((l) => l.codes))];
    const rows = await sqlRows<LinkRow>(
      `SELECT ${LINK_COLUMNS}
       FROM "ReferralLink" l JOIN "Partner" pa ON pa.id = l."partnerId" JOIN "Program" pr ON pr.id = l."programId"
       WHERE l.code = ANY($1::text[])
       LIMIT $2`,
      [codes, MAX_LINKS_PER_LOOKUP * lookups.length],
    );
    return lookups.map(({ codes: wanted, programFilter }) =>
      rows
        .filter((r) => wanted.includes(r.code) && (!programFilter.id || r.program_id === programFilter.id) && (!programFilter.clientId || r.client_id === programFilter.clientId))
        .slice(0, MAX_LINKS_PER_LOOKUP)
        .map(toResolved),
    );
  },
  { maxBatch: 100, maxInFlight: 2, retryAlone: (error) => !databaseUnreachable(error) },
);

async function findLinks(codes: string[], programFilter: { id?: string; clientId?: number }): Promise<ResolvedLink[]> {
  return lookupLinks({ codes, programFilter });
}

export function programParams(program: { referralParam: string; referralParamAliases: string[] }): string[] {
  return [program.referralParam, ...program.referralParamAliases];
}

export function programFilterOf(programId: string | number | undefined): { id?: string; clientId?: number } {
  if (programId === undefined) return {};
  if (typeof programId === "number" || /^\d+$/.test(programId)) {
    const clientId = Number(programId);
    return { clientId: Number.isSafeInteger(clientId) && clientId <= 2_147_483_647 ? clientId : -1 }; // beyond INT4: matches nothing
  }
  return { id: programId };
}

/** Several programs' links share a code: the calling site (or the landing URL's host) decides. */
function pickByHost(matching: ResolvedLink[], hosts: Array<string | null>): ResolvedLink {
  if (matching.length === 1) return matching[0]!;
  const known = hosts.filter((h): h is string => Boolean(h));
  const byHost = matching.filter((link) => known.some((host) => hostMatches(host, link.program.allowedDomains)));
  if (byHost.length === 1) return byHost[0]!;
  throw new ApiError("bad_request", "The aff value matches links of several programs; pass program_id to choose");
}

/**
 * A referral code the caller already extracted (AgentRef `referralCode`, AFFY `affiliateReference`):
 * the link with that code, whatever parameter carried it.
 */
async function resolveByCode(code: string, options: { programId?: string | number; sourceHost: string | null; landingHost: string | null }): Promise<ResolvedLink> {
  const links = code.length <= 100 ? await findLinks([code], programFilterOf(options.programId)) : [];
  if (links.length === 0) throw new ApiError("bad_request", "No referral link found matching the referral code");
  return pickByHost(links, [options.sourceHost, options.landingHost]);
}

export async function resolveReferralLink(
  affiliateUrl: string,
  options: { programId?: string | number; sourceHost: string | null; referralCode?: string },
): Promise<ResolvedLink> {
  if (options.referralCode) return resolveByCode(options.referralCode, { ...options, landingHost: hostOf(affiliateUrl) });
  if (!affiliateUrl.trim()) throw new ApiError("bad_request", "affiliate_url is missing");
  let url: URL;
  try {
    url = new URL(affiliateUrl);
  } catch {
    throw new ApiError("bad_request", "affiliate_url cannot be parsed as a URL");
  }
  const pairs = [...url.searchParams].filter(([name, value]) => PARAM_NAME.test(name) && value.length > 0 && value.length <= 100).slice(0, 20);
  const codes = [...new Set(pairs.map(([, value]) => value))];
  const links = codes.length ? await findLinks(codes, programFilterOf(options.programId)) : [];
  const matching = links.filter((link) => programParams(link.program).some((param) => url.searchParams.get(param) === link.code));

  if (matching.length === 0) {
    const knownNames = new Set([...DEFAULT_REFERRAL_PARAMS, ...links.flatMap((l) => programParams(l.program))]);
    if (!pairs.some(([name]) => knownNames.has(name))) {
      throw new ApiError("bad_request", "No referral parameter (?aff=) found in affiliate_url");
    }
    throw new ApiError("bad_request", "No referral link found matching the aff value");
  }
  // The same code in several programs on this instance: the calling site decides.
  return pickByHost(matching, [options.sourceHost, hostOf(affiliateUrl)]);
}
