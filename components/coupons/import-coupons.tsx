"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { exportCouponsAction, importCouponsAction } from "@/lib/actions/coupons";
import { unwrap } from "@/lib/dashboard/result";

/** CSV import (`code,partner_code` per line) with a per-row report, and the CSV export of every code. */
export function ImportCoupons({ programId, canEdit }: { programId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState("");
  const run = useMutation({
    mutationFn: async () => unwrap(await importCouponsAction(programId, csv)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["coupons", programId] }),
  });
  const download = useMutation({
    mutationFn: async () => {
      const text = unwrap(await exportCouponsAction(programId));
      const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
      const a = Object.assign(document.createElement("a"), { href: url, download: "coupon-codes.csv" });
      a.click();
      URL.revokeObjectURL(url);
    },
  });
  const refused = run.data?.filter((r) => r.status === "refused") ?? [];
  return (
    <div className="space-y-3 p-5">
      {canEdit ? (
        <>
          <label htmlFor="coupon-csv" className="block text-sm font-medium text-slate-700">
            Paste CSV lines <span className="font-mono text-xs">code,partner_code</span> (a header line is optional)
          </label>
          <textarea
            id="coupon-csv"
            rows={4}
            value={csv}
            onChange={(e) => setCsv(e.target.value)}
            placeholder={"code,partner_code\nMAYA20,maya"}
            className="block w-full rounded-lg px-3 py-2 font-mono text-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-500"
          />
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="Choose a CSV file"
            className="block text-xs text-slate-600"
            onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? "")}
          />
        </>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {canEdit ? (
          <Button type="button" disabled={!csv.trim() || run.isPending} onClick={() => run.mutate()}>
            {run.isPending ? "Importing…" : "Import codes"}
          </Button>
        ) : null}
        <Button type="button" variant="secondary" disabled={download.isPending} onClick={() => download.mutate()}>
          Export CSV
        </Button>
      </div>
      {run.isError ? <Alert>{run.error.message}</Alert> : null}
      {run.data ? (
        <div className="text-sm" data-testid="import-report" aria-live="polite">
          <p className="font-medium text-slate-800">
            {run.data.length - refused.length} created, {refused.length} refused
          </p>
          {refused.length ? (
            <ul className="mt-1 list-disc pl-5 text-red-700">
              {refused.map((r) => (
                <li key={r.line}>
                  Line {r.line} ({r.code || "no code"}): {r.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
