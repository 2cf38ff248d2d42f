import { reviewBody } from "@/lib/commissions/review-api";
import { reviewCommissions } from "@/lib/commissions/review-commissions";
import { parseJsonBody } from "@/lib/http/body";
import { apiRoute, json } from "@/lib/http/handler";
import { requireProgramAccess } from "@/lib/http/management-auth";
import { programIdParams } from "@/lib/programs/api-schemas";

/** Approve or reject many commissions at once; what cannot change is reported, not an error. */
export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const { id } = programIdParams.parse(await params);
  const { actor } = await requireProgramAccess(request, id, "ADMIN");
  const input = await parseJsonBody(request, reviewBody);
  return json(await reviewCommissions(id, input, actor));
});
