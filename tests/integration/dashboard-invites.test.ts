import "../helpers/env";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptInvite, getInvite } from "@/lib/invites/accept-invite";
import { applyToProgram, confirmApplication, startApplication } from "@/lib/invites/apply-to-program";
import { inviteMember } from "@/lib/invites/invite-member";
import { invitePartner } from "@/lib/invites/invite-partner";
import { setPartnerStatus } from "@/lib/partners/set-partner-status";
import { changeMemberRole, listTeam, removeMember } from "@/lib/team/team";
import { makeProgram, makeUser, uniqueEmail } from "../helpers/factories";

const actorOf = (userId: string) => ({ type: "USER" as const, id: userId, userId });
const tokenOf = (url: string) => url.split("/invite/")[1]!;
const PASSWORD = "a long enough password";
const createCouponRow = (programId: string, partnerId: string, code: string, status: "ACTIVE" | "INACTIVE") =>
  db.coupon.create({ data: { programId, partnerId, code, codeKey: code.toLowerCase(), status, description: "20% off" } });

/** Applies with a new account as a person would: the form, then the link in the mail. */
async function applyAsNew(programId: string, input: { name: string; email: string; password: string }) {
  const { mail } = await startApplication(programId, { name: input.name, email: input.email });
  const link = /\/verify-email\/(pla_[A-Za-z0-9]+)/.exec(readFileSync(mail.path!, "utf8"))?.[1];
  if (!link) throw new Error("no verification link in the mail");
  return confirmApplication(link, { password: input.password });
}

beforeAll(() => {
  process.env.PARTNERLOOP_DATA_DIR = mkdtempSync(join(tmpdir(), "pl-mail-"));
  delete process.env.SMTP_URL;
});

describe("partner invites", () => {
  it("shows the invited partner's active coupon codes with their discount (not a deactivated one)", async () => {
    const { owner, program } = await makeProgram({ name: "Codes Co" });
    const sent = await invitePartner(program.id, { name: "Pod Caster", email: uniqueEmail("pod") }, actorOf(owner.id));
    const code = (c: string, status: "ACTIVE" | "INACTIVE" = "ACTIVE") => createCouponRow(program.id, sent.partnerId, c, status);
    await code("POD20");
    await code("OLD10", "INACTIVE");
    expect((await getInvite(tokenOf(sent.url)))!.coupons).toEqual([{ code: "POD20", description: "20% off" }]);
  });

  it("adds an active partner with a link, mails a sign-up link, and connects the new account once", async () => {
    const { owner, program } = await makeProgram({ name: "Invite Co" });
    const email = uniqueEmail("maya");
    const sent = await invitePartner(program.id, { name: "Maya Chen", email }, actorOf(owner.id));
    expect(sent.url).toMatch(/\/invite\/inv_[A-Za-z0-9]{32}$/);
    const mail = readFileSync(sent.mailPath!, "utf8");
    expect(mail).toContain(`To: ${email}`);
    expect(mail).toContain(sent.url);

    const partner = await db.partner.findUniqueOrThrow({ where: { id: sent.partnerId }, include: { links: true } });
    expect(partner).toMatchObject({ status: "ACTIVE", userId: null, email });
    expect(partner.links).toHaveLength(1);
    const stored = await db.invite.findUniqueOrThrow({ where: { id: sent.inviteId } });
    expect(stored.tokenHash).not.toContain(tokenOf(sent.url)); // only the digest is stored

    expect(await getInvite(tokenOf(sent.url))).toMatchObject({
      kind: "PARTNER",
      state: "open",
      accountExists: false,
      program: { name: "Invite Co" },
    });
    const accepted = await acceptInvite(tokenOf(sent.url), { type: "new", input: { name: "Maya", password: PASSWORD } });
    expect(accepted).toMatchObject({ kind: "PARTNER", programId: program.id, email });
    const user = await db.user.findUniqueOrThrow({ where: { id: accepted.userId } });
    expect(user.kind).toBe("PARTNER");
    expect((await db.partner.findUniqueOrThrow({ where: { id: sent.partnerId } })).userId).toBe(user.id);

    await expect(acceptInvite(tokenOf(sent.url), { type: "new", input: { name: "Again", password: PASSWORD } })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await getInvite(tokenOf(sent.url)))!.state).toBe("accepted");
    // inviting the connected partner again is refused
    await expect(invitePartner(program.id, { name: "Maya", email }, actorOf(owner.id))).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses unknown and expired tokens, and an owner account for a partner invite", async () => {
    const { owner, program } = await makeProgram();
    await expect(
      acceptInvite("inv_unknownunknownunknown", { type: "new", input: { name: "X", password: PASSWORD } }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await getInvite("not-a-token")).toBeNull();

    const sent = await invitePartner(program.id, { name: "Late", email: uniqueEmail("late") }, actorOf(owner.id));
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect((await getInvite(tokenOf(sent.url), later))!.state).toBe("expired");
    await expect(acceptInvite(tokenOf(sent.url), { type: "new", input: { name: "L", password: PASSWORD } }, later)).rejects.toMatchObject({
      code: "conflict",
    });

    const otherOwner = await makeUser("OWNER");
    await expect(acceptInvite(tokenOf(sent.url), { type: "existing", userId: otherOwner.id })).rejects.toMatchObject({ code: "forbidden" });
    // the refusal left the invite usable
    expect((await getInvite(tokenOf(sent.url)))!.state).toBe("open");
  });

  it("lets two parallel acceptances of one invite create one account", async () => {
    const { owner, program } = await makeProgram();
    const sent = await invitePartner(program.id, { name: "Race", email: uniqueEmail("race") }, actorOf(owner.id));
    const results = await Promise.allSettled(
      [1, 2].map(() => acceptInvite(tokenOf(sent.url), { type: "new", input: { name: "Race", password: PASSWORD } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("member invites and team", () => {
  it("makes the invited person a member with the role; the last owner cannot leave or be demoted", async () => {
    const { owner, program } = await makeProgram();
    const email = uniqueEmail("viewer");
    const sent = await inviteMember(program.id, { email, role: "VIEWER" }, actorOf(owner.id));
    const accepted = await acceptInvite(tokenOf(sent.url), { type: "new", input: { name: "Vic Viewer", password: PASSWORD } });
    expect(accepted.kind).toBe("MEMBER");
    const team = await listTeam(program.id);
    expect(team.members.map((m) => [m.user.email, m.role])).toEqual([
      [owner.email, "OWNER"],
      [email, "VIEWER"],
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).kind).toBe("OWNER");
    await expect(inviteMember(program.id, { email, role: "ADMIN" }, actorOf(owner.id))).rejects.toMatchObject({ code: "conflict" });

    const ownerMember = team.members[0]!;
    await expect(changeMemberRole(program.id, ownerMember.id, "ADMIN", actorOf(owner.id))).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember(program.id, ownerMember.id, actorOf(owner.id))).rejects.toMatchObject({ code: "conflict" });
    const viewer = team.members[1]!;
    await changeMemberRole(program.id, viewer.id, "OWNER", actorOf(owner.id));
    await changeMemberRole(program.id, ownerMember.id, "ADMIN", actorOf(owner.id)); // another owner exists now
    await removeMember(program.id, ownerMember.id, actorOf(owner.id));
    expect((await listTeam(program.id)).members.map((m) => m.role)).toEqual(["OWNER"]);
  });

  it("an existing owner account joins with one click", async () => {
    const { owner, program } = await makeProgram();
    const colleague = await makeUser("OWNER");
    const sent = await inviteMember(program.id, { email: colleague.email, role: "ADMIN" }, actorOf(owner.id));
    expect((await getInvite(tokenOf(sent.url)))!.accountExists).toBe(true);
    await acceptInvite(tokenOf(sent.url), { type: "existing", userId: colleague.id });
    expect(
      await db.programMember.findUnique({ where: { programId_userId: { programId: program.id, userId: colleague.id } } }),
    ).toMatchObject({ role: "ADMIN" });
  });
});

describe("applications and approval", () => {
  it("review mode: a pending partner without links until approved; suspension keeps the link", async () => {
    const { owner, program } = await makeProgram({ name: "Review Co" });
    const email = uniqueEmail("applicant");
    const applied = await applyAsNew(program.id, { name: "Ann Applicant", email, password: PASSWORD });
    expect(applied.status).toBe("PENDING");
    expect(await db.referralLink.count({ where: { partnerId: applied.partnerId } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: applied.userId } })).kind).toBe("PARTNER");
    await expect(applyToProgram(program.id, { type: "existing", userId: applied.userId })).rejects.toMatchObject({ code: "conflict" });

    await setPartnerStatus(program.id, applied.partnerId, "ACTIVE", actorOf(owner.id));
    expect(await db.referralLink.count({ where: { partnerId: applied.partnerId } })).toBe(1);
    await setPartnerStatus(program.id, applied.partnerId, "SUSPENDED", actorOf(owner.id));
    await setPartnerStatus(program.id, applied.partnerId, "ACTIVE", actorOf(owner.id));
    expect(await db.referralLink.count({ where: { partnerId: applied.partnerId } })).toBe(1);
    const trail = await db.auditLog.findMany({ where: { entityId: applied.partnerId }, orderBy: { id: "asc" }, select: { action: true } });
    expect(trail.map((t) => t.action)).toEqual(["partner.applied", "partner.approved", "partner.suspended", "partner.approved"]);

    const other = await makeProgram();
    await expect(setPartnerStatus(other.program.id, applied.partnerId, "SUSPENDED", actorOf(other.owner.id))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("auto-approve: active with a link at once; an existing partner account can apply to a second program", async () => {
    const { program } = await makeProgram();
    await db.program.update({ where: { id: program.id }, data: { autoApprovePartners: true } });
    const email = uniqueEmail("auto");
    const applied = await applyAsNew(program.id, { name: "Auto", email, password: PASSWORD });
    expect(applied.status).toBe("ACTIVE");
    expect(await db.referralLink.count({ where: { partnerId: applied.partnerId } })).toBe(1);

    const second = await makeProgram();
    const again = await applyToProgram(second.program.id, { type: "existing", userId: applied.userId });
    expect(again.status).toBe("PENDING");
    // a taken e-mail gets a "sign in first" mail, not a link: nothing is created, the answer is the same
    const dup = await startApplication(second.program.id, { name: "Dup", email });
    expect(readFileSync(dup.mail.path!, "utf8")).toContain("sign in as a partner first");
    expect(readFileSync(dup.mail.path!, "utf8")).not.toContain("/verify-email/");
    expect(await db.partner.count({ where: { programId: second.program.id } })).toBe(1);
  });
});
