import type { Metadata } from "next";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { notificationKind, KINDS } from "@/lib/notifications/kinds";
import { describeUnsubscribe } from "@/lib/notifications/preferences";

export const metadata: Metadata = { title: "Unsubscribe" };

// The link in a mail's footer. Opening it changes nothing (mail scanners open links); the button
// posts to the one-click endpoint, which sends the browser back here with ?done.
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const { token, done } = await searchParams;
  const doneKind = done ? notificationKind.safeParse(done) : null;
  if (doneKind?.success) {
    return (
      <Card className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight">You are unsubscribed</h1>
        <p className="mt-2 text-sm text-slate-600">
          No more “{KINDS[doneKind.data].label}” mails. Change this any time in your account settings, under mail preferences.
        </p>
      </Card>
    );
  }
  const what = token ? await describeUnsubscribe(token.slice(0, 1_000)) : null;
  if (!token || !what) {
    return (
      <Card className="p-6 sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight">This link is not valid</h1>
        <p className="mt-2 text-sm text-slate-600">
          It may have been cut short by your mail program. Open the link from the mail again, or sign in and change your mail preferences in
          your account settings.
        </p>
      </Card>
    );
  }
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight">Unsubscribe</h1>
      <p className="mt-2 mb-6 text-sm text-slate-600">
        Stop “{what.label}” mails from {what.programName} to <strong>{what.email}</strong>? Other mails keep coming.
      </p>
      <form method="post" action={`/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`}>
        <input type="hidden" name="List-Unsubscribe" value="One-Click" />
        <button type="submit" className={buttonClass("primary")}>
          Unsubscribe
        </button>
      </form>
    </Card>
  );
}
