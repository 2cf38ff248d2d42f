import { keyedTracking, saleInputOf } from "@/lib/edge/tracking";
import { endpoint } from "@/lib/edge/endpoint";
import { preflight } from "@/lib/edge/cors";
import { recordSale } from "@/lib/tracking/record-sale";
import { saleBodySchema, saleResponseSchema } from "@/lib/tracking/schemas";

export const OPTIONS = preflight;

export const POST = endpoint(
  {
    ...keyedTracking,
    method: "post",
    path: "/api/v1/track/sale",
    operationId: "trackSale",
    fastPath: true,
    summary: "Record a sale and its commission; transaction_id is unique per program (409 on reuse)",
    body: saleBodySchema,
    errors: [409],
    responses: { 200: { description: "Sale recorded, attributed or not", schema: saleResponseSchema } },
  },
  async ({ auth, body }) => {
    const sale = await recordSale(saleInputOf(auth.programId, body));
    return {
      status: 200,
      body: {
        success: true,
        sale_id: sale.saleId,
        commission_id: sale.commissionId,
        attributed: sale.partnerId !== null,
        partner_code: sale.partnerCode,
        attribution_note: sale.attributionNote,
        message: sale.partnerId ? "Sale tracked successfully" : "Sale tracked successfully (unattributed: no partner click or code)",
      },
    };
  },
);
