import { notFound } from "next/navigation";
import { DashboardShell } from "@/components/dashboard/shell";
import { JobFailureBanner } from "@/components/system/job-failure-banner";
import { requireOwnerUser } from "@/lib/auth/guards";
import { failingQueues } from "@/lib/jobs/system-status";
import { shellProgramsOf } from "@/lib/programs/shell-programs";

export default async function ProgramLayout({ children, params }: { children: React.ReactNode; params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}`);
  const [programs, failing] = await Promise.all([shellProgramsOf(user.id), failingQueues(user.id)]);
  const current = programs.find((p) => p.id === programId);
  if (!current) notFound(); // not a member: indistinguishable from a program that does not exist
  return (
    <DashboardShell user={user} programs={programs} current={current}>
      <JobFailureBanner programId={programId} failing={failing} />
      {children}
    </DashboardShell>
  );
}
