import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CommissionFilters } from "@/components/commissions/filters";
import { shortDate } from "@/components/commissions/format";
import { CommissionTable, type CommissionRow } from "@/components/commissions/commission-table";
import { QueryProvider } from "@/components/providers/query-provider";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { COMMISSION_STATUSES, searchCommissions, type CommissionSearch } from "@/lib/commissions/search-commissions";
import { db } from "@/lib/db";
import type { CommissionStatus } from "@/lib/generated/prisma/enums";
import { decodeCursor } from "@/lib/kernel/pagination";
import { formatMoney } from "@/lib/money/currency";
import { calendarDate } from "@/lib/kernel/bounds";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Commissions" };

const DAY_MS = 86_400_000;
const filtersSchema = z.object({
  status: z.enum(["pending", "approved", "paid", "rejected", "reversed"]).optional().catch(undefined),
  partner: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined),
  flag: z.string().regex(/^(any|[A-Z_]{1,40})$/).optional().catch(undefined),
  from: calendarDate.optional().catch(undefined),
  to: calendarDate.optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});

function toRow(c: CommissionSearch["items"][number]): CommissionRow {
  const basis = c.kind === "SALE" && c.sale ? `Sale of ${formatMoney(c.sale.amount, c.sale.currency)}${c.sale.productId ? ` · ${c.sale.productId}` : ""}` : c.kind === "LEAD" ? "First lead" : "Refund after payout";
  const flags = c.flags ?? [];
  const note = c.payoutId ? `in payout #${c.payoutId}` : c.status === "PENDING" ? (flags.length ? "held for review" : c.holdUntil ? `auto-approves ${shortDate(c.holdUntil)}` : "awaiting review") : null;
  return {
    id: c.id, createdAt: shortDate(c.createdAt), partnerName: c.partner.name, partnerCode: c.partner.code, kind: c.kind.toLowerCase(), basis,
    amount: formatMoney(c.amount, c.currency), negative: c.amount < 0, status: c.status, flags, note,
    reviewable: c.kind !== "ADJUSTMENT" && (c.status === "PENDING" || (c.status === "APPROVED" && c.payoutId === null)),
  };
}

export default async function CommissionsPage({ params, searchParams }: { params: Promise<{ programId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/commissions`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const f = filtersSchema.parse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const cursor = f.cursor ? (decodeCursor(f.cursor) ?? undefined) : undefined;
  const [program, partners, result] = await Promise.all([
    db.program.findUniqueOrThrow({ where: { id: programId }, select: { currency: true, holdDays: true } }),
    db.partner.findMany({ where: { programId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    searchCommissions(programId, {
      status: f.status?.toUpperCase() as CommissionStatus | undefined, partnerId: f.partner, flag: f.flag,
      from: f.from ? new Date(`${f.from}T00:00:00Z`) : undefined, to: f.to ? new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY_MS) : undefined,
    }, { limit: 50, cursor }),
  ]);
  const base = `/dashboard/${programId}/commissions`;
  const query = (over: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries({ status: f.status, partner: f.partner, flag: f.flag, from: f.from, to: f.to, ...over }).filter(([, v]) => v) as Array<[string, string]>);
    return q.size ? `${base}?${q}` : base;
  };
  const all = COMMISSION_STATUSES.reduce((n, s) => n + result.totals[s].count, 0);
  const amountIn = (amounts: Record<string, number>) => formatMoney(amounts[program.currency] ?? 0, program.currency);
  const filtered = Boolean(f.partner || f.flag || f.from || f.to);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Commissions"
        description={`Pending commissions are approved automatically ${program.holdDays} days after they are earned, unless flagged for review. Approve or reject them here any time before they are paid.`}
        action={<Link href={`${base}/rules`} className={buttonClass("secondary")}>Commission rules</Link>}
      />
      <nav className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Status">
        {[{ key: undefined, label: "All", count: all, amount: null }, ...COMMISSION_STATUSES.map((s) => ({ key: s.toLowerCase(), label: s.charAt(0) + s.slice(1).toLowerCase(), count: result.totals[s].count, amount: amountIn(result.totals[s].amounts) }))].map((tab) => {
          const active = f.status === tab.key;
          return (
            <Link key={tab.label} href={query({ status: tab.key, cursor: undefined })} aria-current={active ? "page" : undefined}
              className={`rounded-xl px-4 py-3 ring-1 transition-colors ${active ? "bg-white shadow-sm ring-brand-500" : "bg-white/60 ring-slate-200 hover:bg-white"}`}>
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{tab.label}</p>
              <p className="mt-1 text-lg font-semibold text-slate-900 tabular-nums">{tab.amount ?? tab.count.toLocaleString("en-US")}</p>
              <p className="text-xs text-slate-500">{tab.amount !== null ? `${tab.count.toLocaleString("en-US")} commission${tab.count === 1 ? "" : "s"}` : "commissions"}</p>
            </Link>
          );
        })}
      </nav>
      <Card>
        <CommissionFilters action={base} partners={partners} values={f} />
        <div className="border-t border-slate-100">
          {result.items.length === 0 ? (
            <EmptyState title={filtered || f.status ? "No commissions match these filters" : "No commissions yet"}>
              {filtered || f.status
                ? "Try another status or clear the filters."
                : "Commissions appear here when a partner's referral makes a sale (or a first lead, if your rule pays for leads). Share partner links and check Install & verify."}
            </EmptyState>
          ) : (
            <QueryProvider>
              <CommissionTable programId={programId} rows={result.items.map(toRow)} canReview={roleAtLeast(role, "ADMIN")} />
            </QueryProvider>
          )}
        </div>
        {result.nextCursor ? (
          <div className="flex justify-end border-t border-slate-100 px-5 py-3">
            <Link href={query({ cursor: result.nextCursor })} className={buttonClass("ghost")}>Older commissions →</Link>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
