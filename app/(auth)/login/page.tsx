import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ForgotPasswordLink, SignInNotice, type SignInSearch } from "@/components/auth/sign-in-notice";
import { Card } from "@/components/ui/card";
import { currentUser, homeFor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SignInSearch> }) {
  const user = await currentUser();
  if (user) redirect(homeFor(user));
  const search = await searchParams;
  const { next } = search;
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight">Sign in to your workspace</h1>
      <p className="mt-1 mb-6 text-sm text-slate-500">Manage your partners, tracking and payouts.</p>
      <div className="mb-4 empty:hidden">
        <SignInNotice search={search} />
      </div>
      <SignInForm next={next} email={search.email} />
      <p className="mt-3 text-right text-sm">
        <ForgotPasswordLink />
      </p>
      <div className="mt-6 space-y-2 text-center text-sm text-slate-500">
        <p>
          New here?{" "}
          <Link href="/signup" className="font-medium text-brand-600 hover:underline">
            Create an account
          </Link>
        </p>
        <p>
          Are you a partner?{" "}
          <Link href="/partner/login" className="font-medium text-brand-600 hover:underline">
            Partner sign-in
          </Link>
        </p>
      </div>
    </Card>
  );
}
