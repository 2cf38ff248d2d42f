// One commission rule in the rules list: its scope, its terms in words, and (for admins) its
// delete button and the form to change its terms.
import { RuleForm, type RuleFormValues } from "@/components/commissions/rule-form";
import { ActionButton } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { deleteRuleAction, updateRuleAction } from "@/lib/actions/commissions";
import { describeRule, recurringLabel } from "@/lib/commissions/explain";
import type { listRules } from "@/lib/commissions/manage-rules";
import { scopeOf } from "@/lib/commissions/rule-schemas";
import { ruleSnapshot, type RuleScope } from "@/lib/commissions/rules";
import { formatMoney, fromMinorUnits } from "@/lib/money/currency";

const SCOPE_LABEL: Record<RuleScope, string> = {
  program: "Program default",
  partner: "Partner",
  product: "Product",
  partner_product: "Partner + product",
};

type Rule = Awaited<ReturnType<typeof listRules>>[number];

export function RuleItem({ programId, rule, currency, canEdit }: { programId: string; rule: Rule; currency: string; canEdit: boolean }) {
  const scope = scopeOf(rule);
  const snap = ruleSnapshot(rule, scope);
  const money = (n: number | null) => (n === null ? "" : fromMinorUnits(n, currency));
  const initial: RuleFormValues = {
    type: rule.type === "PERCENTAGE" ? "percentage" : "flat",
    value: rule.type === "PERCENTAGE" ? String(rule.value / 100) : money(rule.value),
    recurringLimitPayments: rule.recurringLimitPayments?.toString() ?? "",
    recurringLimitMonths: rule.recurringLimitMonths?.toString() ?? "",
    leadAmount: money(rule.leadAmount),
    minSaleAmount: money(rule.minSaleAmount),
  };
  return (
    <li className="px-5 py-4" data-testid="rule-row">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
            <Badge tone={scope === "program" ? "brand" : "gray"}>{SCOPE_LABEL[scope]}</Badge>
            {rule.partner ? <span>{rule.partner.name}</span> : null}
            {rule.productId ? <code className="rounded bg-slate-100 px-1.5 text-[13px]">{rule.productId}</code> : null}
          </p>
          <p className="mt-1 text-sm text-slate-700">
            <span className="font-semibold">{describeRule({ ...snap, type: rule.type }, currency)}</span>
            {" · "}
            {recurringLabel(snap)}
            {rule.leadAmount ? ` · ${formatMoney(rule.leadAmount, currency)} per first lead` : ""}
            {rule.minSaleAmount ? ` · sales from ${formatMoney(rule.minSaleAmount, currency)}` : ""}
          </p>
        </div>
        {canEdit && scope !== "program" ? (
          <ActionButton action={deleteRuleAction.bind(null, programId, rule.id)} variant="ghost" className="text-red-600">
            Delete
          </ActionButton>
        ) : null}
      </div>
      {canEdit ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Change terms</summary>
          <div className="mt-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
            <RuleForm
              action={updateRuleAction.bind(null, programId, rule.id)}
              currency={currency}
              initial={initial}
              submitLabel="Save rule"
              idPrefix={`rule-${rule.id}`}
            />
          </div>
        </details>
      ) : null}
    </li>
  );
}
