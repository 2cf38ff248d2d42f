import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";

/** Settings → System, for owners: the version, the migration and the background jobs. */
export function SystemLink({ programId }: { programId: string }) {
  return (
    <Card id="system">
      <CardHeader
        title="System"
        description="Version, applied migration, background jobs and report rollups of this instance."
        action={
          <Link
            href={`/dashboard/${programId}/settings/system`}
            className="rounded-lg bg-white px-3 py-2 text-sm font-medium shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
          >
            Open System
          </Link>
        }
      />
    </Card>
  );
}
