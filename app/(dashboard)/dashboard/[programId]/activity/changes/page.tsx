import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivityTabs } from "@/components/dashboard/activity-tabs";
import { AuditLog } from "@/components/dashboard/audit-log";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { auditQuery, listAuditLog } from "@/lib/audit/list-audit-log";
import { requireOwnerUser } from "@/lib/auth/guards";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Changes" };

export default async function ChangesPage({
  params,
  searchParams,
}: {
  params: Promise<{ programId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/activity/changes`);
  await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const raw = await searchParams;
  const filters = Object.fromEntries(
    ["actor_type", "action", "entity_type", "entity_id"].flatMap((k) => (typeof raw[k] === "string" && raw[k] ? [[k, raw[k]]] : [])),
  ) as Record<string, string>;
  const query = auditQuery.safeParse({ ...filters, cursor: typeof raw.cursor === "string" ? raw.cursor : undefined });
  const basePath = `/dashboard/${programId}/activity/changes`;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Activity"
        description="Who changed what, and when: every change to partners, links, commissions, payouts and settings."
      />
      <ActivityTabs programId={programId} current="changes" />
      {query.success ? (
        <AuditLog page={await listAuditLog(programId, query.data)} filters={filters} basePath={basePath} />
      ) : (
        <Alert>These filters are not valid: {query.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}</Alert>
      )}
    </div>
  );
}
