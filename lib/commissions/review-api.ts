// Wire schemas of bulk review (management API): the same schema the dashboard's action uses.
import { z } from "zod";
import { reviewSchema } from "@/lib/commissions/review-commissions";

export const reviewBody = reviewSchema.meta({ id: "CommissionReview" });
export const reviewResponse = z
  .object({
    updated: z.array(z.number().int()).describe("Commissions that changed status"),
    skipped: z.array(z.object({ id: z.number().int(), why: z.string() })).describe("Commissions left as they were, with the reason"),
  })
  .meta({ id: "CommissionReviewResult" });
