// Activity → Changes: the audit trail, filtered by who (actor type) and what (kind of change), with
// before → after of each change. A plain GET form: the filters live in the address, shareable.
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Select } from "@/components/ui/select";
import type { AuditEntryView } from "@/lib/audit/list-audit-log";
import type { Page } from "@/lib/kernel/pagination";

const ACTORS = [
  ["", "Anyone"],
  ["USER", "Team members"],
  ["API_TOKEN", "API tokens"],
  ["API_KEY", "Program API key"],
  ["PROVIDER", "Payment providers"],
  ["PUBLIC", "Public calls (no key)"],
  ["SYSTEM", "System"],
] as const;

const KINDS = [
  ["", "Every change"],
  ["commission.", "Commissions"],
  ["partner.", "Partners"],
  ["link.", "Links"],
  ["customer.", "Customer attribution"],
  ["payout_batch.", "Payouts"],
  ["program.", "Program settings"],
  ["api_key.", "API keys"],
  ["invite.", "Invites"],
  ["member.", "Team"],
  ["webhook_endpoint.", "Webhooks"],
] as const;

function changeText(before: unknown, after: unknown): string {
  const fmt = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));
  if (before && after && typeof before === "object" && typeof after === "object") {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys
      .map((k) => `${k}: ${fmt((before as Record<string, unknown>)[k]) || "—"} → ${fmt((after as Record<string, unknown>)[k]) || "—"}`)
      .join(" · ");
  }
  return fmt(after) || (before ? `was ${fmt(before)}` : "");
}

export function AuditLog({ page, filters, basePath }: { page: Page<AuditEntryView>; filters: Record<string, string>; basePath: string }) {
  const older = page.nextCursor ? `${basePath}?${new URLSearchParams({ ...filters, cursor: page.nextCursor })}` : null;
  return (
    <Card className="overflow-hidden">
      <form method="get" action={basePath} className="grid gap-3 border-b border-slate-100 p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <Select label="Who" name="actor_type" id="audit-actor" defaultValue={filters.actor_type ?? ""}>
          {ACTORS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <Select label="What" name="action" id="audit-kind" defaultValue={filters.action ?? ""}>
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
      </form>
      <DataTable
        testId="audit-log"
        rows={page.items}
        rowKey={(e) => String(e.id)}
        empty={{ title: "No changes match", text: "Changes appear here as your team, your keys and your providers make them." }}
        columns={[
          { header: "When", className: "whitespace-nowrap text-slate-500", cell: (e) => e.at.toISOString().slice(0, 16).replace("T", " ") },
          { header: "Who", className: "max-w-48 break-words", cell: (e) => e.actorName },
          {
            header: "Change",
            className: "max-w-md break-words",
            cell: (e) => (
              <>
                <span className="font-medium text-slate-900">{e.action}</span>{" "}
                <span className="text-xs text-slate-400">
                  {e.entityType} {e.entityId}
                </span>
                <p className="text-xs text-slate-600">{changeText(e.before, e.after)}</p>
                {e.reason ? <p className="text-xs text-slate-400">{e.reason}</p> : null}
              </>
            ),
          },
        ]}
      />
      {older ? (
        <div className="border-t border-slate-100 p-4 text-right">
          <Link href={older} className={buttonClass("secondary")}>
            Older changes
          </Link>
        </div>
      ) : null}
    </Card>
  );
}
