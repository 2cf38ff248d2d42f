"use client";

// One program's mail choices, on or off per kind; a security notice is always on. (DIGEST is a
// stored mode the API takes, but no digest is sent yet, so the form does not offer it.)
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormAction } from "@/lib/dashboard/result";
import type { PreferenceRow } from "@/lib/notifications/preferences";

const MODES = [
  ["ON", "Send"],
  ["OFF", "Off"],
] as const;

export function PreferencesForm({ action, preferences }: { action: FormAction<void>; preferences: PreferenceRow[] }) {
  const [result, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="divide-y divide-slate-100" data-testid="mail-preferences">
      {preferences.map((p) => (
        <fieldset key={p.kind} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
          <legend className="float-left text-sm text-slate-800">{p.label}</legend>
          {p.required ? (
            <span className="text-xs text-slate-500">Always sent (security)</span>
          ) : (
            <span className="flex gap-3 text-sm">
              {MODES.map(([mode, label]) => (
                <label key={mode} className="flex items-center gap-1">
                  <input type="radio" name={p.kind} value={mode} defaultChecked={p.mode === mode} aria-label={`${p.label}: ${label}`} />
                  {label}
                </label>
              ))}
            </span>
          )}
        </fieldset>
      ))}
      <div className="flex items-center justify-end gap-3 px-5 py-3">
        {result?.ok ? <span className="text-sm text-emerald-700">Saved</span> : null}
        {result && !result.ok ? (
          <span role="alert" className="text-sm text-red-600">
            {result.error}
          </span>
        ) : null}
        <Button type="submit" disabled={pending}>
          Save mail preferences
        </Button>
      </div>
    </form>
  );
}
