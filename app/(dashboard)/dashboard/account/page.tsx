import type { Metadata } from "next";
import { AccountSecurity } from "@/components/account/account-security";
import { ApiTokens } from "@/components/account/api-tokens";
import { DashboardShell } from "@/components/dashboard/shell";
import { MailPreferences } from "@/components/notifications/mail-preferences";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { shellProgramsOf } from "@/lib/programs/shell-programs";
import { listApiTokens } from "@/lib/users/api-tokens";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireOwnerUser("/dashboard/account");
  const [programs, tokens] = await Promise.all([shellProgramsOf(user.id), listApiTokens({ userId: user.id })]);
  return (
    <DashboardShell user={user} programs={programs}>
      <div className="space-y-6">
        <PageHeader title="Your account" description="Password, sessions and API tokens of your login." />
        <AccountSecurity email={user.email} />
        <ApiTokens tokens={tokens} />
        <MailPreferences userId={user.id} returnTo="/dashboard/account" />
      </div>
    </DashboardShell>
  );
}
