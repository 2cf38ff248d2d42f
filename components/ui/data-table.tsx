// The one table of the dashboard and the portal: header cells, rows, figures right-aligned in
// tabular digits, an empty state instead of an empty table, and a wrapper that scrolls sideways on
// narrow screens (the page itself never does). No client state: it renders on the server or
// inside a client component alike.
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";

export interface Column<Row> {
  header: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  /** Figures: right-aligned, tabular digits. */
  numeric?: boolean;
  /** Right-aligned without tabular digits (buttons, badges). */
  align?: "right";
  /** Classes of the column's body cells (colour, weight, width), or per row. */
  className?: string | ((row: Row) => string | undefined);
  headerClassName?: string;
  /** Replaces the column's horizontal padding (e.g. "pl-5" for a checkbox column). */
  padding?: string;
}

interface DataTableProps<Row> {
  rows: readonly Row[];
  /** `false` leaves a column out (e.g. one only admins see). */
  columns: ReadonlyArray<Column<Row> | false>;
  rowKey: (row: Row) => string | number;
  /** Shown instead of the table when there are no rows. */
  empty?: { title: string; text?: React.ReactNode };
  testId?: string;
  rowTestId?: string;
  rowClassName?: (row: Row) => string | undefined;
  /** Classes of the <table>, e.g. "min-w-[44rem]" so that many columns scroll instead of squeezing. */
  className?: string;
  /** "edges" (default): the outer columns are padded like the card (px-5), the inner ones px-3; "even": every column px-5. */
  spacing?: "edges" | "even";
  /** Header cells for screen readers only (a table that reads as a list). */
  hideHeader?: boolean;
}

export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  empty,
  testId,
  rowTestId,
  rowClassName,
  className,
  spacing = "edges",
  hideHeader,
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty) return <EmptyState title={empty.title}>{empty.text}</EmptyState>;
  const shown = columns.filter((c): c is Column<Row> => c !== false);
  const padding = (c: Column<Row>, i: number) => c.padding ?? (spacing === "even" || i === 0 || i === shown.length - 1 ? "px-5" : "px-3");
  const align = (c: Column<Row>) => (c.numeric ? "text-right tabular-nums" : c.align === "right" ? "text-right" : undefined);
  return (
    <div className="overflow-x-auto">
      <table className={cn("w-full text-sm", className)} data-testid={testId}>
        <thead className={hideHeader ? "sr-only" : undefined}>
          <tr className="border-b border-slate-100 text-left text-xs text-slate-500">
            {shown.map((c, i) => (
              <th
                key={i}
                scope="col"
                className={cn(
                  padding(c, i),
                  "py-2 font-medium",
                  c.numeric || c.align === "right" ? "text-right" : undefined,
                  c.headerClassName,
                )}
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)} data-testid={rowTestId}>
              {shown.map((c, i) => (
                <td
                  key={i}
                  className={cn(padding(c, i), "py-2.5", align(c), typeof c.className === "function" ? c.className(row) : c.className)}
                >
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
