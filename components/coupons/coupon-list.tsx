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
import { listCouponsAction, setCouponStatusAction } from "@/lib/actions/coupons";
import type { CouponRow } from "@/lib/coupons/coupon-rows";
import { formatCount } from "@/lib/dashboard/format";
import { unwrap } from "@/lib/dashboard/result";
import { formatMoney } from "@/lib/money/currency";

const expired = (c: CouponRow) => c.endsAt !== null && new Date(c.endsAt).getTime() <= Date.now();

/** A program's (or one partner's) codes with their figures, each switchable on and off. */
export function CouponList({
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
  const key = ["coupons", programId, { partnerId }];
  const query = useQuery({ queryKey: key, queryFn: async () => unwrap(await listCouponsAction(programId, { partnerId })) });
  const toggle = useMutation({
    mutationFn: async ({ id, active }: { id: string; active: boolean }) =>
      unwrap(await setCouponStatusAction(programId, id, active ? "active" : "inactive")),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["coupons", programId] }),
  });
  return (
    <Card>
      {query.isPending ? <SkeletonRows rows={3} /> : null}
      {query.isError ? <Alert>{query.error.message}</Alert> : null}
      {toggle.isError ? <Alert>{toggle.error.message}</Alert> : null}
      {query.data && query.data.length === 0 ? <EmptyState title="No coupon codes yet">{emptyHint}</EmptyState> : null}
      {query.data?.length ? (
        <ul className="divide-y divide-slate-100" data-testid="coupon-list">
          {query.data.map((c) => (
            <li key={c.id} className="flex flex-col gap-3 px-5 py-3.5 lg:flex-row lg:items-center">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="font-mono font-medium text-slate-900">{c.code}</span>
                  <CopyButton value={c.code} ariaLabel={`Copy code ${c.code}`} />
                  {c.status !== "ACTIVE" ? (
                    <Badge>Inactive</Badge>
                  ) : expired(c) ? (
                    <Badge tone="amber">Expired</Badge>
                  ) : (
                    <Badge tone="green">Active</Badge>
                  )}
                  {!partnerId ? (
                    <Link
                      href={`/dashboard/${programId}/partners/${c.partner.id}`}
                      className="text-slate-500 hover:text-brand-700 hover:underline"
                    >
                      {c.partner.name}
                    </Link>
                  ) : null}
                </p>
                <p className="mt-1 text-xs text-slate-500">
                  {c.description ?? "No discount described"}
                  {c.endsAt ? ` · until ${new Date(c.endsAt).toISOString().slice(0, 10)}` : ""}
                  {c.stripePromotionCodeId ? ` · Stripe ${c.stripePromotionCodeId}` : ""}
                </p>
              </div>
              <RowFigures
                className="grid-cols-3 lg:w-72"
                figures={[
                  ["Sales", formatCount(c.stats.sales)],
                  ["Revenue", formatMoney(c.stats.revenue, currency)],
                  ["Commissions", formatMoney(c.stats.commissions, currency)],
                ]}
              />
              {canEdit ? (
                <ActiveSwitch
                  checked={c.status === "ACTIVE"}
                  onChange={(active) => toggle.mutate({ id: c.id, active })}
                  label={`Code ${c.code} active`}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
