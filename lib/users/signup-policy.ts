// Who may create accounts on the web (SIGNUP, decision 30):
//   open    anyone may sign up as a program owner; partners apply through a program's link
//   invite  owner accounts only through a team invite (the first owner: the CLI or the first start);
//           partners still apply through a program's link, after proving their e-mail address
//   closed  no account is made on the web except by accepting an invite (applications are closed)
// Unset: `invite` once an owner account exists, `open` before (so a fresh install can be claimed).
import { db } from "@/lib/db";
import { setting } from "@/lib/env";
import { ApiError } from "@/lib/kernel/errors";

export type SignupMode = "open" | "invite" | "closed";

export async function signupMode(): Promise<SignupMode> {
  const configured = setting("SIGNUP");
  if (configured) return configured;
  const owner = await db.user.findFirst({ where: { kind: "OWNER" }, select: { id: true } });
  return owner ? "invite" : "open";
}

export async function ownerSignUpOpen(): Promise<boolean> {
  return (await signupMode()) === "open";
}

export async function applicationsOpen(): Promise<boolean> {
  return (await signupMode()) !== "closed";
}

/** 403 while SIGNUP=closed: every step of an application checks it (start, confirm, apply). */
export async function requireApplicationsOpen(): Promise<void> {
  if (!(await applicationsOpen())) throw new ApiError("forbidden", "Applications are closed: ask the program for an invite.");
}
