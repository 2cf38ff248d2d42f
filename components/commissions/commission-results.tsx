// The commissions list of the review page: the table, or an empty state that says what to do next.
import { toCommissionRow } from "@/components/commissions/commission-rows";
import { CommissionTable } from "@/components/commissions/commission-table";
import { QueryProvider } from "@/components/providers/query-provider";
import { EmptyState } from "@/components/ui/empty-state";
import type { searchCommissions } from "@/lib/commissions/search-commissions";

type Items = Awaited<ReturnType<typeof searchCommissions>>["items"];

export function CommissionResults({
  programId,
  items,
  narrowed,
  canReview,
}: {
  programId: string;
  items: Items;
  narrowed: boolean;
  canReview: boolean;
}) {
  if (items.length === 0) {
    return (
      <EmptyState title={narrowed ? "No commissions match these filters" : "No commissions yet"}>
        {narrowed
          ? "Try another status or clear the filters."
          : "Commissions appear here when a partner's referral makes a sale (or a first lead, if your rule pays for " +
            "leads). Share partner links and check Install & verify."}
      </EmptyState>
    );
  }
  return (
    <QueryProvider>
      <CommissionTable programId={programId} rows={items.map(toCommissionRow)} canReview={canReview} />
    </QueryProvider>
  );
}
