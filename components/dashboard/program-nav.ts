// Sections of a program in the owner workspace, in sidebar order. A feature adds its page under
// app/(dashboard)/dashboard/[programId]/<segment>/ and one entry here.
export interface ProgramSection {
  segment: string; // "" = the overview
  label: string;
}

export const PROGRAM_SECTIONS: ProgramSection[] = [
  { segment: "", label: "Overview" },
  { segment: "settings", label: "Settings" },
];
