import { db } from "@/lib/db";

/** The programs a user is a member of, oldest first, with the user's role in each (the dashboard's program switcher). */
export function listProgramsOf(userId: string) {
  return db.program.findMany({
    where: { members: { some: { userId } } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, currency: true, testMode: true, members: { where: { userId }, select: { role: true } } },
  });
}
