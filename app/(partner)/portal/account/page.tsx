import type { Metadata } from "next";
import Link from "next/link";
import { AccountSecurity } from "@/components/account/account-security";
import { UserMenu } from "@/components/dashboard/user-menu";
import { MailPreferences } from "@/components/notifications/mail-preferences";
import { Logo } from "@/components/ui/logo";
import { requirePartnerUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Your account" };

export default async function PortalAccountPage() {
  const user = await requirePartnerUser();
  return (
    <div className="min-h-screen">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 sm:px-8">
        <Link href="/portal" aria-label="Portal home">
          <Logo />
        </Link>
        <UserMenu name={user.name} email={user.email} accountHref="/portal/account" />
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-8">
        <Link href="/portal" className="text-sm text-slate-500 hover:text-slate-900">
          ← Your partnerships
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
        <AccountSecurity email={user.email} />
        <MailPreferences userId={user.id} returnTo="/portal/account" />
      </main>
    </div>
  );
}
