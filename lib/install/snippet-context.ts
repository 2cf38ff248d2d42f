// What the install page fills into the snippets: the program's ids, its referral parameter and an
// example referral URL (its first active link of an active partner, else its website with a placeholder).
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { SnippetContext } from "@/lib/install/snippets";
import { buildReferralUrl } from "@/lib/links/referral-url";
import { getProgram } from "@/lib/programs/get-program";

export async function getSnippetContext(programId: string): Promise<SnippetContext & { allowedDomains: string[] }> {
  const [program, link] = await Promise.all([
    getProgram(programId),
    db.referralLink.findFirst({
      where: { programId, status: "ACTIVE", partner: { status: "ACTIVE" } },
      orderBy: { createdAt: "asc" },
      select: { code: true, destinationUrl: true },
    }),
  ]);
  return {
    appUrl: env().APP_URL,
    programId,
    referralParam: program.referralParam,
    exampleUrl: link
      ? buildReferralUrl(link.destinationUrl, program.referralParam, link.code)
      : buildReferralUrl(program.websiteUrl, program.referralParam, "PARTNER_CODE"),
    allowedDomains: program.allowedDomains,
  };
}
