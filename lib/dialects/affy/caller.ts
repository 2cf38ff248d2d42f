// Who is calling an AFFY endpoint, for one program: the documented calls carry no key, so they
// are accepted from the program's site (Origin) or from a server (no Origin), but never from
// another site. A program API key makes the call trusted: only then may a lead move a customer
// already credited elsewhere, and only then is a PAYMENT's commission left to the normal rules
// instead of being held for review.
import { ApiError } from "@/lib/kernel/errors";
import { assertOriginAllowed } from "@/lib/tracking/origin-guard";
import type { ClickCaller } from "@/lib/tracking/record-click";

export const UNVERIFIED_SOURCE = "UNVERIFIED_SOURCE";

export function affyTrust(program: { id: string; allowedDomains: string[] }, caller: ClickCaller): { keyed: boolean } {
  if (caller.keyProgramId && caller.keyProgramId !== program.id)
    throw new ApiError("unauthorized", "This API key belongs to another program");
  assertOriginAllowed(program, caller.sourceHost, caller.keyProgramId, { allowMissing: true });
  return { keyed: caller.keyProgramId === program.id };
}
