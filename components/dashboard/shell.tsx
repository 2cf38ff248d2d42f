import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { UserMenu } from "@/components/dashboard/user-menu";
import { ProgramNav } from "@/components/dashboard/program-nav-links";
import type { ShellProgram } from "@/lib/programs/shell-programs";

interface ShellProps {
  user: { name: string | null; email: string };
  programs: ShellProgram[];
  current?: ShellProgram;
  /** Warnings for every page of the program (e.g. secrets no key opens), above the page. */
  banners?: React.ReactNode;
  children: React.ReactNode;
}

export function DashboardShell({ user, programs, current, banners, children }: ShellProps) {
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[15rem_1fr]">
      <aside className="border-b border-slate-200 bg-white lg:min-h-screen lg:border-r lg:border-b-0">
        {/* Phones: the navigation folds into a menu (native <details>: keyboard and screen-reader friendly). */}
        <details className="group lg:hidden">
          <summary className="flex cursor-pointer list-none items-center justify-between px-5 py-3">
            <Logo />
            <span className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-600 ring-1 ring-slate-200 group-open:bg-slate-100">
              Menu
            </span>
          </summary>
          <ShellNav programs={programs} current={current} />
        </details>
        <div className="hidden lg:block">
          <div className="flex items-center justify-between px-5 py-4">
            <Link href="/dashboard" aria-label="Dashboard home">
              <Logo />
            </Link>
          </div>
          <ShellNav programs={programs} current={current} />
        </div>
      </aside>
      {/* overflow-x-clip: wide tables scroll inside their own containers, never the page */}
      <div className="min-w-0 overflow-x-clip">
        <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
          <p className="truncate text-sm font-medium text-slate-700">{current?.name ?? "Welcome"}</p>
          <UserMenu name={user.name} email={user.email} accountHref="/dashboard/account" />
        </header>
        <main className="mx-auto max-w-6xl px-4 py-8 sm:px-8">
          {banners ? <div className="mb-6 space-y-3">{banners}</div> : null}
          {children}
        </main>
      </div>
    </div>
  );
}

function ShellNav({ programs, current }: { programs: ShellProgram[]; current?: ShellProgram }) {
  return (
    <>
      <nav className="px-3 pb-4" aria-label="Programs">
        <p className="px-2 pb-1 text-xs font-medium tracking-wide text-slate-400 uppercase">Programs</p>
        <ul className="space-y-0.5">
          {programs.map((program) => (
            <li key={program.id}>
              <Link
                href={`/dashboard/${program.id}`}
                aria-current={program.id === current?.id ? "page" : undefined}
                className={`flex items-center justify-between rounded-lg px-2 py-1.5 text-sm ${
                  program.id === current?.id
                    ? "bg-brand-50 font-medium text-brand-700"
                    : "text-slate-600 hover:bg-slate-50 hover:text-slate-900"
                }`}
              >
                <span className="truncate">{program.name}</span>
                <span className="ml-2 text-[10px] tracking-wide text-slate-400 uppercase">{program.role}</span>
              </Link>
            </li>
          ))}
        </ul>
        <Link
          href="/dashboard/new"
          className="mt-2 flex rounded-lg px-2 py-1.5 text-sm text-slate-500 hover:bg-slate-50 hover:text-slate-900"
        >
          + New program
        </Link>
      </nav>
      {current ? <ProgramNav programId={current.id} name={current.name} /> : null}
    </>
  );
}
