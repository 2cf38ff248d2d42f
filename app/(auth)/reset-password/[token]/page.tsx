import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { Card } from "@/components/ui/card";
import { authLinkState } from "@/lib/users/auth-links";

export const metadata: Metadata = { title: "Choose a new password" };

const GONE = {
  used: "This link has been used already.",
  expired: "This link has expired: links work for an hour.",
  unknown: "This link is not valid.",
};

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await authLinkState("PASSWORD_RESET", token);
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight">Choose a new password</h1>
      {state === "open" ? (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-500">Then sign in with it.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="mt-3 text-sm text-slate-600">
          {GONE[state]}{" "}
          <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
            Ask for a new link
          </Link>
        </p>
      )}
    </Card>
  );
}
