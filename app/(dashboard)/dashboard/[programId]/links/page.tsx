import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateLinkForm } from "@/components/links/create-link-form";
import { LinkList } from "@/components/links/link-list";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwnerUser } from "@/lib/auth/guards";
import { roleAtLeast } from "@/lib/auth/roles";
import { listPartnerOptions } from "@/lib/partners/partner-options";
import { requireProgramRole } from "@/lib/programs/access";
import { getProgram } from "@/lib/programs/get-program";

export const metadata: Metadata = { title: "Links" };

export default async function LinksPage({ params }: { params: Promise<{ programId: string }> }) {
  const { programId } = await params;
  const user = await requireOwnerUser(`/dashboard/${programId}/links`);
  const role = await requireProgramRole(user.id, programId, "VIEWER").catch(() => notFound());
  const [program, partners] = await Promise.all([
    getProgram(programId),
    listPartnerOptions(programId, { activeOrPending: true, limit: 500 }),
  ]);
  const canEdit = roleAtLeast(role, "ADMIN");
  return (
    <div className="space-y-6">
      <PageHeader title="Links" description="Referral links of every partner: copy the full URL, turn a link off, compare their figures." />
      {canEdit ? (
        <Card>
          <CardHeader title="New link" description="A partner can have several links, e.g. one per landing page or campaign." />
          <div className="p-5">
            {partners.length ? (
              <CreateLinkForm programId={programId} partners={partners} websiteUrl={program.websiteUrl} />
            ) : (
              <p className="text-sm text-slate-500">Invite a partner first on the Partners page; links belong to a partner.</p>
            )}
          </div>
        </Card>
      ) : null}
      <LinkList
        programId={programId}
        canEdit={canEdit}
        currency={program.currency}
        emptyHint="Invite a partner: they get a first link automatically. Add more links above."
      />
    </div>
  );
}
