"use server";

import { z } from "zod";
import { ACTIVITY_KINDS, listActivity } from "@/lib/activity/list-activity";
import { programAction } from "@/lib/dashboard/action";

const query = z.object({ kinds: z.array(z.enum(ACTIVITY_KINDS)).max(4).optional(), includeTest: z.boolean().optional() });

export async function listActivityAction(programId: string, input: { kinds?: string[]; includeTest?: boolean }) {
  return programAction(programId, "VIEWER", () => listActivity(programId, query.parse(input)));
}
