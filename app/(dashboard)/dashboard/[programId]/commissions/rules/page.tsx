import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RuleForm, type RuleFormValues } from "@/components/commissions/rule-form";
import { Badge } from "@/components/ui/badge";
import { ActionButton } from "@/components/ui/action-button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { createRuleAction, deleteRuleAction, updateRuleAction } from "@/lib/actions/commissions";
import { describeRule, recurringLabel } from "@/lib/commissions/explain";
import { listRules } from "@/lib/commissions/manage-rules";
import { ruleSnapshot, type RuleScope } from "@/lib/commissions/rules";
import { scopeOf } from "@/lib/commissions/rule-schemas";
import { db } from "@/lib/db";
import { formatMoney, fromMinorUnits } from "@/lib/money/currency";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Commission rules" };

const SCOPE_LABEL: Record<RuleScope, string> = { program: "Program default", partner: "Partner", product: "Product", partner_product: "Partner + product" };

export default async function RulesPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/commissions/rules`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const canEdit = roleAtLeast(role, "ADMIN");
  const [program, rules, partners] = await Promise.all([
    db.program.findUniqueOrThrow({ where: { id: programId }, select: { currency: true } }),
    listRules(programId),
    db.partner.findMany({ where: { programId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const money = (n: number | null) => (n === null ? "" : fromMinorUnits(n, program.currency));
  return (
    <div className="space-y-6">
      <Link href={`/dashboard/${programId}/commissions`} className="text-sm text-slate-500 hover:text-slate-900">← Commissions</Link>
      <PageHeader
        title="Commission rules"
        description="The most specific rule wins: partner + product, then product, then partner, then the program default. Each commission keeps a copy of the rule it was earned under, so changes apply from now on."
      />
      <Card>
        <CardHeader title="Rules" description={`${rules.length} rule${rules.length === 1 ? "" : "s"} · amounts in ${program.currency}`} />
        <ul className="divide-y divide-slate-100">
          {rules.map((rule) => {
            const scope = scopeOf(rule);
            const snap = ruleSnapshot(rule, scope);
            const initial: RuleFormValues = {
              type: rule.type === "PERCENTAGE" ? "percentage" : "flat", value: rule.type === "PERCENTAGE" ? String(rule.value / 100) : money(rule.value),
              recurringLimitPayments: rule.recurringLimitPayments?.toString() ?? "", recurringLimitMonths: rule.recurringLimitMonths?.toString() ?? "",
              leadAmount: money(rule.leadAmount), minSaleAmount: money(rule.minSaleAmount),
            };
            return (
              <li key={rule.id} className="px-5 py-4" data-testid="rule-row">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                      <Badge tone={scope === "program" ? "brand" : "gray"}>{SCOPE_LABEL[scope]}</Badge>
                      {rule.partner ? <span>{rule.partner.name}</span> : null}
                      {rule.productId ? <code className="rounded bg-slate-100 px-1.5 text-[13px]">{rule.productId}</code> : null}
                    </p>
                    <p className="mt-1 text-sm text-slate-700">
                      <span className="font-semibold">{describeRule({ ...snap, type: rule.type }, program.currency)}</span>
                      {" · "}{recurringLabel(snap)}
                      {rule.leadAmount ? ` · ${formatMoney(rule.leadAmount, program.currency)} per first lead` : ""}
                      {rule.minSaleAmount ? ` · sales from ${formatMoney(rule.minSaleAmount, program.currency)}` : ""}
                    </p>
                  </div>
                  {canEdit && scope !== "program" ? (
                    <ActionButton action={deleteRuleAction.bind(null, programId, rule.id)} variant="ghost" className="text-red-600">Delete</ActionButton>
                  ) : null}
                </div>
                {canEdit ? (
                  <details className="mt-3">
                    <summary className="cursor-pointer text-sm font-medium text-brand-700">Change terms</summary>
                    <div className="mt-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
                      <RuleForm action={updateRuleAction.bind(null, programId, rule.id)} currency={program.currency} initial={initial} submitLabel="Save rule" idPrefix={`rule-${rule.id}`} />
                    </div>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      </Card>
      {canEdit ? (
        <Card>
          <CardHeader title="Add an override" description="For one partner, one product, or one partner's sales of one product." />
          <div className="p-5">
            <RuleForm action={createRuleAction.bind(null, programId)} currency={program.currency} partners={partners} submitLabel="Add rule" idPrefix="new-rule" />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
