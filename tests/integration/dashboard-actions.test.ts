// The server actions' wrapper (lib/dashboard/action.ts): who may run an action, its input parsed
// with the given schema, failures a person can act on as { ok: false }, the rest thrown, redirects
// passed through. The session is stubbed (next-auth does not load under vitest: lib/auth/guards is
// replaced by one reading `session.user`); memberships and roles are real rows. Sign-in itself
// runs end to end in e2e/ui/auth.spec.ts.
import "../helpers/env";
import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/guards";
import { action } from "@/lib/dashboard/action";
import { ActionError, fieldErrors, formError } from "@/lib/dashboard/result";
import { ApiError } from "@/lib/kernel/errors";
import { makeProgram, makeUser } from "../helpers/factories";
import { makeMember } from "../helpers/management";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/guards", async () => {
  const { redirect: to } = await import("next/navigation");
  return {
    currentUser: async () => session.user,
    requireOwnerUser: async (next = "/dashboard") => {
      if (!session.user) return to(`/login?next=${encodeURIComponent(next)}`);
      return session.user.kind === "OWNER" ? session.user : to("/portal");
    },
    requirePartnerUser: async () => {
      if (!session.user) return to("/partner/login");
      return session.user.kind === "PARTNER" ? session.user : to("/dashboard");
    },
  };
});
const signedIn = (user: { id: string; email: string; name: string | null; kind: "OWNER" | "PARTNER" } | null) => {
  session.user = user && { id: user.id, email: user.email, name: user.name, kind: user.kind };
};
const redirectedTo = (path: RegExp) => expect.objectContaining({ digest: expect.stringMatching(path) });
beforeEach(() => signedIn(null));

const schema = z.object({ name: z.string().trim().min(1, "is required"), count: z.coerce.number().int() });

describe("action wrapper", () => {
  it("passes the parsed input (the schema's output) and answers { ok: true, data }", async () => {
    const result = await action(
      { access: "anyone", schema, input: { name: "  Ann ", count: "3" } },
      async (input) => `${input.name}×${input.count}`,
    );
    expect(result).toEqual({ ok: true, data: "Ann×3" });
  });

  it("invalid input: one message per field by default, or the action's own wording", async () => {
    const run = async () => "never";
    const result = await action({ access: "anyone", schema, input: { name: "", count: 1.5 } }, run);
    expect(result).toEqual({
      ok: false,
      error: "Some fields need attention.",
      fieldErrors: { name: "is required", count: expect.any(String) },
    });
    expect(formError(result)).toBeNull(); // the fields say it
    expect(fieldErrors(result).name).toBe("is required");
    const worded = await action(
      {
        access: "anyone",
        schema,
        input: { name: "" },
        invalid: (issues) => ({ error: issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; ") }),
      },
      run,
    );
    expect(worded).toMatchObject({ ok: false, error: expect.stringContaining("name: is required") });
    expect(formError(worded)).toBe(worded.ok ? null : worded.error);
  });

  it("refuses text no column may hold, naming the field", async () => {
    const result = await action({ access: "anyone", schema, input: { name: "a\u0000b", count: 1 } }, async () => "never");
    expect(result).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("control characters") } });
  });

  it("maps ApiError, ActionError and unique violations; throws anything else", async () => {
    expect(
      await action({ access: "anyone" }, async () => {
        throw new ApiError("not_found", "Partner not found");
      }),
    ).toEqual({ ok: false, error: "Partner not found" });
    expect(
      await action({ access: "anyone" }, async () => {
        throw new ApiError("forbidden", "needs admin");
      }),
    ).toMatchObject({ ok: false, error: expect.stringContaining("Your role") });
    expect(
      await action({ access: "anyone" }, async () => {
        throw new ActionError("Taken", { email: "Taken" });
      }),
    ).toEqual({ ok: false, error: "Taken", fieldErrors: { email: "Taken" } });
    const unique = Object.assign(new Error("unique"), { code: "P2002", meta: { target: ["programId", "code"] } });
    expect(
      await action({ access: "anyone" }, async () => {
        throw unique;
      }),
    ).toEqual({ ok: false, error: "A record with this code already exists" });
    await expect(
      action({ access: "anyone" }, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
  });

  it("lets redirect() through", async () => {
    await expect(action({ access: "anyone" }, async () => redirect("/somewhere"))).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });
});

describe("action access", () => {
  const whoAmI = async (_: unknown, context: { user?: { id: string }; role?: string; actor?: unknown }) => ({
    user: context.user?.id,
    role: context.role,
    actor: context.actor,
  });

  it("a program action runs for a member with the role, with the user as actor", async () => {
    const { owner, program } = await makeProgram();
    signedIn(owner);
    expect(await action({ access: { programId: program.id, role: "ADMIN" } }, whoAmI)).toEqual({
      ok: true,
      data: { user: owner.id, role: "OWNER", actor: { type: "USER", id: owner.id, userId: owner.id } },
    });
  });

  it("a viewer is told their role cannot; a stranger's program is not found; signed out goes to sign-in", async () => {
    const { program } = await makeProgram();
    const viewer = await makeMember(program.id, "VIEWER");
    signedIn(viewer.user);
    expect(await action({ access: { programId: program.id, role: "VIEWER" } }, whoAmI)).toMatchObject({
      ok: true,
      data: { role: "VIEWER" },
    });
    expect(await action({ access: { programId: program.id, role: "ADMIN" } }, whoAmI)).toEqual({
      ok: false,
      error: "Your role in this program cannot do this. Ask an owner or admin.",
    });
    signedIn(await makeUser());
    expect(await action({ access: { programId: program.id, role: "VIEWER" } }, whoAmI)).toEqual({ ok: false, error: "Program not found" });
    signedIn(null);
    await expect(action({ access: { programId: program.id, role: "VIEWER" } }, whoAmI)).rejects.toEqual(
      redirectedTo(/\/login\?next=%2Fdashboard%2F/),
    );
  });

  it('partner and user actions: a partner account, any account, or "Sign in first."', async () => {
    const partner = await makeUser("PARTNER");
    const owner = await makeUser("OWNER");
    signedIn(partner);
    expect(await action({ access: "partner" }, whoAmI)).toMatchObject({ ok: true, data: { user: partner.id } });
    await expect(action({ access: "owner" }, whoAmI)).rejects.toEqual(redirectedTo(/\/portal/));
    signedIn(owner);
    await expect(action({ access: "partner" }, whoAmI)).rejects.toEqual(redirectedTo(/\/dashboard/));
    expect(await action({ access: "user" }, whoAmI)).toMatchObject({ ok: true, data: { user: owner.id } });
    signedIn(null);
    expect(await action({ access: "user" }, whoAmI)).toEqual({ ok: false, error: "Sign in first." });
  });
});
