// AFFY `POST /api/v1/tracking/click` onto the tracking core. The program is `clientId`
// (Program.clientId), the link is `affiliateReference`, and the caller's own `clickId` is kept as
// the click's external id: unique per program, so a repeat answers the click already recorded.
import { db } from "@/lib/db";
import { affyTrust } from "@/lib/dialects/affy/caller";
import type { AffyClickBody, AffyClickResponse } from "@/lib/dialects/affy/schemas";
import { dialectProgram } from "@/lib/dialects/shared";
import { writeOrReadBack } from "@/lib/kernel/unique-violation";
import { recordClick, type ClickCaller } from "@/lib/tracking/record-click";

export async function affyClick(body: AffyClickBody, caller: ClickCaller): Promise<AffyClickResponse> {
  const program = await dialectProgram(body.clientId, "clientId");
  affyTrust(program, caller);
  return writeOrReadBack<AffyClickResponse, AffyClickResponse>(
    async () => {
      const result = await recordClick(
        {
          affiliateUrl: body.clickedUrl ?? "",
          referralCode: body.affiliateReference,
          programId: program.id,
          pageUrl: body.clickedUrl,
          referrerUrl: body.referrerUrl,
          sessionId: body.sessionId,
          externalClickId: body.clickId,
          userAgent: body.userAgent,
          source: "AFFY",
        },
        caller,
      );
      if (result.status === "inactive")
        return { success: false, clickId: null, sessionId: body.sessionId ?? null, message: result.message };
      return { success: true, clickId: Number(result.id), sessionId: body.sessionId ?? null, message: "Click tracked successfully" };
    },
    // The unique (programId, externalClickId) decided: this clickId is already recorded.
    async () => {
      if (!body.clickId) return null;
      const existing = await db.click.findUnique({
        where: { programId_externalClickId: { programId: program.id, externalClickId: body.clickId } },
        select: { id: true, sessionId: true },
      });
      return (
        existing && {
          success: true,
          clickId: Number(existing.id),
          sessionId: existing.sessionId ?? body.sessionId ?? null,
          message: "Click already tracked",
        }
      );
    },
  );
}
