import { listProgramsOf } from "@/lib/programs/list-programs-of";

/** A program in the dashboard's navigation, with the user's role in it (lower case). */
export interface ShellProgram {
  id: string;
  name: string;
  role: string;
}

export async function shellProgramsOf(userId: string): Promise<ShellProgram[]> {
  const programs = await listProgramsOf(userId);
  return programs.map((p) => ({ id: p.id, name: p.name, role: p.members[0]?.role.toLowerCase() ?? "viewer" }));
}
