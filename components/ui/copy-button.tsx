"use client";

import { useState } from "react";

/** Copies `value` to the clipboard and says so for a moment. */
export function CopyButton({
  value,
  label = "Copy",
  tone = "light",
  ariaLabel,
}: {
  value: string;
  label?: string;
  tone?: "light" | "dark";
  ariaLabel?: string;
}) {
  const [copied, setCopied] = useState(false);
  const tones = {
    light: "text-brand-700 ring-brand-100 hover:bg-brand-50",
    dark: "text-slate-200 ring-slate-600 hover:bg-slate-800",
  };
  return (
    <button
      type="button"
      onClick={async () => {
        await navigator.clipboard?.writeText(value).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
      className={`shrink-0 rounded-md px-2 py-1 text-xs font-medium ring-1 ${tones[tone]}`}
      aria-label={ariaLabel}
      aria-live="polite"
    >
      {copied ? "Copied" : label}
    </button>
  );
}
