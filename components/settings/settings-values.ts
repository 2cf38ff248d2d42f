// A program as the settings form's initial values (money in minor units, percent as a number).
import type { ProgramWithRule } from "@/lib/programs/serialize";

export interface SettingsValues {
  name: string;
  websiteUrl: string;
  currency: string;
  cookieWindowDays: number;
  holdDays: number;
  minPayoutAmount: number;
  referralParams: string[];
  allowedDomains: string[];
  cleanupParams: boolean;
  testMode: boolean;
  autoApprovePartners: boolean;
  couponPrecedence: "CODE" | "LAST_CLICK";
  commission: { type: "percentage"; value: number } | { type: "flat"; value: number };
}

export function settingsValues(program: ProgramWithRule): SettingsValues {
  const rule = program.defaultRule;
  return {
    name: program.name,
    websiteUrl: program.websiteUrl,
    currency: program.currency,
    cookieWindowDays: program.cookieWindowDays,
    holdDays: program.holdDays,
    minPayoutAmount: program.minPayoutAmount,
    referralParams: [program.referralParam, ...program.referralParamAliases],
    allowedDomains: program.allowedDomains,
    cleanupParams: program.cleanupParams,
    testMode: program.testMode,
    autoApprovePartners: program.autoApprovePartners,
    couponPrecedence: program.couponPrecedence,
    commission: rule?.type === "FLAT" ? { type: "flat", value: rule.value } : { type: "percentage", value: (rule?.value ?? 2000) / 100 },
  };
}
