"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { apiKeyCreateBody, type ApiKeyCreateInput } from "@/lib/api-keys/api-schemas";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { programAction } from "@/lib/dashboard/action";
import { inviteMember } from "@/lib/invites/invite-member";
import { MEMBER_ROLES, memberInviteSchema, type MemberInviteInput } from "@/lib/invites/schemas";
import { updateProgramSchema, type UpdateProgramInput } from "@/lib/programs/schemas";
import { updateProgram } from "@/lib/programs/update-program";
import { changeMemberRole, listTeam, removeMember, revokeInvite } from "@/lib/team/team";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** General settings; the Stripe secret has its own form (settings/actions.ts). */
export async function updateSettingsAction(programId: string, input: UpdateProgramInput) {
  return programAction(programId, "ADMIN", async ({ actor }) => {
    const { stripeWebhookSecret: _ignored, ...settings } = updateProgramSchema.parse(input);
    await updateProgram(programId, settings, actor);
    revalidatePath(`/dashboard/${programId}`, "layout");
    return { saved: true };
  });
}

export async function listApiKeysAction(programId: string) {
  return programAction(programId, "VIEWER", async () => (await listApiKeys(programId, { limit: 100 })).items.map(({ secretHash: _hash, ...key }) => key));
}

export async function createApiKeyAction(programId: string, input: ApiKeyCreateInput) {
  return programAction(programId, "ADMIN", async ({ actor }) => {
    const { key, secret } = await createApiKey(programId, apiKeyCreateBody.parse(input), actor);
    return { id: key.id, name: key.name, secret };
  });
}

export async function revokeApiKeyAction(programId: string, keyId: string) {
  return programAction(programId, "ADMIN", async ({ actor }) => {
    await revokeApiKey(programId, id.parse(keyId), actor);
    return { revoked: true };
  });
}

export async function listTeamAction(programId: string) {
  return programAction(programId, "VIEWER", () => listTeam(programId));
}

export async function inviteMemberAction(programId: string, input: MemberInviteInput) {
  return programAction(programId, "OWNER", async ({ actor }) => {
    const { url } = await inviteMember(programId, memberInviteSchema.parse(input), actor);
    return { url };
  });
}

export async function changeMemberRoleAction(programId: string, memberId: string, role: string) {
  return programAction(programId, "OWNER", async ({ actor }) => {
    await changeMemberRole(programId, id.parse(memberId), z.enum(MEMBER_ROLES).parse(role), actor);
    return { role };
  });
}

export async function removeMemberAction(programId: string, memberId: string) {
  return programAction(programId, "OWNER", async ({ actor }) => {
    await removeMember(programId, id.parse(memberId), actor);
    return { removed: true };
  });
}

export async function revokeMemberInviteAction(programId: string, inviteId: string) {
  return programAction(programId, "OWNER", async () => {
    await revokeInvite(programId, id.parse(inviteId));
    return { revoked: true };
  });
}
