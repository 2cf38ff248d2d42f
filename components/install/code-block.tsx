"use client";

import { useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/** A block of code with a copy button. */
export function CodeBlock({ code, label, testId, wrap }: { code: string; label: string; testId?: string; wrap?: boolean }) {
  return (
    <div className="relative rounded-lg bg-slate-900 ring-1 ring-slate-800">
      <div className="flex items-center justify-between border-b border-slate-800 px-3 py-1.5">
        <span className="text-xs text-slate-400">{label}</span>
        <CopyButton value={code} label={`Copy`} tone="dark" ariaLabel={`Copy ${label}`} />
      </div>
      <pre
        className={`overflow-x-auto px-3 py-3 text-[12.5px] leading-relaxed text-slate-100 ${wrap ? "break-all whitespace-pre-wrap" : ""}`}
        data-testid={testId}
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** The same call in several languages, one tab each. */
export function CodeTabs({ examples }: { examples: Array<{ id: string; title: string; description: string; curl: string; js: string }> }) {
  const [lang, setLang] = useState<"curl" | "js">("curl");
  return (
    <div className="space-y-5">
      <div role="tablist" aria-label="Language" className="inline-flex rounded-lg bg-slate-100 p-0.5">
        {(["curl", "js"] as const).map((l) => (
          <button
            key={l}
            role="tab"
            type="button"
            aria-selected={lang === l}
            onClick={() => setLang(l)}
            className={`rounded-md px-3 py-1 text-sm font-medium ${
              lang === l ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"
            }`}
          >
            {l === "curl" ? "curl" : "JavaScript"}
          </button>
        ))}
      </div>
      {examples.map((e) => (
        <section key={e.id} aria-label={e.title}>
          <h3 className="text-sm font-semibold text-slate-900">{e.title}</h3>
          <p className="mt-0.5 mb-2 text-sm text-slate-500">{e.description}</p>
          <CodeBlock code={lang === "curl" ? e.curl : e.js} label={`${e.title} · ${lang === "curl" ? "curl" : "JavaScript"}`} />
        </section>
      ))}
    </div>
  );
}
