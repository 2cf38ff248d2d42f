import { notFound } from "next/navigation";
import { SecretsBanner } from "@/components/dashboard/secrets-banner";
import { DashboardShell } from "@/components/dashboard/shell";
import { JobFailureBanner } from "@/components/system/job-failure-banner";
import { requireOwnerUser } from "@/lib/auth/guards";
import { failingQueues } from "@/lib/jobs/system-status";
import { shellProgramsOf } from "@/lib/programs/shell-programs";
import { unreadableSecrets } from "@/lib/secrets/unreadable-secrets";

export default async function ProgramLayout({ children, params }: { children: React.ReactNode; params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}`);
  const [programs, failing] = await Promise.all([shellProgramsOf(user.id), failingQueues(user.id)]);
  const current = programs.find((p) => p.id === programId);
  if (!current) notFound(); // not a member: indistinguishable from a program that does not exist
  const unreadable = await unreadableSecrets(programId);
  return (
    <DashboardShell
      user={user}
      programs={programs}
      current={current}
      banners={
        unreadable.total || failing.length ? (
          <>
            {unreadable.total ? <SecretsBanner unreadable={unreadable} /> : null}
            <JobFailureBanner programId={programId} failing={failing} />
          </>
        ) : null
      }
    >
      {children}
    </DashboardShell>
  );
}
