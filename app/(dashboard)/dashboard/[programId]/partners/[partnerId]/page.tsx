import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportChart } from "@/components/charts/report-chart";
import { CreateLinkForm } from "@/components/links/create-link-form";
import { LinkList } from "@/components/links/link-list";
import { PartnerStatusButtons } from "@/components/partners/partner-status-actions";
import { PartnerStatusBadge } from "@/components/partners/status-badge";
import { FigureCards } from "@/components/reports/figure-cards";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/dashboard/format";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/money/currency";
import { lastDays } from "@/lib/partners/partner-rows";
import { requireProgramRole } from "@/lib/programs/access";
import { getReport } from "@/lib/reports/report";

export const metadata: Metadata = { title: "Partner" };

const COMMISSION_TONE = { PENDING: "amber", APPROVED: "sky", PAID: "green", REJECTED: "red", REVERSED: "red" } as const;

export default async function PartnerPage({ params }: { params: Promise<{ programId: string; partnerId: string }> }) {
  const { programId, partnerId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/partners/${partnerId}`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const partner = await db.partner.findFirst({
    where: { id: partnerId, programId },
    include: { program: { select: { currency: true, websiteUrl: true } }, user: { select: { email: true } } },
  });
  if (!partner) notFound();
  const [report, commissions, invite] = await Promise.all([
    getReport(programId, { ...lastDays(30), partnerId }),
    db.commission.findMany({
      where: { programId, partnerId, test: false },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 10,
      select: { id: true, kind: true, status: true, amount: true, currency: true, createdAt: true, sale: { select: { transactionId: true } } },
    }),
    db.invite.findFirst({ where: { programId, partnerId, acceptedAt: null }, orderBy: { createdAt: "desc" }, select: { expiresAt: true } }),
  ]);
  const canEdit = roleAtLeast(role, "ADMIN");
  const currency = partner.program.currency;

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/dashboard/${programId}/partners`} className="text-sm text-slate-500 hover:text-slate-900">
          ← Partners
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
              {partner.name} <PartnerStatusBadge status={partner.status} />
            </h1>
            <p className="mt-1 text-sm text-slate-500">
              {partner.email} · code <span className="font-mono">{partner.code}</span> · joined {formatDateTime(partner.createdAt)}
            </p>
            <p className="mt-1 text-sm">
              {partner.userId ? (
                <Badge tone="green">Portal account connected</Badge>
              ) : invite ? (
                <Badge tone="sky">Invite sent, not accepted yet</Badge>
              ) : (
                <Badge>No portal account</Badge>
              )}
            </p>
          </div>
          {canEdit ? <PartnerStatusButtons programId={programId} partnerId={partner.id} status={partner.status} /> : null}
        </div>
      </div>

      <FigureCards totals={report.totals} previous={report.previousTotals} currency={currency} />
      <Card>
        <CardHeader title="Last 30 days" description="Per day, against the 30 days before" />
        <div className="px-5 py-4">
          <ReportChart series={report.series} previous={report.previousSeries} currency={currency} />
        </div>
      </Card>

      <section className="space-y-3" aria-labelledby="links-heading">
        <h2 id="links-heading" className="text-lg font-semibold">Links</h2>
        {canEdit ? (
          <Card className="p-5">
            <CreateLinkForm programId={programId} partners={[{ id: partner.id, name: partner.name, code: partner.code }]} fixedPartnerId={partner.id} websiteUrl={partner.program.websiteUrl} />
          </Card>
        ) : null}
        <LinkList programId={programId} partnerId={partner.id} canEdit={canEdit} currency={currency} emptyHint="Create a link above; the partner sees it in their portal with a copy button." />
      </section>

      <Card>
        <CardHeader title="Recent commissions" description="The latest 10; review them on the Commissions page" />
        {commissions.length === 0 ? (
          <EmptyState title="No commissions yet">They appear here when this partner&apos;s referrals sign up or buy.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] text-sm">
              <thead>
                <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
                  <th className="px-5 py-2 font-medium">Date</th>
                  <th className="px-3 py-2 font-medium">For</th>
                  <th className="px-3 py-2 font-medium">Status</th>
                  <th className="px-5 py-2 text-right font-medium">Amount</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {commissions.map((c) => (
                  <tr key={c.id}>
                    <td className="px-5 py-2.5 text-slate-600">{formatDateTime(c.createdAt)}</td>
                    <td className="px-3 py-2.5">{c.kind === "SALE" ? <span className="font-mono text-xs">{c.sale?.transactionId ?? "sale"}</span> : c.kind.toLowerCase()}</td>
                    <td className="px-3 py-2.5">
                      <Badge tone={COMMISSION_TONE[c.status]}>{c.status.toLowerCase()}</Badge>
                    </td>
                    <td className="px-5 py-2.5 text-right tabular-nums">{formatMoney(c.amount, c.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
