import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobQueues } from "@/components/system/job-queues";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { getSystemStatus } from "@/lib/jobs/system-status";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "System" };

const when = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 16)} UTC` : "not yet");
const MODES: Record<string, string> = {
  queue: "pg-boss workers",
  timer: "in-process timer (embedded database, or pg-boss could not start)",
  disabled: "disabled here (JOBS_ENABLED=false): another instance runs them",
  failed: "did not start — see the log",
  starting: "starting",
};

export default async function SystemPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/settings/system`);
  await requireProgramRole(user.id, programId, "OWNER").catch(() => notFound());
  const status = await getSystemStatus(user.id);
  return (
    <div className="space-y-6">
      <PageHeader
        title="System"
        description={
          <>
            <Link href={`/dashboard/${programId}/settings`} className="underline">
              Settings
            </Link>{" "}
            → System: the instance&apos;s version and background jobs. Metrics, backups and upgrades: docs/operations.md.
          </>
        }
      />
      <Card>
        <dl className="grid gap-4 p-5 text-sm sm:grid-cols-3" data-testid="system-facts">
          <div>
            <dt className="text-slate-500">Version</dt>
            <dd className="font-medium">{status.version}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Applied migration</dt>
            <dd className="font-mono text-xs break-all">{status.migration ?? "none"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Background jobs</dt>
            <dd className="font-medium">{MODES[status.jobsMode] ?? status.jobsMode}</dd>
          </div>
        </dl>
      </Card>
      <Card>
        <CardHeader title="Job queues" description="Every queue's last run on any instance; a failed queue can be retried now." />
        <JobQueues programId={programId} queues={status.queues} />
      </Card>
      <Card>
        <CardHeader title="Report rollups" description="Reports read closed hours from rollups; the job refreshes them every minute." />
        <DataTable
          rows={status.rollups}
          rowKey={(r) => r.programId}
          empty={{ title: "No programs", text: "Create a program to see its rollup." }}
          columns={[
            { header: "Program", cell: (r) => r.programName },
            { header: "Rolled up until", cell: (r) => when(r.rolledUntil) },
            { header: "Last checked", cell: (r) => when(r.checkedAt) },
          ]}
        />
      </Card>
    </div>
  );
}
