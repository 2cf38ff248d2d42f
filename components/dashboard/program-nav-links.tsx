"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { PROGRAM_SECTIONS } from "@/components/dashboard/program-nav";

export function ProgramNav({ programId, name }: { programId: string; name: string }) {
  const pathname = usePathname();
  const base = `/dashboard/${programId}`;
  return (
    <nav className="border-t border-slate-100 px-3 pt-4 pb-4" aria-label="Program">
      <p className="truncate px-2 pb-1 text-xs font-medium tracking-wide text-slate-400 uppercase">{name}</p>
      <ul className="space-y-0.5">
        {PROGRAM_SECTIONS.map((section) => {
          const href = section.segment ? `${base}/${section.segment}` : base;
          const active = section.segment ? pathname.startsWith(href) : pathname === base;
          return (
            <li key={section.segment || "overview"}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-lg px-2 py-1.5 text-sm ${
                  active ? "bg-slate-100 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900"
                }`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
