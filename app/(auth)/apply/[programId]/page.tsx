import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplyAsUserButton, ApplyForm } from "@/components/invites/account-forms";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/guards";
import { getApplicationProgram } from "@/lib/invites/apply-to-program";
import { formatMoney } from "@/lib/money/currency";

export const metadata: Metadata = { title: "Become a partner" };

export default async function ApplyPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const [program, user] = await Promise.all([getApplicationProgram(programId), currentUser()]);
  if (!program) notFound();
  const rule = program.defaultRule;
  const offer = !rule
    ? null
    : rule.type === "PERCENTAGE"
      ? `${rule.value / 100}% of every sale you refer`
      : `${formatMoney(rule.value, program.currency)} for every sale you refer`;
  return (
    <Card className="p-6 sm:p-8">
      <p className="mb-2 inline-flex rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-700 ring-1 ring-emerald-200">
        Partner program
      </p>
      <h1 className="text-xl font-semibold tracking-tight">Become a partner of {program.name}</h1>
      <p className="mt-1 text-sm text-slate-500">
        {offer ? <>Earn {offer}. </> : null}
        {program.autoApprovePartners
          ? "You get your referral link right away."
          : "The program reviews applications; you can sign in to follow yours."}
      </p>
      <p className="mt-1 mb-6 text-xs text-slate-400">{program.websiteUrl}</p>
      {user?.kind === "PARTNER" ? (
        <div className="space-y-3 text-sm">
          <p className="text-slate-600">
            You are signed in as <span className="font-medium text-slate-900">{user.email}</span>.
          </p>
          <ApplyAsUserButton programId={program.id} />
        </div>
      ) : user ? (
        <p className="text-sm text-slate-600">
          You are signed in with a program owner account. Sign out to apply as a partner with another e-mail.
        </p>
      ) : (
        <>
          <ApplyForm programId={program.id} />
          <p className="mt-6 text-center text-sm text-slate-500">
            Already a partner elsewhere on Partnerloop?{" "}
            <Link
              href={`/partner/login?next=${encodeURIComponent(`/apply/${program.id}`)}`}
              className="font-medium text-brand-600 hover:underline"
            >
              Sign in
            </Link>
          </p>
        </>
      )}
    </Card>
  );
}
