"use server";

import { programAction } from "@/lib/dashboard/action";
import { getInstallChecklist } from "@/lib/install/checklist";

export async function installChecklistAction(programId: string) {
  return programAction(programId, "VIEWER", () => getInstallChecklist(programId));
}
