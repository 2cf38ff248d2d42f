"use client";

import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { ActiveSwitch, RowFigures } from "@/components/ui/row-figures";
import { SkeletonRows } from "@/components/ui/skeleton";
import { listLinksAction, setLinkStatusAction } from "@/lib/actions/links";
import { formatCount } from "@/lib/dashboard/format";
import { unwrap } from "@/lib/dashboard/result";
import type { LinkListRow } from "@/lib/links/link-rows";
import { formatMoney } from "@/lib/money/currency";

export function LinkList({
  programId,
  partnerId,
  canEdit,
  currency,
  emptyHint,
}: {
  programId: string;
  partnerId?: string;
  canEdit: boolean;
  currency: string;
  emptyHint: string;
}) {
  const queryClient = useQueryClient();
  const key = ["links", programId, { partnerId }];
  const query = useQuery({ queryKey: key, queryFn: async () => unwrap(await listLinksAction(programId, { partnerId })) });
  const toggle = useMutation({
    mutationFn: async ({ id, active }: { id: string; active: boolean }) =>
      unwrap(await setLinkStatusAction(programId, id, active ? "active" : "inactive")),
    onMutate: async ({ id, active }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<{ items: LinkListRow[]; days: number }>(key);
      if (previous)
        queryClient.setQueryData(key, {
          ...previous,
          items: previous.items.map((l) => (l.id === id ? { ...l, status: active ? "ACTIVE" : "INACTIVE" } : l)),
        });
      return { previous };
    },
    onError: (_e, _v, context) => context?.previous && queryClient.setQueryData(key, context.previous),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["links", programId] }),
  });

  return (
    <Card>
      {query.isPending ? <SkeletonRows rows={3} /> : null}
      {query.isError ? (
        <div className="p-5">
          <Alert>{query.error.message}</Alert>
        </div>
      ) : null}
      {toggle.isError ? (
        <div className="px-5 pt-4">
          <Alert>{toggle.error.message}</Alert>
        </div>
      ) : null}
      {query.data && query.data.items.length === 0 ? <EmptyState title="No links yet">{emptyHint}</EmptyState> : null}
      {query.data && query.data.items.length ? (
        <ul className="divide-y divide-slate-100" data-testid="link-list">
          {query.data.items.map((l) => (
            <li key={l.id} className="flex flex-col gap-3 px-5 py-3.5 lg:flex-row lg:items-center">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-mono font-medium text-slate-900">{l.code}</span>
                  {l.status === "ACTIVE" ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}
                  {!partnerId ? (
                    <Link
                      href={`/dashboard/${programId}/partners/${l.partner.id}`}
                      className="text-slate-500 hover:text-brand-700 hover:underline"
                    >
                      {l.partner.name}
                    </Link>
                  ) : null}
                </p>
                <p className="mt-1 flex items-center gap-2">
                  <code className="min-w-0 truncate text-xs text-slate-600" data-testid="link-url">
                    {l.url}
                  </code>
                  <CopyButton value={l.url} ariaLabel={`Copy link ${l.code}`} />
                </p>
              </div>
              <RowFigures
                className="grid-cols-4 lg:w-80"
                figures={[
                  ["Clicks", formatCount(l.stats.clicks)],
                  ["Leads", formatCount(l.stats.leads)],
                  ["Sales", formatCount(l.stats.sales)],
                  ["Revenue", formatMoney(l.stats.revenue, currency)],
                ]}
              />
              {canEdit ? (
                <ActiveSwitch
                  checked={l.status === "ACTIVE"}
                  onChange={(active) => toggle.mutate({ id: l.id, active })}
                  label={`Link ${l.code} active`}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {query.data?.items.length ? (
        <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-400">Figures: last {query.data.days} days.</p>
      ) : null}
    </Card>
  );
}
