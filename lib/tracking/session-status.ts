// Is a browser session attributed to a partner? Its latest click, if inside the cookie window.
import { db } from "@/lib/db";
import { windowStart } from "@/lib/tracking/attribution";

export interface SessionStatus {
  attributed: boolean;
  click: { id: bigint; token: string; createdAt: Date; linkCode: string; partnerCode: string; programId: string; expiresAt: Date } | null;
}

/**
 * `scope` narrows the lookup to one program (a dialect that names its program, e.g. AFFY
 * `clientId`), and to its test clicks when the program is in test mode.
 */
export async function sessionStatus(sessionId: string, now = new Date(), scope?: { programId: string; test: boolean }): Promise<SessionStatus> {
  const click = await db.click.findFirst({
    where: { sessionId, test: scope?.test ?? false, ...(scope ? { programId: scope.programId } : {}) },
    orderBy: { createdAt: "desc" },
    select: { id: true, token: true, createdAt: true, programId: true, link: { select: { code: true } }, partner: { select: { code: true } }, program: { select: { cookieWindowDays: true } } },
  });
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
