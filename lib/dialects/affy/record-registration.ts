// AFFY `POST /api/v1/tracking/registration`: a signup linked to the click the visitor's cookie
// names, through recordLead (one lead per customer; a repeat answers the same lead).
import { affyTrust } from "@/lib/dialects/affy/caller";
import { clickOfReference } from "@/lib/dialects/affy/click-reference";
import type { AffyRegistrationBody, AffyRegistrationResponse } from "@/lib/dialects/affy/schemas";
import { dialectProgram } from "@/lib/dialects/shared";
import { recordLead } from "@/lib/tracking/record-lead";
import type { ClickCaller } from "@/lib/tracking/record-click";

export async function affyRegistration(body: AffyRegistrationBody, caller: ClickCaller): Promise<AffyRegistrationResponse> {
  const programId = body.clientId !== undefined ? (await dialectProgram(body.clientId, "clientId")).id : undefined;
  const click = await clickOfReference(body.clickId, programId);
  const { keyed } = affyTrust(click.program, caller);
  const lead = await recordLead({
    programId: click.program.id,
    clickToken: click.token,
    customerKey: body.customerId,
    email: body.email,
    name: body.customerName,
    source: "AFFY",
    trusted: keyed,
    via: "POST /api/v1/tracking/registration (AFFY)",
  });
  const message = !lead.created
    ? "Registration already linked to this referral"
    : lead.partnerId
      ? "Registration linked to affiliate referral"
      : "Registration recorded; the click is older than the cookie window, so no affiliate was credited";
  return { success: true, leadId: lead.leadId, clickId: body.clickId, message };
}
