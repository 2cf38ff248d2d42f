import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommissionResults } from "@/components/commissions/commission-results";
import { CommissionFilters } from "@/components/commissions/filters";
import { StatusTabs } from "@/components/commissions/status-tabs";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { parseReviewParams, reviewHref } from "@/lib/commissions/review-query";
import { searchCommissions } from "@/lib/commissions/search-commissions";
import { listPartnerOptions } from "@/lib/partners/partner-options";
import { requireProgramRole } from "@/lib/programs/access";
import { getProgram } from "@/lib/programs/get-program";

export const metadata: Metadata = { title: "Commissions" };

export default async function CommissionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ programId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/commissions`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const { values, filters, cursor, filtered } = parseReviewParams(await searchParams);
  const [program, partners, result] = await Promise.all([
    getProgram(programId),
    listPartnerOptions(programId),
    searchCommissions(programId, filters, { limit: 50, cursor }),
  ]);
  const base = `/dashboard/${programId}/commissions`;
  const narrowed = filtered || Boolean(values.status);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Commissions"
        description={
          `Pending commissions are approved automatically ${program.holdDays} days after they are earned, unless ` +
          `flagged for review. Approve or reject them here any time before they are paid.`
        }
        action={
          <Link href={`${base}/rules`} className={buttonClass("secondary")}>
            Commission rules
          </Link>
        }
      />
      <StatusTabs
        totals={result.totals}
        currency={program.currency}
        active={values.status}
        href={(status) => reviewHref(base, values, { status, cursor: undefined })}
      />
      <Card>
        <CommissionFilters action={base} partners={partners} values={values} />
        <div className="border-t border-slate-100">
          <CommissionResults programId={programId} items={result.items} narrowed={narrowed} canReview={roleAtLeast(role, "ADMIN")} />
        </div>
        {result.nextCursor ? (
          <div className="flex justify-end border-t border-slate-100 px-5 py-3">
            <Link href={reviewHref(base, values, { cursor: result.nextCursor })} className={buttonClass("ghost")}>
              Older commissions →
            </Link>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
