import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportChart } from "@/components/charts/report-chart";
import { PartnerCoupons } from "@/components/coupons/partner-coupons";
import { CreateLinkForm } from "@/components/links/create-link-form";
import { LinkList } from "@/components/links/link-list";
import { PartnerHeader } from "@/components/partners/partner-header";
import { RecentCommissions } from "@/components/partners/recent-commissions";
import { FigureCards } from "@/components/reports/figure-cards";
import { Card, CardHeader } from "@/components/ui/card";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { searchCommissions } from "@/lib/commissions/search-commissions";
import { getPartner } from "@/lib/partners/get-partner";
import { lastDays } from "@/lib/partners/partner-rows";
import { requireProgramRole } from "@/lib/programs/access";
import { getReport } from "@/lib/reports/report";

export const metadata: Metadata = { title: "Partner" };

export default async function PartnerPage({ params }: { params: Promise<{ programId: string; partnerId: string }> }) {
  const { programId, partnerId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/partners/${partnerId}`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const partner = await getPartner(programId, partnerId).catch(() => notFound());
  const [report, commissions] = await Promise.all([
    getReport(programId, { ...lastDays(30), partnerId }),
    searchCommissions(programId, { partnerId }, { limit: 10 }),
  ]);
  const canEdit = roleAtLeast(role, "ADMIN");
  const currency = partner.program.currency;

  return (
    <div className="space-y-6">
      <PartnerHeader programId={programId} partner={partner} canEdit={canEdit} />
      <FigureCards totals={report.totals} previous={report.previousTotals} currency={currency} />
      <Card>
        <CardHeader title="Last 30 days" description="Per day, against the 30 days before" />
        <div className="px-5 py-4">
          <ReportChart series={report.series} previous={report.previousSeries} currency={currency} />
        </div>
      </Card>

      <section className="space-y-3" aria-labelledby="links-heading">
        <h2 id="links-heading" className="text-lg font-semibold">
          Links
        </h2>
        {canEdit ? (
          <Card className="p-5">
            <CreateLinkForm
              programId={programId}
              partners={[{ id: partner.id, name: partner.name, code: partner.code }]}
              fixedPartnerId={partner.id}
              websiteUrl={partner.program.websiteUrl}
            />
          </Card>
        ) : null}
        <LinkList
          programId={programId}
          partnerId={partner.id}
          canEdit={canEdit}
          currency={currency}
          emptyHint="Create a link above; the partner sees it in their portal with a copy button."
        />
      </section>

      <PartnerCoupons programId={programId} partner={partner} canEdit={canEdit} currency={currency} />
      <RecentCommissions commissions={commissions.items} />
    </div>
  );
}
