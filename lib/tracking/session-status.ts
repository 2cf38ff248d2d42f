// Is a browser session attributed to a partner? Its latest click, if inside the cookie window.
// The answer never carries anything that can be replayed (no click token): the public status
// call is keyless. A call that names its program (AFFY `clientId`, our `program_id`, or an Origin
// that is one of the program's domains) sees only that program's sessions.
import { db } from "@/lib/db";
import { hostMatches } from "@/lib/kernel/origin";
import { windowStart } from "@/lib/tracking/attribution";
import { programFilterOf } from "@/lib/tracking/resolve-link";

export interface SessionStatus {
  attributed: boolean;
  click: { id: bigint; token: string; createdAt: Date; linkCode: string; partnerCode: string; programId: string; expiresAt: Date } | null;
}

export interface StatusScope {
  /** Program.id or numeric clientId the call names. */
  program?: string | number;
  /** The calling site (Origin, else Referer host): only programs whose domains accept it. */
  sourceHost?: string | null;
  /** Test clicks only (a program in test mode). */
  test?: boolean;
}

const MAX_CLICKS_READ = 20;

/** The session's latest creditable click among the programs the scope allows. */
export async function sessionStatus(sessionId: string, now = new Date(), scope: StatusScope = {}): Promise<SessionStatus> {
  const filter = programFilterOf(scope.program);
  const clicks = await db.click.findMany({
    where: {
      sessionId,
      test: scope.test ?? false,
      ...(filter.id ? { programId: filter.id } : {}),
      ...(filter.clientId !== undefined ? { program: { clientId: filter.clientId } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: MAX_CLICKS_READ,
    select: {
      id: true,
      token: true,
      createdAt: true,
      programId: true,
      link: { select: { code: true } },
      partner: { select: { code: true } },
      program: { select: { cookieWindowDays: true, allowedDomains: true } },
    },
  });
  const click = clicks.find((c) => !scope.sourceHost || hostMatches(scope.sourceHost, c.program.allowedDomains));
  if (!click || click.createdAt < windowStart(click.program.cookieWindowDays, now)) return { attributed: false, click: null };
  return {
    attributed: true,
    click: {
      id: click.id,
      token: click.token,
      createdAt: click.createdAt,
      linkCode: click.link.code,
      partnerCode: click.partner.code,
      programId: click.programId,
      expiresAt: new Date(click.createdAt.getTime() + click.program.cookieWindowDays * 86_400_000),
    },
  };
}
