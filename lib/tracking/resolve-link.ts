// Finds the referral link an affiliate URL points at: its query parameters are matched against
// link codes, keeping only pairs whose parameter name is the link's program's referral parameter
// or one of its aliases. One indexed query (ReferralLink.code), shared by concurrent clicks; the
// program the caller names (or whose domains accept the calling site) is chosen in SQL first.
import { sqlRows } from "@/lib/db";
import { createBatcher } from "@/lib/kernel/batch";
import { databaseUnreachable } from "@/lib/kernel/to-api-error";
import { ApiError } from "@/lib/kernel/errors";
import { hostMatches, hostOf } from "@/lib/kernel/origin";

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
  id: string;
  code: string;
  status: ResolvedLink["status"];
  partner_id: string;
  partner_code: string;
  partner_status: ResolvedLink["partner"]["status"];
  partner_email: string;
  program_id: string;
  client_id: number;
  allowed_domains: string[];
  referral_param: string;
  referral_param_aliases: string[];
  cookie_window_days: number;
  test_mode: boolean;
  attribution_model: ResolvedLink["program"]["attributionModel"];
  cleanup_params: boolean;
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
      id: r.program_id,
      clientId: r.client_id,
      allowedDomains: r.allowed_domains,
      referralParam: r.referral_param,
      referralParamAliases: r.referral_param_aliases,
      cookieWindowDays: r.cookie_window_days,
      testMode: r.test_mode,
      attributionModel: r.attribution_model,
      cleanupParams: r.cleanup_params,
    },
  };
}

type ProgramFilter = { id?: string; clientId?: number };
type LinkLookup = { codes: string[]; programFilter: ProgramFilter; hosts: string[] };
const MAX_LINKS_PER_LOOKUP = 20;

/**
 * The allowed-domain entries that would accept `host` (lib/kernel/origin.ts `hostMatches`): the host,
 * with or without "www.", and each "*.parent" wildcard above it. They let SQL rank the calling
 * site's program first, before any limit.
 */
export function domainEntriesMatching(host: string): string[] {
  const h = host.toLowerCase();
  const labels = h.split(".");
  const entries = new Set([h, `www.${h}`, `*.${h}`]);
  if (h.startsWith("www.")) entries.add(h.slice(4));
  for (let i = 1; i < labels.length; i++) entries.add(`*.${labels.slice(i).join(".")}`);
  return [...entries];
}

// An allowed-domain entry normalised in SQL as normaliseDomain does (scheme, port, path, case, trailing dot).
const NORMALISED_DOMAIN = `rtrim(lower(regexp_replace(regexp_replace(trim(d), '^[A-Za-z]+://', ''), '[:/].*$', '')), '.')`;

/**
 * Link, partner and program in one round trip; this runs on every click, so the lookups of
 * concurrent clicks share one statement (lib/kernel/batch.ts). Each (lookup, code) pair reads only its
 * program's links when the caller named one (id, client id, the key's program), else the links of
 * programs whose domains accept the calling site first, so a code squatted by other programs
 * cannot push the right link past the limit.
 */
const lookupLinks = createBatcher<LinkLookup, ResolvedLink[]>(
  async (lookups) => {
    const pairs = lookups.flatMap((l, n) => l.codes.map((code) => ({ n, code, l })));
    const rows = await sqlRows<LinkRow & { n: number }>(
      `SELECT t.n, found.* FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[]) AS t(n, code, program_id, client_id, hosts)
       CROSS JOIN LATERAL (
         SELECT ${LINK_COLUMNS}
         FROM "ReferralLink" l JOIN "Partner" pa ON pa.id = l."partnerId" JOIN "Program" pr ON pr.id = l."programId"
         WHERE l.code = t.code AND (t.program_id IS NULL OR l."programId" = t.program_id) AND (t.client_id IS NULL OR
           pr."clientId" = t.client_id)
         ORDER BY EXISTS (SELECT 1 FROM unnest(pr."allowedDomains") d WHERE ${NORMALISED_DOMAIN} = ANY(string_to_array(t.hosts,
           ' '))) DESC, l."createdAt", l.id
         LIMIT ${MAX_LINKS_PER_LOOKUP}
       ) found`,
      [
        pairs.map((p) => p.n),
        pairs.map((p) => p.code),
        pairs.map((p) => p.l.programFilter.id ?? null),
        pairs.map((p) => p.l.programFilter.clientId ?? null),
        pairs.map((p) => p.l.hosts.join(" ")),
      ],
    );
    return lookups.map((_, n) => rows.filter((r) => r.n === n).map(toResolved));
  },
  { name: "link-lookup", maxBatch: 100, maxInFlight: 2, retryAlone: (error) => !databaseUnreachable(error) },
);

async function findLinks(codes: string[], programFilter: ProgramFilter, hosts: Array<string | null>): Promise<ResolvedLink[]> {
  const known = hosts.filter((h): h is string => Boolean(h));
  return lookupLinks({ codes, programFilter, hosts: [...new Set(known.flatMap(domainEntriesMatching))] });
}

export function programParams(program: { referralParam: string; referralParamAliases: string[] }): string[] {
  return [program.referralParam, ...program.referralParamAliases];
}

export function programFilterOf(programId: string | number | undefined): ProgramFilter {
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
async function resolveByCode(
  code: string,
  options: { programId?: string | number; sourceHost: string | null; landingHost: string | null },
): Promise<ResolvedLink> {
  const links =
    code.length <= 100 ? await findLinks([code], programFilterOf(options.programId), [options.sourceHost, options.landingHost]) : [];
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
  const pairs = [...url.searchParams]
    .filter(([name, value]) => PARAM_NAME.test(name) && value.length > 0 && value.length <= 100)
    .slice(0, 20);
  const codes = [...new Set(pairs.map(([, value]) => value))];
  const links = codes.length ? await findLinks(codes, programFilterOf(options.programId), [options.sourceHost, hostOf(affiliateUrl)]) : [];
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
