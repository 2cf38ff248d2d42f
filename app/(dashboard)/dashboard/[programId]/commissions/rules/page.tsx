import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RuleForm } from "@/components/commissions/rule-form";
import { RuleItem } from "@/components/commissions/rule-item";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { createRuleAction } from "@/lib/actions/commissions";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { listRules } from "@/lib/commissions/manage-rules";
import { listPartnerOptions } from "@/lib/partners/partner-options";
import { requireProgramRole } from "@/lib/programs/access";
import { getProgram } from "@/lib/programs/get-program";

export const metadata: Metadata = { title: "Commission rules" };

export default async function RulesPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/commissions/rules`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const canEdit = roleAtLeast(role, "ADMIN");
  const [program, rules, partners] = await Promise.all([getProgram(programId), listRules(programId), listPartnerOptions(programId)]);
  return (
    <div className="space-y-6">
      <Link href={`/dashboard/${programId}/commissions`} className="text-sm text-slate-500 hover:text-slate-900">
        ← Commissions
      </Link>
      <PageHeader
        title="Commission rules"
        description={
          "The most specific rule wins: partner + product, then product, then partner, then the program default. " +
          "Each commission keeps a copy of the rule it was earned under, so changes apply from now on."
        }
      />
      <Card>
        <CardHeader title="Rules" description={`${rules.length} rule${rules.length === 1 ? "" : "s"} · amounts in ${program.currency}`} />
        <ul className="divide-y divide-slate-100">
          {rules.map((rule) => (
            <RuleItem key={rule.id} programId={programId} rule={rule} currency={program.currency} canEdit={canEdit} />
          ))}
        </ul>
      </Card>
      {canEdit ? (
        <Card>
          <CardHeader title="Add an override" description="For one partner, one product, or one partner's sales of one product." />
          <div className="p-5">
            <RuleForm
              action={createRuleAction.bind(null, programId)}
              currency={program.currency}
              partners={partners}
              submitLabel="Add rule"
              idPrefix="new-rule"
            />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
