"use server";

import { action } from "@/lib/dashboard/action";
import { getInstallChecklist } from "@/lib/install/checklist";

export async function installChecklistAction(programId: string) {
  return action({ access: { programId, role: "VIEWER" } }, () => getInstallChecklist(programId));
}
