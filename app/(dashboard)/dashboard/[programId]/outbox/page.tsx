import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OutboxTable } from "@/components/notifications/outbox-table";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { listOutbox, previewNotification } from "@/lib/notifications/outbox";
import { requireProgramRole } from "@/lib/programs/access";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ programId: string }>;
  searchParams: Promise<{ preview?: string }>;
}) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/outbox`);
  await requireProgramRole(user.id, programId, "OWNER").catch(() => notFound());
  const { preview } = await searchParams;
  const [rows, mail] = await Promise.all([
    listOutbox(programId),
    preview ? previewNotification(programId, preview.slice(0, 64)).catch(() => null) : null,
  ]);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Outbox"
        description="Every mail this program sends: queued, sent, skipped (turned off by the recipient or the program) or failed."
      />
      {mail ? (
        <Card className="overflow-hidden">
          <CardHeader title={mail.subject} description={`To ${mail.toEmail}`} />
          <iframe
            title="Mail preview"
            sandbox=""
            srcDoc={mail.html}
            className="block h-[28rem] w-full max-w-full border-t border-slate-100 bg-white"
          />
          <details className="border-t border-slate-100 px-5 py-3 text-sm">
            <summary className="cursor-pointer text-slate-600">Text part</summary>
            <pre className="mt-2 whitespace-pre-wrap font-mono text-xs text-slate-700">{mail.text}</pre>
          </details>
          <div className="border-t border-slate-100 px-5 py-3 text-right">
            <Link href="?" className="text-sm text-slate-500 hover:text-slate-900">
              Close preview
            </Link>
          </div>
        </Card>
      ) : null}
      <Card>
        <CardHeader
          title="Mails"
          description="Newest first. A failed mail is retried after 1 min, 5 min, 30 min and 2 h, then kept here."
        />
        <OutboxTable programId={programId} rows={rows} />
      </Card>
    </div>
  );
}
