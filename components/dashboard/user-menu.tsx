import Link from "next/link";
import { signOutAction } from "@/lib/actions/auth";

/** `accountHref`: the page with password, sessions (and, for owners, API tokens). */
export function UserMenu({ name, email, accountHref }: { name: string | null; email: string; accountHref: string }) {
  const initials = (name ?? email)
    .split(/\s+/)
    .map((part) => part[0]?.toUpperCase())
    .slice(0, 2)
    .join("");
  return (
    <div className="flex items-center gap-3">
      <span
        className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
        aria-hidden="true"
      >
        {initials}
      </span>
      <div className="hidden text-right text-sm leading-tight sm:block">
        <p className="font-medium text-slate-900" data-testid="session-user">
          {name ?? email}
        </p>
        <p className="text-xs text-slate-500">{email}</p>
      </div>
      <Link
        href={accountHref}
        className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        Account
      </Link>
      <form action={signOutAction}>
        <button
          type="submit"
          className="rounded-lg px-2.5 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
