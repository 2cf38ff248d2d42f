// Sections of a program in the owner workspace, in sidebar order. A feature adds its page under
// app/(dashboard)/dashboard/[programId]/<segment>/ and one entry here.
export interface ProgramSection {
  segment: string; // "" = the overview
  label: string;
}

export const PROGRAM_SECTIONS: ProgramSection[] = [
  { segment: "", label: "Overview" },
  { segment: "install", label: "Install & verify" },
  { segment: "partners", label: "Partners" },
  { segment: "links", label: "Links" },
  { segment: "coupons", label: "Coupons" },
  { segment: "reports", label: "Reports" },
  { segment: "activity", label: "Activity" },
  { segment: "commissions", label: "Commissions" },
  { segment: "payouts", label: "Payouts" },
  { segment: "webhooks", label: "Webhooks" },
  { segment: "outbox", label: "Outbox" },
  { segment: "settings", label: "Settings" },
];
