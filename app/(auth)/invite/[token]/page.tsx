import type { Metadata } from "next";
import Link from "next/link";
import { AcceptAsUserButton, AcceptInviteForm } from "@/components/invites/account-forms";
import { InviteIntro } from "@/components/invites/invite-intro";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/guards";
import { getInvite } from "@/lib/invites/accept-invite";

export const metadata: Metadata = { title: "Accept your invite" };

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
      <div className="mt-2 text-sm text-slate-600">{children}</div>
    </Card>
  );
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, user] = await Promise.all([getInvite(token), currentUser()]);
  if (!invite)
    return (
      <Message title="This invite link is not valid">Check that you copied the whole link, or ask the program for a new invite.</Message>
    );
  const signInHref = `${invite.kind === "PARTNER" ? "/partner/login" : "/login"}?next=${encodeURIComponent(`/invite/${token}`)}`;
  if (invite.state === "accepted") {
    return (
      <Message title="This invite has already been used">
        <Link href={invite.kind === "PARTNER" ? "/partner/login" : "/login"} className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>{" "}
        with the account that accepted it.
      </Message>
    );
  }
  if (invite.state === "expired")
    return <Message title="This invite has expired">Ask {invite.program.name} to send you a new one.</Message>;

  const asPartner = invite.kind === "PARTNER";
  return (
    <Card className="p-6 sm:p-8">
      <p
        className={`mb-2 inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${
          asPartner ? "bg-emerald-50 text-emerald-700 ring-emerald-200" : "bg-brand-50 text-brand-700 ring-brand-100"
        }`}
      >
        {asPartner ? "Partner invite" : `Team invite · ${invite.role?.toLowerCase()}`}
      </p>
      <h1 className="text-xl font-semibold tracking-tight">Join {invite.program.name}</h1>
      <InviteIntro asPartner={asPartner} coupons={invite.coupons} />
      {user ? (
        <div className="space-y-3 text-sm">
          <p className="text-slate-600">
            You are signed in as <span className="font-medium text-slate-900">{user.email}</span>.
          </p>
          <AcceptAsUserButton token={token} label={asPartner ? "Join as partner" : "Join the team"} />
        </div>
      ) : invite.accountExists ? (
        <p className="text-sm text-slate-600">
          An account with {invite.email} exists.{" "}
          <Link href={signInHref} className="font-medium text-brand-600 hover:underline">
            Sign in to accept
          </Link>
          .
        </p>
      ) : (
        <AcceptInviteForm
          token={token}
          email={invite.email}
          submitLabel={asPartner ? "Create partner account" : "Create account and join"}
        />
      )}
    </Card>
  );
}
