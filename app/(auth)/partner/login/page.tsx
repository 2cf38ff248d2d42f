import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ForgotPasswordLink, SignInNotice, type SignInSearch } from "@/components/auth/sign-in-notice";
import { Card } from "@/components/ui/card";
import { currentUser, homeFor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Partner sign in" };

export default async function PartnerLoginPage({ searchParams }: { searchParams: Promise<SignInSearch> }) {
  const user = await currentUser();
  if (user) redirect(homeFor(user));
  const search = await searchParams;
  const { next } = search; // e.g. back to an invite or application page; checked again by the sign-in action
  return (
    <Card className="p-6 sm:p-8">
      <p className="mb-2 inline-flex rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">
        Partner portal
      </p>
      <h1 className="text-xl font-semibold tracking-tight">Sign in as a partner</h1>
      <p className="mt-1 mb-6 text-sm text-slate-500">Your links, clicks, referrals and earnings.</p>
      <div className="mb-4 empty:hidden">
        <SignInNotice search={search} />
      </div>
      <SignInForm next={next?.startsWith("/") ? next : "/portal"} email={search.email} />
      <p className="mt-3 text-right text-sm">
        <ForgotPasswordLink />
      </p>
      <p className="mt-6 text-center text-sm text-slate-500">
        Running a program?{" "}
        <Link href="/login" className="font-medium text-brand-600 hover:underline">
          Owner sign-in
        </Link>
      </p>
    </Card>
  );
}
