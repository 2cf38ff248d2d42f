import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

interface PortalLink {
  id: string;
  code: string;
  url: string;
  status: string;
  clickCount: number;
}

/** The partner's referral links, each with a copy button and its clicks of the last 30 days. */
export function PortalLinks({ links, partnerStatus }: { links: PortalLink[]; partnerStatus: string }) {
  return (
    <Card>
      <CardHeader title="Your referral links" description="Share these; visits are credited to you for the program's cookie window." />
      {partnerStatus === "PENDING" ? (
        <p className="px-5 py-6 text-center text-sm text-slate-500">
          Your application is being reviewed. Your links appear here as soon as the program approves you.
        </p>
      ) : partnerStatus === "SUSPENDED" ? (
        <p className="px-5 py-6 text-center text-sm text-slate-500">
          Your partnership is suspended: your links record no clicks. Contact the program if you think this is a mistake.
        </p>
      ) : links.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-500">
          No links yet. The program owner creates your referral links; they will appear here with copy-ready URLs.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="portal-links">
          {links.map((link) => (
            <li key={link.id} className="flex flex-col gap-2 px-5 py-3 text-sm sm:flex-row sm:items-center">
              <code className="min-w-0 flex-1 truncate text-slate-800" data-testid="portal-link-url">
                {link.url}
              </code>
              <span className="flex shrink-0 items-center gap-3">
                {link.status !== "ACTIVE" ? <Badge>Inactive</Badge> : null}
                <span className="text-xs text-slate-500 tabular-nums">{link.clickCount.toLocaleString("en-US")} clicks · 30 days</span>
                <CopyButton value={link.url} label="Copy link" ariaLabel={`Copy link ${link.code}`} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
