"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { setPartnerStatusAction } from "@/lib/actions/partners";
import { unwrap } from "@/lib/dashboard/result";

type Status = "PENDING" | "ACTIVE" | "SUSPENDED";

/** Approve / suspend / reactivate; optimistic in the partner list, refreshed on the partner page. */
export function usePartnerStatus(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ partnerId, status }: { partnerId: string; status: Status }) =>
      unwrap(await setPartnerStatusAction(programId, partnerId, status)),
    onMutate: async ({ partnerId, status }) => {
      await queryClient.cancelQueries({ queryKey: ["partners", programId] });
      const previous = queryClient.getQueriesData({ queryKey: ["partners", programId] });
      queryClient.setQueriesData<{ pages: Array<{ items: Array<{ id: string; status: Status }> }> }>(
        { queryKey: ["partners", programId] },
        (data) =>
          data
            ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((i) => (i.id === partnerId ? { ...i, status } : i)) })) }
            : data,
      );
      return { previous };
    },
    onError: (_error, _vars, context) => {
      for (const [key, data] of context?.previous ?? []) queryClient.setQueryData(key, data);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ["partners", programId] }),
  });
}

export function PartnerStatusButtons({
  programId,
  partnerId,
  status,
  compact,
}: {
  programId: string;
  partnerId: string;
  status: Status;
  compact?: boolean;
}) {
  const mutation = usePartnerStatus(programId);
  const router = useRouter();
  const set = (next: Status) => mutation.mutate({ partnerId, status: next }, { onSuccess: () => router.refresh() });
  const size = compact ? "px-2.5 py-1 text-xs" : undefined;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {status !== "ACTIVE" ? (
        <Button type="button" className={size} disabled={mutation.isPending} onClick={() => set("ACTIVE")}>
          {status === "PENDING" ? "Approve" : "Reactivate"}
        </Button>
      ) : null}
      {status !== "SUSPENDED" ? (
        <Button type="button" variant="secondary" className={size} disabled={mutation.isPending} onClick={() => set("SUSPENDED")}>
          {status === "PENDING" ? "Decline" : "Suspend"}
        </Button>
      ) : null}
      {mutation.isError ? (
        <span role="alert" className="text-xs text-red-600">
          {mutation.error.message}
        </span>
      ) : null}
    </span>
  );
}
