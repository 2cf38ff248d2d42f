// The click an AFFY call names: its `clickId` is either the caller's own click id sent with the
// click call (Click.externalClickId) or our click token (`clk_…`, the tracker's cookie). Numeric
// click ids are not accepted here: they are sequential, so anyone could guess one.
import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import { ID_PREFIX } from "@/lib/ids";
import { dialectProgramSelect } from "@/lib/dialects/shared";

const select = { token: true, program: { select: dialectProgramSelect } } as const;

export async function clickOfReference(reference: string, programId?: string) {
  const clicks = reference.startsWith(ID_PREFIX.click)
    ? await db.click.findMany({ where: { token: reference }, select, take: 1 })
    : await db.click.findMany({ where: { externalClickId: reference, ...(programId ? { programId } : {}) }, select, take: 2 });
  const found = clicks.filter((c) => !programId || c.program.id === programId);
  if (found.length === 0)
    throw new ApiError("not_found", "clickId not found: send the clickId of a tracked click (or the partnerloop_click_id cookie)");
  if (found.length > 1) throw new ApiError("bad_request", "clickId matches clicks of several programs; send clientId too");
  return found[0]!;
}
