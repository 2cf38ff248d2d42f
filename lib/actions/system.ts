"use server";

// "Retry now" on Settings → System; program owners only.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/dashboard/action";
import type { FormResult } from "@/lib/dashboard/result";
import { retryQueue } from "@/lib/jobs/retry-job";

export async function retryQueueAction(programId: string, queue: string, _previous: FormResult<void> | null, _form: FormData) {
  return action({ access: { programId, role: "OWNER" } }, async (_, { user, actor }) => {
    await retryQueue(user.id, actor, queue);
    revalidatePath(`/dashboard/${programId}/settings/system`);
  });
}
