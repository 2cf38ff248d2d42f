// Mail preferences of every program the signed-in user hears from (portal account, owner account).
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { Card, CardHeader } from "@/components/ui/card";
import { savePreferencesAction } from "@/lib/actions/notifications";
import { listMyPreferenceSets } from "@/lib/notifications/preferences";

export async function MailPreferences({ userId, returnTo }: { userId: string; returnTo: string }) {
  const sets = await listMyPreferenceSets(userId);
  if (sets.length === 0) return null;
  return (
    <>
      {sets.map((set) => (
        <Card key={set.programId}>
          <CardHeader
            title={`Mails from ${set.programName}`}
            description="Choose what you hear about. Every mail also has a one-click unsubscribe link."
          />
          <PreferencesForm action={savePreferencesAction.bind(null, set.programId, returnTo)} preferences={set.preferences} />
        </Card>
      ))}
    </>
  );
}
