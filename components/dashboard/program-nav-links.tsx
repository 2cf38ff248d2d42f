"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { PROGRAM_SECTIONS } from "@/components/dashboard/program-nav";

export function ProgramNav({ programId }: { programId: string }) {
  const pathname = usePathname();
  const base = `/dashboard/${programId}`;
  return (
    <nav className="px-3 pb-4" aria-label="Program">
      <ul className="space-y-0.5">
        {PROGRAM_SECTIONS.map((section) => {
          const href = section.segment ? `${base}/${section.segment}` : base;
          const active = section.segment ? pathname.startsWith(href) : pathname === base;
          return (
            <li key={section.segment || "overview"}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-lg px-2 py-1.5 text-sm ${active ? "bg-slate-100 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-50 hover:text-slate-900"}`}
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
