// Settings → API tokens: the signed-in owner's personal tokens for the management API, with their
// last use and expiry; revoking one refuses its next request at once.
import { shortDate } from "@/components/commissions/format";
import { NewTokenForm } from "@/components/account/new-token-form";
import { RevokeTokenButton } from "@/components/account/revoke-token-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { ApiTokenView } from "@/lib/users/api-tokens";

const TONE = { active: "green", expired: "amber", revoked: "gray" } as const;

export function ApiTokens({ tokens }: { tokens: ApiTokenView[] }) {
  return (
    <Card id="api-tokens" className="overflow-hidden">
      <CardHeader
        title="API tokens"
        description="Personal tokens for the management API (Authorization: Bearer plt_…). They act as you, in every program you belong to."
      />
      <div className="border-b border-slate-100 p-5">
        <NewTokenForm />
      </div>
      <DataTable
        testId="api-tokens"
        rows={tokens}
        rowKey={(t) => t.id}
        empty={{ title: "No tokens yet", text: "Create one for each script or integration, so you can revoke it alone." }}
        columns={[
          {
            header: "Name",
            cell: (t) => (
              <>
                <span className="font-medium text-slate-900">{t.name}</span>
                <p className="font-mono text-xs text-slate-400">{t.prefix}…</p>
              </>
            ),
          },
          { header: "Last used", cell: (t) => (t.lastUsedAt ? shortDate(t.lastUsedAt) : "never") },
          { header: "Expires", cell: (t) => (t.expiresAt ? shortDate(t.expiresAt) : "never") },
          { header: "State", cell: (t) => <Badge tone={TONE[t.state]}>{t.state}</Badge> },
          { header: "", align: "right", cell: (t) => (t.state === "active" ? <RevokeTokenButton id={t.id} name={t.name} /> : null) },
        ]}
      />
    </Card>
  );
}
