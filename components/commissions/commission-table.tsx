"use client";

// The review table: pick commissions, give a reason, approve or reject them together. The server
// action checks the role and reports what it skipped and why.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FlagBadge, StatusBadge } from "@/components/commissions/status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { reviewCommissionsAction } from "@/lib/actions/commissions";

export interface CommissionRow {
  id: number;
  createdAt: string;
  partnerName: string;
  partnerCode: string;
  kind: string;
  basis: string;
  amount: string;
  negative: boolean;
  status: string;
  flags: string[];
  note: string | null;
  reviewable: boolean;
}

export function CommissionTable({ programId, rows, canReview }: { programId: string; rows: CommissionRow[]; canReview: boolean }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<Awaited<ReturnType<typeof reviewCommissionsAction>> | null>(null);
  const review = useMutation({
    mutationFn: (decision: "approve" | "reject") => reviewCommissionsAction(programId, { ids: [...selected], decision, reason: reason || undefined }),
    onSuccess: (result) => {
      setOutcome(result);
      if (result.ok) {
        setSelected(new Set());
        setReason("");
        router.refresh();
      }
    },
  });
  const selectable = rows.filter((r) => r.reviewable);
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const toggle = (id: number) => setSelected((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  return (
    <div>
      {canReview && selected.size > 0 ? (
        <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 bg-brand-50/60 px-5 py-3" data-testid="bulk-bar">
          <span className="text-sm font-medium text-slate-900">{selected.size} selected</span>
          <input
            aria-label="Reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="Reason (required to reject)"
            maxLength={500}
            className="min-w-56 flex-1 rounded-lg border-0 bg-white px-3 py-1.5 text-sm shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500"
          />
          <Button type="button" disabled={review.isPending} onClick={() => review.mutate("approve")}>
            {review.isPending && review.variables === "approve" ? "Approving…" : "Approve"}
          </Button>
          <Button type="button" variant="secondary" disabled={review.isPending} onClick={() => review.mutate("reject")}>
            {review.isPending && review.variables === "reject" ? "Rejecting…" : "Reject"}
          </Button>
        </div>
      ) : null}
      {outcome ? (
        <div className="px-5 pt-3">
          {!outcome.ok ? (
            <Alert>{outcome.error}</Alert>
          ) : (
            <Alert tone={outcome.data.skipped.length ? "info" : "success"}>
              {outcome.data.message}
              {outcome.data.skipped.length ? ` Skipped: ${outcome.data.skipped.map((s) => `#${s.id} ${s.why}`).join("; ")}.` : ""}
            </Alert>
          )}
        </div>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-left text-xs text-slate-500">
              {canReview ? (
                <th className="w-10 py-2 pl-5">
                  <input type="checkbox" aria-label="Select all reviewable" checked={allSelected} disabled={selectable.length === 0}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((r) => r.id)))} />
                </th>
              ) : null}
              <th className="px-3 py-2 font-medium">Commission</th>
              <th className="px-3 py-2 font-medium">Partner</th>
              <th className="px-3 py-2 font-medium">From</th>
              <th className="px-3 py-2 text-right font-medium">Amount</th>
              <th className="px-3 py-2 font-medium">Status</th>
              <th className="px-5 py-2 font-medium">Review</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className={selected.has(row.id) ? "bg-brand-50/40" : "hover:bg-slate-50/60"} data-testid="commission-row">
                {canReview ? (
                  <td className="py-2.5 pl-5">
                    <input type="checkbox" aria-label={`Select commission ${row.id}`} checked={selected.has(row.id)} disabled={!row.reviewable} onChange={() => toggle(row.id)} />
                  </td>
                ) : null}
                <td className="px-3 py-2.5">
                  <Link href={`/dashboard/${programId}/commissions/${row.id}`} className="font-medium text-brand-700 hover:underline">#{row.id}</Link>
                  <p className="text-xs text-slate-400">{row.createdAt}</p>
                </td>
                <td className="px-3 py-2.5">
                  <span className="font-medium text-slate-900">{row.partnerName}</span> <span className="text-xs text-slate-400">{row.partnerCode}</span>
                </td>
                <td className="px-3 py-2.5 text-slate-600">{row.basis}</td>
                <td className={`px-3 py-2.5 text-right font-medium tabular-nums ${row.negative ? "text-red-600" : "text-slate-900"}`}>{row.amount}</td>
                <td className="px-3 py-2.5"><StatusBadge status={row.status} /></td>
                <td className="px-5 py-2.5">
                  <div className="flex flex-wrap items-center gap-1">
                    {row.flags.map((f) => <FlagBadge key={f} flag={f} />)}
                    {row.note ? <span className="text-xs text-slate-500">{row.note}</span> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
