"use server";

import { activityQuery, listActivity } from "@/lib/activity/list-activity";
import { action } from "@/lib/dashboard/action";

export async function listActivityAction(programId: string, input: { kinds?: string[]; includeTest?: boolean }) {
  return action({ access: { programId, role: "VIEWER" }, schema: activityQuery, input }, (query) => listActivity(programId, query));
}
