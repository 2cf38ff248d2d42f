// The click a browser-side call (tracker `signup()` / `checkout()`) acts on. There is no secret
// in a browser, so three things stand in for one: the program (Program.id or numeric clientId),
// the calling site (Origin, else Referer, must be one of the program's domains) and the click
// token from the visitor's cookie, which must belong to that program and be inside its window.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { clickByToken, type AttributionClick } from "@/lib/tracking/attribution";
import { assertOriginAllowed } from "@/lib/tracking/origin-guard";
import { limitProgramTraffic } from "@/lib/tracking/program-limits";
import { programFilterOf } from "@/lib/tracking/resolve-link";

export interface BrowserCaller {
  sourceHost: string | null;
  /** A server holding the program's API key may call without an Origin. */
  keyProgramId?: string | null;
}

export interface BrowserClickInput {
  programId: string | number;
  clickToken: string;
}

const MAX_CLIENT_ID = 2_147_483_647; // Program.clientId is an Int

export async function browserClick(
  input: BrowserClickInput,
  caller: BrowserCaller,
): Promise<{ programId: string; click: AttributionClick }> {
  const filter = programFilterOf(input.programId);
  const program =
    filter.clientId !== undefined && filter.clientId > MAX_CLIENT_ID
      ? null
      : await db.program.findFirst({ where: filter, select: { id: true, allowedDomains: true, cookieWindowDays: true, testMode: true } });
  if (!program) throw new ApiError("not_found", "Unknown program_id");
  assertOriginAllowed(program, caller.sourceHost, caller.keyProgramId);
  await limitProgramTraffic(program.id);
  const click = await clickByToken(
    db,
    { programId: program.id, cookieWindowDays: program.cookieWindowDays, test: program.testMode },
    input.clickToken,
  );
  if (!click) throw new ApiError("not_found", "click_id not found for this program, or older than the cookie window");
  return { programId: program.id, click };
}
