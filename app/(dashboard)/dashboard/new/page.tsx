import type { Metadata } from "next";
import { DashboardShell } from "@/components/dashboard/shell";
import { CreateProgramForm } from "@/components/programs/create-program-form";
import { Card, CardHeader } from "@/components/ui/card";
import { requireOwnerUser } from "@/lib/auth/guards";
import { shellProgramsOf } from "@/lib/programs/shell-programs";

export const metadata: Metadata = { title: "New program" };

export default async function NewProgramPage() {
  const user = await requireOwnerUser("/dashboard/new");
  const programs = await shellProgramsOf(user.id);
  return (
    <DashboardShell user={user} programs={programs}>
      <Card className="mx-auto max-w-2xl">
        <CardHeader title="New program" description="You can change every setting later." />
        <div className="p-5">
          <CreateProgramForm />
        </div>
      </Card>
    </DashboardShell>
  );
}
