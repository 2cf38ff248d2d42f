"use client";

// Approve or reject one commission from its trail page.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { reviewCommissionsAction } from "@/lib/actions/commissions";

export function ReviewButtons({ programId, commissionId, canApprove }: { programId: string; commissionId: number; canApprove: boolean }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const review = useMutation({
    mutationFn: (decision: "approve" | "reject") =>
      reviewCommissionsAction(programId, { ids: [commissionId], decision, reason: reason || undefined }),
    onSuccess: (result) => {
      if (result.ok && result.data.updated.length) router.refresh();
    },
  });
  const result = review.data;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        aria-label="Reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="Reason"
        maxLength={500}
        className={
          "w-56 rounded-lg border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 " +
          "focus:ring-brand-500"
        }
      />
      {canApprove ? (
        <Button type="button" disabled={review.isPending} onClick={() => review.mutate("approve")}>
          Approve
        </Button>
      ) : null}
      <Button type="button" variant="secondary" disabled={review.isPending} onClick={() => review.mutate("reject")}>
        Reject
      </Button>
      {result && !result.ok ? (
        <div className="w-full">
          <Alert>{result.error}</Alert>
        </div>
      ) : null}
      {result?.ok && result.data.skipped.length ? (
        <div className="w-full">
          <Alert tone="info">Not changed: {result.data.skipped[0]!.why}.</Alert>
        </div>
      ) : null}
    </div>
  );
}
