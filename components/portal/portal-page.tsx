// The frame of a portal page below its home: the logo back to the portal, the partner's menu, and
// the "← Your partnerships" link above the page's own content.
import Link from "next/link";
import { UserMenu } from "@/components/dashboard/user-menu";
import { Logo } from "@/components/ui/logo";
import { cn } from "@/components/ui/cn";

export function PortalPage({
  user,
  width = "max-w-5xl",
  children,
}: {
  user: { name: string | null; email: string };
  width?: "max-w-3xl" | "max-w-5xl";
  children: React.ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <Link href="/portal" aria-label="Portal home">
          <Logo />
        </Link>
        <UserMenu name={user.name} email={user.email} accountHref="/portal/account" />
      </header>
      <main className={cn("mx-auto space-y-6 px-4 py-8 sm:px-8", width)}>
        <Link href="/portal" className="text-sm text-slate-500 hover:text-slate-900">
          ← Your partnerships
        </Link>
        {children}
      </main>
    </div>
  );
}
