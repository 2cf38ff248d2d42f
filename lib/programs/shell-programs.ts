import { listProgramsOf } from "@/lib/programs/list-programs-of";
import type { ShellProgram } from "@/components/dashboard/shell";

export async function shellProgramsOf(userId: string): Promise<ShellProgram[]> {
  const programs = await listProgramsOf(userId);
  return programs.map((p) => ({ id: p.id, name: p.name, role: p.members[0]?.role.toLowerCase() ?? "viewer" }));
}
