// Shown on every page of a program when stored secrets cannot be opened with the configured keys:
// payouts, Stripe and webhooks silently stop working otherwise (lib/secrets/unreadable-secrets.ts).
import type { UnreadableSecrets } from "@/lib/secrets/unreadable-secrets";

export function SecretsBanner({ unreadable }: { unreadable: UnreadableSecrets }) {
  if (unreadable.total === 0) return null;
  const what = unreadable.counts.map((c) => `${c.count} × ${c.label}`).join(", ");
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      <p className="font-semibold">Stored secrets cannot be read</p>
      <p className="mt-1">
        {what} {unreadable.total === 1 ? "was" : "were"} sealed with an encryption key this server does not have. Add that key back to
        ENCRYPTION_KEYS (newest first), restart, then run <code className="font-mono">npm run cli -- rotate-encryption</code>.
      </p>
    </div>
  );
}
