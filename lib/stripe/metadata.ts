// Attribution hints in Stripe metadata, in order: our own fields, Affitor's, AgentRef's, then
// `client_reference_id` carrying a click token.
import type { Metadata } from "@/lib/stripe/objects";

export interface StripeAttributionHints {
  clickToken?: string;
  customerKey?: string;
  /** Program named in the metadata (Affitor `program_id`, AgentRef `agentref_pid`), if any. */
  programHint?: string;
  dialect?: "partnerloop" | "affitor" | "agentref" | "client_reference_id";
}

const CLICK_TOKEN = /^clk_[0-9A-Za-z]{10,40}$/;

export function attributionFromMetadata(metadata: Metadata, clientReferenceId?: string | null): StripeAttributionHints {
  const m = metadata ?? {};
  if (m.partnerloop_click_id || m.partnerloop_customer_key) {
    return {
      clickToken: m.partnerloop_click_id || undefined,
      customerKey: m.partnerloop_customer_key || undefined,
      programHint: m.partnerloop_program_id,
      dialect: "partnerloop",
    };
  }
  if (m.affitor_click_id || m.affitor_customer_key) {
    return {
      clickToken: m.affitor_click_id || undefined,
      customerKey: m.affitor_customer_key || undefined,
      programHint: m.program_id,
      dialect: "affitor",
    };
  }
  if (m.agentref_cid) return { clickToken: m.agentref_cid, programHint: m.agentref_pid, dialect: "agentref" };
  if (clientReferenceId && CLICK_TOKEN.test(clientReferenceId)) return { clickToken: clientReferenceId, dialect: "client_reference_id" };
  return {};
}

export const hasHints = (h: StripeAttributionHints) => Boolean(h.clickToken || h.customerKey);
