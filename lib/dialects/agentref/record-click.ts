// AgentRef `POST /api/tracking/click` onto the tracking core: the program by `programId`, the
// calling site checked against its domains (403), the referral code from `referralCode` or from
// `pageUrl`'s referral parameters (`via`, `ref`, `r`, `a`, the program's own), then recordClick.
import { dialectProgram } from "@/lib/dialects/shared";
import type { AgentrefClickBody, AgentrefClickResponse } from "@/lib/dialects/agentref/schemas";
import { hostOf } from "@/lib/kernel/origin";
import { assertOriginAllowed } from "@/lib/tracking/origin-guard";
import { recordClick, type ClickCaller } from "@/lib/tracking/record-click";

export const CONSENT_WARNING = "consent_not_granted: the click was recorded without identifying data (no IP hash, user agent or referrer)";
export const TEST_MODE_WARNING = "test_mode: the program is in test mode, so this is a test click that credits no one";

/** The site's registrable host for the first-party cookie: the program's website without `www.`. */
export function cookieDomainOf(websiteUrl: string): string | null {
  return hostOf(websiteUrl)?.replace(/^www\./, "") ?? null;
}

export async function agentrefClick(body: AgentrefClickBody, caller: ClickCaller): Promise<AgentrefClickResponse> {
  const program = await dialectProgram(body.programId, "programId");
  assertOriginAllowed(program, caller.sourceHost, caller.keyProgramId); // 403 before anything about the code
  const consent = body.consentGranted !== false;
  const result = await recordClick(
    {
      affiliateUrl: body.pageUrl,
      referralCode: body.referralCode,
      programId: program.id,
      pageUrl: body.pageUrl,
      referrerUrl: consent ? body.referrer : undefined,
      consent,
      source: "AGENTREF",
    },
    caller,
  );
  const answer = { programId: program.id, cookieDomain: cookieDomainOf(program.websiteUrl), warnings: consent ? [] : [CONSENT_WARNING] };
  if (result.status === "inactive") {
    return {
      status: "ignored",
      affiliateCode: body.referralCode ?? null,
      clickToken: null,
      cookieDurationDays: program.cookieWindowDays,
      cleanupParams: [],
      ...answer,
      warnings: [...answer.warnings, result.message],
    };
  }
  return {
    status: "ok",
    affiliateCode: result.linkCode,
    clickToken: result.token,
    cookieDurationDays: result.cookieWindowDays,
    cleanupParams: result.cleanupParams,
    ...answer,
    warnings: result.test ? [...answer.warnings, TEST_MODE_WARNING] : answer.warnings,
  };
}
