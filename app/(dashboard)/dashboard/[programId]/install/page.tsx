import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CodeBlock, CodeTabs } from "@/components/install/code-block";
import { InstallChecklist } from "@/components/install/install-checklist";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { getInstallChecklist } from "@/lib/install/checklist";
import { getSnippetContext } from "@/lib/install/snippet-context";
import { serverExamples, trackerSnippet } from "@/lib/install/snippets";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Install & verify" };

export default async function InstallPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/install`);
  await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const [context, checklist] = await Promise.all([getSnippetContext(programId), getInstallChecklist(programId)]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Install & verify"
        description="Put the tracker on your site, send conversions from your server, and watch each step turn green."
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader
              title="1. Add the tracker to every page"
              description="In <head> or anywhere in <body>. It records partner clicks and proves the install."
            />
            <div className="space-y-3 p-5">
              <CodeBlock code={trackerSnippet(context)} label="HTML snippet" testId="tracker-snippet" wrap />
              <p className="text-sm text-slate-500">
                Program id <span className="font-mono text-slate-700">{programId}</span> is filled in. After a sign-up, call{" "}
                <code className="text-slate-700">partnerloop.signup(userId, email)</code> to credit the lead from the browser.
              </p>
            </div>
          </Card>
          <Card>
            <CardHeader
              title="2. Send leads and sales from your server"
              description="Authenticate with a program API key (Settings → API keys) in PARTNERLOOP_KEY."
            />
            <div className="p-5">
              <CodeTabs examples={serverExamples(context)} />
            </div>
          </Card>
        </div>
        <Card className="self-start xl:sticky xl:top-6">
          <InstallChecklist
            programId={programId}
            initial={checklist}
            allowedDomains={context.allowedDomains}
            exampleUrl={context.exampleUrl}
          />
        </Card>
      </div>
    </div>
  );
}
