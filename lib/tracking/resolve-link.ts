// Finds the referral link an affiliate URL points at: its query parameters are matched against
// link codes, keeping only pairs whose parameter name is the link's program's referral parameter
// or one of its aliases. One indexed query (ReferralLink.code).
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { hostMatches, hostOf } from "@/lib/http/origin";

export const DEFAULT_REFERRAL_PARAMS = ["aff", "via", "ref", "r", "a"];
const PARAM_NAME = /^[A-Za-z0-9_-]{1,32}$/;

export const linkSelect = {
  id: true,
  code: true,
  status: true,
  partner: { select: { id: true, code: true, status: true, email: true } },
  program: {
    select: { id: true, clientId: true, allowedDomains: true, referralParam: true, referralParamAliases: true, cookieWindowDays: true, testMode: true, attributionModel: true, cleanupParams: true },
  },
} as const;

export type ResolvedLink = NonNullable<Awaited<ReturnType<typeof findLinks>>>[number];

function findLinks(codes: string[], programFilter: { id?: string; clientId?: number }) {
  return db.referralLink.findMany({
    where: { code: { in: codes }, ...(programFilter.id || programFilter.clientId ? { program: programFilter } : {}) },
    select: linkSelect,
    take: 20,
  });
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
