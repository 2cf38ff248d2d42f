"use client";

// The review table: pick commissions, give a reason, approve or reject them together. The server
// action checks the role and reports what it skipped and why.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CommissionRow } from "@/components/commissions/commission-rows";
import { FlagBadge, StatusBadge } from "@/components/commissions/status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { reviewCommissionsAction } from "@/lib/actions/commissions";

export function CommissionTable({ programId, rows, canReview }: { programId: string; rows: CommissionRow[]; canReview: boolean }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<Awaited<ReturnType<typeof reviewCommissionsAction>> | null>(null);
  const review = useMutation({
    mutationFn: (decision: "approve" | "reject") =>
      reviewCommissionsAction(programId, { ids: [...selected], decision, reason: reason || undefined }),
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
  const toggle = (id: number) =>
    setSelected((prev) => {
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
            className={
              "min-w-56 flex-1 rounded-lg border-0 bg-white px-3 py-1.5 text-sm shadow-sm ring-1 ring-slate-300 " +
              "ring-inset focus:ring-2 focus:ring-brand-500"
            }
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
      <DataTable
        rows={rows}
        rowKey={(row) => row.id}
        rowTestId="commission-row"
        rowClassName={(row) => (selected.has(row.id) ? "bg-brand-50/40" : "hover:bg-slate-50/60")}
        columns={[
          canReview && {
            header: (
              <input
                type="checkbox"
                aria-label="Select all reviewable"
                checked={allSelected}
                disabled={selectable.length === 0}
                onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((r) => r.id)))}
              />
            ),
            headerClassName: "w-10",
            padding: "pl-5",
            cell: (row) => (
              <input
                type="checkbox"
                aria-label={`Select commission ${row.id}`}
                checked={selected.has(row.id)}
                disabled={!row.reviewable}
                onChange={() => toggle(row.id)}
              />
            ),
          },
          {
            header: "Commission",
            cell: (row) => (
              <>
                <Link href={`/dashboard/${programId}/commissions/${row.id}`} className="font-medium text-brand-700 hover:underline">
                  #{row.id}
                </Link>
                <p className="text-xs text-slate-400">{row.createdAt}</p>
              </>
            ),
          },
          {
            header: "Partner",
            cell: (row) => (
              <>
                <span className="font-medium text-slate-900">{row.partnerName}</span>{" "}
                <span className="text-xs text-slate-400">{row.partnerCode}</span>
              </>
            ),
          },
          { header: "From", className: "text-slate-600", cell: (row) => row.basis },
          {
            header: "Amount",
            numeric: true,
            className: (row) => `font-medium ${row.negative ? "text-red-600" : "text-slate-900"}`,
            cell: (row) => row.amount,
          },
          { header: "Status", cell: (row) => <StatusBadge status={row.status} /> },
          {
            header: "Review",
            cell: (row) => (
              <div className="flex flex-wrap items-center gap-1">
                {row.flags.map((f) => (
                  <FlagBadge key={f} flag={f} />
                ))}
                {row.note ? <span className="text-xs text-slate-500">{row.note}</span> : null}
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
