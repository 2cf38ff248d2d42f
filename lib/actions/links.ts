"use server";

import { action } from "@/lib/dashboard/action";
import { linkCreateBody, linkUpdateBody } from "@/lib/links/api-schemas";
import { createLink } from "@/lib/links/create-link";
import { checkLinkCode, linkRowsQuery, listLinkRows } from "@/lib/links/link-rows";
import { updateLink } from "@/lib/links/update-link";
import { codeSchema } from "@/lib/partners/api-schemas";

export async function listLinksAction(programId: string, query: { partnerId?: string }) {
  return action({ access: { programId, role: "VIEWER" }, schema: linkRowsQuery, input: query }, (filter) =>
    listLinkRows(programId, filter),
  );
}

/** Body in the management API's wire shape (partner_id, code, destination_url): one schema for both. */
export async function createLinkAction(programId: string, body: unknown) {
  return action({ access: { programId, role: "ADMIN" }, schema: linkCreateBody, input: body }, async (link, { actor }) => {
    const created = await createLink(programId, link, actor);
    return { id: created.id, code: created.code };
  });
}

export async function setLinkStatusAction(programId: string, linkId: string, status: "active" | "inactive") {
  return action({ access: { programId, role: "ADMIN" }, schema: linkUpdateBody, input: { status } }, async (change, { actor }) => {
    const link = await updateLink(programId, linkId, change, actor);
    return { id: link.id, status: link.status };
  });
}

/** Whether a code is free; an invalid code is an answer ("Code must be …"), not a failure. */
export async function checkLinkCodeAction(programId: string, code: string) {
  return action({ access: { programId, role: "VIEWER" } }, async () => {
    const parsed = codeSchema.safeParse(code);
    if (!parsed.success) return { available: false, message: `Code ${parsed.error.issues[0]!.message}` };
    const { available } = await checkLinkCode(programId, parsed.data);
    return { available, message: available ? "Available" : "Taken: choose another code" };
  });
}
