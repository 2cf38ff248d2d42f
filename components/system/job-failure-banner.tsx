// Shown to owners on every dashboard page while a job queue keeps failing (lib/jobs/system-status.ts FAILING_AFTER).
import Link from "next/link";

export function JobFailureBanner({ programId, failing }: { programId: string; failing: Array<{ queue: string; failuresInRow: number }> }) {
  if (!failing.length) return null;
  const names = failing.map((f) => `${f.queue} (${f.failuresInRow}× in a row)`).join(", ");
  return (
    <div
      role="alert"
      data-testid="job-failure-banner"
      className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-red-200 ring-inset"
    >
      <strong className="font-semibold">A background job keeps failing:</strong> {names}.{" "}
      <Link href={`/dashboard/${programId}/settings/system`} className="font-medium underline">
        See Settings → System
      </Link>
    </div>
  );
}
