import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { Card } from "@/components/ui/card";
import { authLinkState } from "@/lib/users/auth-links";

export const metadata: Metadata = { title: "Confirm your e-mail" };

const GONE = {
  used: "This address is confirmed already: sign in as a partner.",
  expired: "This link has expired (links work for 24 hours): apply again from the program's link.",
  unknown: "This link is not valid.",
};

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await authLinkState("EMAIL_VERIFICATION", token);
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight">Confirm your e-mail</h1>
      {state === "open" ? (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-500">
            Choose your password: your partner account and your application are made at once.
          </p>
          <ConfirmEmailForm token={token} />
        </>
      ) : (
        <p className="mt-3 text-sm text-slate-600">
          {GONE[state]}{" "}
          <Link href="/partner/login" className="font-medium text-brand-600 hover:underline">
            Partner sign-in
          </Link>
        </p>
      )}
    </Card>
  );
}
