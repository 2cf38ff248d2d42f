import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DashboardShell } from "@/components/dashboard/shell";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireOwnerUser } from "@/lib/auth/guards";
import { shellProgramsOf } from "@/lib/programs/shell-programs";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardIndex() {
  const user = await requireOwnerUser("/dashboard");
  const programs = await shellProgramsOf(user.id);
  if (programs[0]) redirect(`/dashboard/${programs[0].id}`);
  return (
    <DashboardShell user={user} programs={programs}>
      <Card className="mx-auto max-w-xl px-8 py-12 text-center">
        <h1 className="text-lg font-semibold">Create your first partner program</h1>
        <p className="mt-2 text-sm text-slate-500">
          A program holds your partners, their referral links, the tracking of clicks, signups and sales, and the commissions you pay. It
          takes a minute: name, website, currency and commission.
        </p>
        <Link href="/dashboard/new" className={buttonClass("primary", "mt-6")}>
          Create a program
        </Link>
      </Card>
    </DashboardShell>
  );
}
