import { db } from "@/lib/db";
import { ApiError } from "@/lib/kernel/errors";
import type { ProgramWithRule } from "@/lib/programs/serialize";

/** A program with its default commission rule; callers check membership first. */
export async function getProgram(programId: string): Promise<ProgramWithRule> {
  const program = await db.program.findUnique({ where: { id: programId }, include: { defaultRule: true } });
  if (!program) throw new ApiError("not_found", "Program not found");
  return program;
}
