"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/dashboard/action";
import { invitePartner } from "@/lib/invites/invite-partner";
import { partnerInviteSchema, type PartnerInviteInput } from "@/lib/invites/schemas";
import { listPartnerRows, partnerRowsQuery } from "@/lib/partners/partner-rows";
import { partnerStatusSchema, setPartnerStatus } from "@/lib/partners/set-partner-status";

export async function listPartnersAction(programId: string, query: { status?: string; q?: string; cursor?: string | null }) {
  const input = { status: query.status || undefined, search: query.q?.slice(0, 100), cursor: query.cursor };
  return action({ access: { programId, role: "VIEWER" }, schema: partnerRowsQuery, input }, (rows) => listPartnerRows(programId, rows));
}

export async function invitePartnerAction(programId: string, input: PartnerInviteInput) {
  return action({ access: { programId, role: "ADMIN" }, schema: partnerInviteSchema, input }, async (invite, { actor }) => {
    const result = await invitePartner(programId, invite, actor);
    revalidatePath(`/dashboard/${programId}/partners`);
    return { partnerId: result.partnerId, url: result.url };
  });
}

export async function setPartnerStatusAction(programId: string, partnerId: string, status: "PENDING" | "ACTIVE" | "SUSPENDED") {
  return action({ access: { programId, role: "ADMIN" }, schema: partnerStatusSchema, input: status }, async (next, { actor }) => {
    const partner = await setPartnerStatus(programId, partnerId, next, actor);
    revalidatePath(`/dashboard/${programId}/partners/${partnerId}`);
    return { id: partner.id, status: partner.status };
  });
}
