"use server";

// Mail preferences (portal and account settings) and the Outbox's "resend" (owners only).
import { revalidatePath } from "next/cache";
import { action } from "@/lib/dashboard/action";
import type { FormResult } from "@/lib/dashboard/result";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { resendNotification } from "@/lib/notifications/outbox";
import { preferencesSchema, setMyPreferences } from "@/lib/notifications/preferences";

/** The form sends one `<kind>` field per kind it shows (ON / OFF / DIGEST). */
export async function savePreferencesAction(
  programId: string,
  returnTo: string,
  _previous: FormResult<void> | null,
  form: FormData,
): Promise<FormResult<void>> {
  const preferences = Object.fromEntries(NOTIFICATION_KINDS.filter((k) => form.has(k)).map((k) => [k, String(form.get(k))]));
  return action({ access: "user", schema: preferencesSchema, input: { programId, preferences } }, async (input, { user }) => {
    await setMyPreferences(user.id, input);
    revalidatePath(returnTo);
  });
}

export async function resendNotificationAction(programId: string, id: string, _previous: FormResult<void> | null, _form: FormData) {
  return action({ access: { programId, role: "OWNER" } }, async (_, { actor }) => {
    await resendNotification(programId, id, actor);
    revalidatePath(`/dashboard/${programId}/outbox`);
  });
}
