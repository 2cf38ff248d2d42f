// A signup reported from the browser (tracker `signup(customerKey, email)`): the lead API
// without the secret key. Only a visitor holding a live click of the program can report one,
// and the lead goes to that click's partner. Without the program key it is an untrusted call
// (docs/attribution.md): recordLead keeps it to the click's own customer.
import { browserClick, type BrowserCaller, type BrowserClickInput } from "@/lib/tracking/browser-click";
import { recordLead, type LeadResult } from "@/lib/tracking/record-lead";

export interface SignupInput extends BrowserClickInput {
  customerKey?: string;
  email?: string;
}

export async function recordSignup(input: SignupInput, caller: BrowserCaller): Promise<LeadResult> {
  const { programId } = await browserClick(input, caller);
  const trusted = caller.keyProgramId === programId;
  return recordLead({
    programId,
    clickToken: input.clickToken,
    customerKey: input.customerKey,
    email: input.email,
    source: "TRACKER",
    trusted,
    via: "POST /api/v1/track/signup",
  });
}
