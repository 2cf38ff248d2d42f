import { Card, CardHeader } from "@/components/ui/card";
import { formatMoney } from "@/lib/money/currency";

interface ProgramFactsProps {
  program: {
    id: string;
    clientId: number;
    currency: string;
    cookieWindowDays: number;
    holdDays: number;
    referralParam: string;
    referralParamAliases: string[];
    allowedDomains: string[];
    defaultRule: { type: string; value: number } | null;
  };
}

export function ProgramFacts({ program }: ProgramFactsProps) {
  const rule = program.defaultRule;
  const commission = !rule
    ? "none"
    : rule.type === "PERCENTAGE"
      ? `${rule.value / 100}% of each sale`
      : `${formatMoney(rule.value, program.currency)} per sale`;
  const facts: Array<[string, string]> = [
    ["Program id", program.id],
    ["Numeric client id", String(program.clientId)],
    ["Referral parameter", [program.referralParam, ...program.referralParamAliases].map((p) => `?${p}=`).join("  ")],
    ["Allowed domains", program.allowedDomains.join(", ") || "none yet"],
    ["Cookie window", `${program.cookieWindowDays} days`],
    ["Default commission", commission],
    ["Hold period", `${program.holdDays} days before approval`],
  ];
  return (
    <Card>
      <CardHeader title="Program settings" description="What the tracker and the API use for this program" />
      <dl className="grid gap-x-8 gap-y-3 px-5 py-4 text-sm sm:grid-cols-2">
        {facts.map(([term, value]) => (
          <div key={term} className="flex flex-col">
            <dt className="text-xs text-slate-500">{term}</dt>
            <dd className="font-mono text-[13px] break-all text-slate-800">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
