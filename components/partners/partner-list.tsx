"use client";

import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { InvitePartnerForm } from "@/components/partners/invite-partner-form";
import { PartnerStatusButtons } from "@/components/partners/partner-status-actions";
import { PartnerStatusBadge } from "@/components/partners/status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { listPartnersAction } from "@/lib/actions/partners";
import { formatCount } from "@/lib/dashboard/format";
import { unwrap } from "@/lib/dashboard/result";
import { formatMoney } from "@/lib/money/currency";

const FILTERS = [
  { value: "", label: "All" },
  { value: "ACTIVE", label: "Active" },
  { value: "PENDING", label: "Pending" },
  { value: "SUSPENDED", label: "Suspended" },
];

export function PartnerList({ programId, canEdit, applyUrl }: { programId: string; canEdit: boolean; applyUrl: string }) {
  const [status, setStatus] = useState("");
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const [inviting, setInviting] = useState(false);
  const query = useInfiniteQuery({
    queryKey: ["partners", programId, { status, q }],
    queryFn: async ({ pageParam }) => unwrap(await listPartnersAction(programId, { status, q, cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (previous) => previous,
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const currency = query.data?.pages[0]?.currency ?? "USD";
  const filtered = status !== "" || q !== "";

  return (
    <div className="space-y-4">
      {canEdit ? (
        inviting ? (
          <Card className="p-5">
            <h2 className="mb-3 text-sm font-semibold">Invite a partner</h2>
            <InvitePartnerForm programId={programId} onDone={() => setInviting(false)} />
          </Card>
        ) : (
          <div className="flex flex-wrap items-center justify-between gap-3">
            <Button type="button" onClick={() => setInviting(true)}>
              Invite partner
            </Button>
            <p className="text-sm text-slate-500">
              Or share your open application page:{" "}
              <Link href={applyUrl} className="font-mono break-all text-brand-700 hover:underline">
                {applyUrl}
              </Link>
            </p>
          </div>
        )
      ) : null}

      <Card className="overflow-hidden">
        <div className="flex flex-col gap-3 border-b border-slate-100 px-5 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div role="group" aria-label="Status" className="flex flex-wrap gap-1">
            {FILTERS.map((f) => (
              <button
                key={f.value}
                type="button"
                aria-pressed={status === f.value}
                onClick={() => setStatus(f.value)}
                className={`rounded-md px-2.5 py-1 text-sm ${
                  status === f.value ? "bg-slate-900 font-medium text-white" : "text-slate-600 hover:bg-slate-100"
                }`}
              >
                {f.label}
              </button>
            ))}
          </div>
          <label className="block sm:w-64">
            <span className="sr-only">Search partners</span>
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Search name, e-mail or code"
              className={
                "block w-full rounded-lg border-0 px-3 py-1.5 text-sm shadow-sm ring-1 ring-slate-300 ring-inset " +
                "placeholder:text-slate-400 focus:ring-2 focus:ring-brand-500"
              }
            />
          </label>
        </div>

        {query.isPending ? <SkeletonRows /> : null}
        {query.isError ? (
          <div className="p-5">
            <Alert>{query.error.message}</Alert>
          </div>
        ) : null}
        {query.isSuccess && rows.length === 0 ? (
          filtered ? (
            <EmptyState title="No partners match">Try another status or search term.</EmptyState>
          ) : (
            <EmptyState
              title="No partners yet"
              action={canEdit ? <Button onClick={() => setInviting(true)}>Invite your first partner</Button> : undefined}
            >
              Invite partners by e-mail, or share your application page so they can apply. Each partner gets a referral link to share.
            </EmptyState>
          )
        ) : null}
        {rows.length ? (
          <>
            <DataTable
              testId="partner-table"
              className="min-w-[44rem]"
              rows={rows}
              rowKey={(p) => p.id}
              rowClassName={() => "hover:bg-slate-50/60"}
              columns={[
                {
                  header: "Partner",
                  cell: (p) => (
                    <>
                      <Link
                        href={`/dashboard/${programId}/partners/${p.id}`}
                        className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                      >
                        {p.name}
                      </Link>
                      <span className="block text-xs text-slate-500">
                        {p.email} · <span className="font-mono">{p.code}</span>
                      </span>
                    </>
                  ),
                },
                {
                  header: "Status",
                  cell: (p) => (
                    <span className="flex flex-wrap gap-1">
                      <PartnerStatusBadge status={p.status} />
                      {p.account === "invited" ? (
                        <Badge tone="sky">Invite sent</Badge>
                      ) : p.account === "none" ? (
                        <Badge>No account</Badge>
                      ) : null}
                    </span>
                  ),
                },
                { header: "Clicks", numeric: true, cell: (p) => formatCount(p.stats.clicks) },
                { header: "Leads", numeric: true, cell: (p) => formatCount(p.stats.leads) },
                { header: "Sales", numeric: true, cell: (p) => formatCount(p.stats.sales) },
                { header: "Revenue", numeric: true, cell: (p) => formatMoney(p.stats.revenue, currency) },
                canEdit && {
                  header: <span className="sr-only">Actions</span>,
                  align: "right",
                  cell: (p) => <PartnerStatusButtons programId={programId} partnerId={p.id} status={p.status} compact />,
                },
              ]}
            />
            <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-400">Figures: last 30 days.</p>
          </>
        ) : null}
        {query.hasNextPage ? (
          <div className="border-t border-slate-100 px-5 py-3 text-center">
            <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
