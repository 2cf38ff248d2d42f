"use server";

import { revalidatePath } from "next/cache";
import { programAction } from "@/lib/dashboard/action";
import type { PartnerStatus } from "@/lib/generated/prisma/enums";
import { invitePartner } from "@/lib/invites/invite-partner";
import type { PartnerInviteInput } from "@/lib/invites/schemas";
import { partnerInviteSchema } from "@/lib/invites/schemas";
import { linkCreateBody, linkUpdateBody } from "@/lib/links/api-schemas";
import { createLink } from "@/lib/links/create-link";
import { checkLinkCode, listLinkRows } from "@/lib/links/link-rows";
import { updateLink } from "@/lib/links/update-link";
import { codeSchema } from "@/lib/partners/api-schemas";
import { listPartnerRows } from "@/lib/partners/partner-rows";
import { setPartnerStatus } from "@/lib/partners/set-partner-status";
import { z } from "zod";

const statusSchema = z.enum(["PENDING", "ACTIVE", "SUSPENDED"]);

export async function listPartnersAction(programId: string, query: { status?: string; q?: string; cursor?: string | null }) {
  return programAction(programId, "VIEWER", () =>
    listPartnerRows(programId, { status: statusSchema.optional().parse(query.status || undefined), search: query.q?.slice(0, 100), cursor: query.cursor }),
  );
}

export async function invitePartnerAction(programId: string, input: PartnerInviteInput) {
  return programAction(programId, "ADMIN", async ({ actor }) => {
    const result = await invitePartner(programId, partnerInviteSchema.parse(input), actor);
    revalidatePath(`/dashboard/${programId}/partners`);
    return { partnerId: result.partnerId, url: result.url };
  });
}

export async function setPartnerStatusAction(programId: string, partnerId: string, status: PartnerStatus) {
  return programAction(programId, "ADMIN", async ({ actor }) => {
    const partner = await setPartnerStatus(programId, partnerId, statusSchema.parse(status), actor);
    revalidatePath(`/dashboard/${programId}/partners/${partnerId}`);
    return { id: partner.id, status: partner.status };
  });
}

export async function listLinksAction(programId: string, query: { partnerId?: string }) {
  return programAction(programId, "VIEWER", () => listLinkRows(programId, query));
}

/** Body in the management API's wire shape (partner_id, code, destination_url): one schema for both. */
export async function createLinkAction(programId: string, body: unknown) {
  return programAction(programId, "ADMIN", async () => {
    const link = await createLink(programId, linkCreateBody.parse(body));
    return { id: link.id, code: link.code };
  });
}

export async function setLinkStatusAction(programId: string, linkId: string, status: "active" | "inactive") {
  return programAction(programId, "ADMIN", async () => {
    const link = await updateLink(programId, linkId, linkUpdateBody.parse({ status }));
    return { id: link.id, status: link.status };
  });
}

export async function checkLinkCodeAction(programId: string, code: string) {
  return programAction(programId, "VIEWER", async () => {
    const parsed = codeSchema.safeParse(code);
    if (!parsed.success) return { available: false, message: `Code ${parsed.error.issues[0]!.message}` };
    const { available } = await checkLinkCode(programId, parsed.data);
    return { available, message: available ? "Available" : "Taken: choose another code" };
  });
}
