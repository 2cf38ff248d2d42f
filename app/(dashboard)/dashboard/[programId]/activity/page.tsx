import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActivityStream } from "@/components/dashboard/activity-stream";
import { ActivityTabs } from "@/components/dashboard/activity-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/activity`);
  await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  return (
    <div className="space-y-6">
      <PageHeader title="Activity" description="Every click, lead, sale and commission as it arrives: the place to debug an integration." />
      <ActivityTabs programId={programId} current="events" />
      <ActivityStream programId={programId} installHref={`/dashboard/${programId}/install`} />
    </div>
  );
}
