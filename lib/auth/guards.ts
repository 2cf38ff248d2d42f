// Server-side route protection for pages, layouts and server actions. The UI hides what a role
// cannot do, but these checks are what enforce it.
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  kind: "OWNER" | "PARTNER";
}

/**
 * The signed-in user, re-read from the database: a deleted account loses access at once, and so
 * does a session older than the account's session version (signed out everywhere, password changed).
 */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, kind: true, sessionVersion: true } });
  if (!user || user.sessionVersion !== session.user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, kind: user.kind };
}

export async function requireUser(next = "/dashboard"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(next)}`);
  return user;
}

/** Owner workspace: partner accounts are sent to their portal. */
export async function requireOwnerUser(next = "/dashboard"): Promise<SessionUser> {
  const user = await requireUser(next);
  if (user.kind !== "OWNER") redirect("/portal");
  return user;
}

/** Partner portal: owners have their own workspace. */
export async function requirePartnerUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/partner/login");
  if (user.kind !== "PARTNER") redirect("/dashboard");
  return user;
}

export function homeFor(user: Pick<SessionUser, "kind">): string {
  return user.kind === "PARTNER" ? "/portal" : "/dashboard";
}
