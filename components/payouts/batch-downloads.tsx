// The batch's files for the payment providers, downloaded from the dashboard's export route.
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

const FORMATS = [
  { format: "paypal", label: "PayPal Payouts CSV", note: "Partners paid by PayPal" },
  { format: "wise", label: "Wise batch CSV", note: "Bank (IBAN) and e-mail transfers" },
  { format: "generic", label: "Generic CSV", note: "Every payout, for your bank or books" },
] as const;

/** `href` null: the viewer role, which may not see the bank details the files carry. */
export function BatchDownloads({ href }: { href: ((format: string) => string) | null }) {
  if (!href)
    return (
      <Card>
        <CardHeader
          title="Download"
          description="The files carry partners' bank accounts and PayPal addresses: admins and owners download them."
        />
      </Card>
    );
  return (
    <Card>
      <CardHeader title="Download" description="Upload the file to your provider, then send the money." />
      <ul className="divide-y divide-slate-100">
        {FORMATS.map((f) => (
          <li key={f.format} className="flex items-center justify-between gap-3 px-5 py-3">
            <div>
              <p className="text-sm font-medium text-slate-900">{f.label}</p>
              <p className="text-xs text-slate-500">{f.note}</p>
            </div>
            <a href={href(f.format)} className={buttonClass("secondary")} download>
              Download
            </a>
          </li>
        ))}
      </ul>
    </Card>
  );
}
