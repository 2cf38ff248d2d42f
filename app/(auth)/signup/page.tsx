import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";
import { currentUser, homeFor } from "@/lib/auth/guards";
import { ownerSignUpOpen } from "@/lib/users/signup-policy";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  const user = await currentUser();
  if (user) redirect(homeFor(user));
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight">Start your partner program</h1>
      <p className="mt-1 mb-6 text-sm text-slate-500">Create an owner account; you will set up your first program next.</p>
      {(await ownerSignUpOpen()) ? (
        <SignUpForm />
      ) : (
        <p className="rounded-lg bg-slate-50 p-4 text-sm text-slate-600 ring-1 ring-slate-200" data-testid="signup-closed">
          Sign-up is by invitation on this server. Ask an owner of a program to invite you to its team; partners join through a program's
          application link or an invite.
        </p>
      )}
      <p className="mt-6 text-center text-sm text-slate-500">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
