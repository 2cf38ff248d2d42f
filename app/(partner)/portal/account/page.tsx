import type { Metadata } from "next";
import { AccountSecurity } from "@/components/account/account-security";
import { MailPreferences } from "@/components/notifications/mail-preferences";
import { PortalPage } from "@/components/portal/portal-page";
import { requirePartnerUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Your account" };

export default async function PortalAccountPage() {
  const user = await requirePartnerUser();
  return (
    <PortalPage user={user} width="max-w-3xl">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <AccountSecurity email={user.email} />
      <MailPreferences userId={user.id} returnTo="/portal/account" />
    </PortalPage>
  );
}
