import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProgramFacts } from "@/components/dashboard/program-facts";
import { ApiKeys } from "@/components/settings/api-keys";
import { ProgramSettingsForm } from "@/components/settings/program-settings-form";
import { settingsValues } from "@/components/settings/settings-values";
import { StripeCard } from "@/components/settings/stripe-card";
import { TeamMembers } from "@/components/settings/team-members";
import { SystemLink } from "@/components/system/system-link";
import { Card, CardHeader } from "@/components/ui/card";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { requireProgramRole } from "@/lib/programs/access";
import { getProgram } from "@/lib/programs/get-program";
import { getStripeConnection } from "@/lib/stripe/connection";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/settings`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const [program, stripe] = await Promise.all([getProgram(programId), getStripeConnection(programId)]);
  const canEdit = roleAtLeast(role, "ADMIN");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <Card>
        <CardHeader title="General" description="Tracking, commission and payout rules of this program." />
        <div className="p-5">
          <ProgramSettingsForm programId={programId} initial={settingsValues(program)} canEdit={canEdit} />
        </div>
      </Card>
      <StripeCard programId={programId} stripe={stripe} canEdit={canEdit} />
      <Card id="api-keys">
        <CardHeader
          title="API keys"
          description="Your server authenticates lead, sale and refund calls with a key (Authorization: Bearer pl_sk_…)."
        />
        <p className="px-5 pt-4 text-sm text-slate-500">
          Scripts that manage the program (the management API) use your personal tokens instead:{" "}
          <a href="/dashboard/account#api-tokens" className="font-medium text-brand-600 hover:underline">
            Account → API tokens
          </a>
          .
        </p>
        <div className="p-5">
          <ApiKeys programId={programId} canEdit={canEdit} />
        </div>
      </Card>
      <Card id="team">
        <CardHeader title="Team" description="People who run this program with you." />
        <div className="p-5">
          <TeamMembers programId={programId} canManage={roleAtLeast(role, "OWNER")} currentUserId={user.id} />
        </div>
      </Card>
      {roleAtLeast(role, "OWNER") ? <SystemLink programId={programId} /> : null}
      <ProgramFacts program={program} />
    </div>
  );
}
