import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";
import { currentUser, homeFor } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  const user = await currentUser();
  if (user) redirect(homeFor(user));
  return (
    <Card className="p-6 sm:p-8">
      <h1 className="text-xl font-semibold tracking-tight">Start your partner program</h1>
      <p className="mt-1 mb-6 text-sm text-slate-500">Create an owner account; you will set up your first program next.</p>
      <SignUpForm />
      <p className="mt-6 text-center text-sm text-slate-500">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-600 hover:underline">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
