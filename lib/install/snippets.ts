// The code a program pastes into its site and its backend, with its own ids filled in.
export interface SnippetContext {
  appUrl: string;
  programId: string;
  referralParam: string;
  exampleUrl: string; // a referral URL of the program, or its website with ?<param>=CODE
}

export function trackerSnippet({ appUrl, programId }: SnippetContext): string {
  return `<script async src="${new URL("/js/tracker.js", appUrl)}" data-program-id="${programId}"></script>`;
}

export interface ServerExample {
  id: "click" | "lead" | "sale";
  title: string;
  description: string;
  curl: string;
  js: string;
}

export function serverExamples(c: SnippetContext): ServerExample[] {
  const api = (path: string) => new URL(path, c.appUrl).toString();
  return [
    {
      id: "click",
      title: "Click",
      description:
        "The tracker records clicks by itself. From a server (or a redirect you run), send the visited referral URL; keep the " +
        "returned click_id in a cookie.",
      curl: `curl -X POST ${api("/api/v1/track/click")} \\
  -H "Authorization: Bearer $PARTNERLOOP_KEY" \\
  -H 'Content-Type: application/json' \\
  -d '{"program_id":"${c.programId}","affiliate_url":"${c.exampleUrl}"}'`,
      js: `const res = await fetch("${api("/api/v1/track/click")}", {
  method: "POST",
  headers: { Authorization: \`Bearer \${process.env.PARTNERLOOP_KEY}\`, "Content-Type": "application/json" },
  body: JSON.stringify({ program_id: "${c.programId}", affiliate_url: req.url }),
});
const { click_id } = await res.json(); // store it as the partnerloop_click_id cookie`,
    },
    {
      id: "lead",
      title: "Lead (sign-up)",
      description: "After a visitor signs up, send their click id (the partnerloop_click_id cookie) and your own user id.",
      curl: `curl -X POST ${api("/api/v1/track/lead")} \\
  -H "Authorization: Bearer $PARTNERLOOP_KEY" \\
  -H 'Content-Type: application/json' \\
  -d '{"click_id":"clk_…","customer_key":"user_123","email":"user@example.com"}'`,
      js: `await fetch("${api("/api/v1/track/lead")}", {
  method: "POST",
  headers: { Authorization: \`Bearer \${process.env.PARTNERLOOP_KEY}\`, "Content-Type": "application/json" },
  body: JSON.stringify({
    click_id: req.cookies.partnerloop_click_id,
    customer_key: user.id,
    email: user.email,
  }),
});`,
    },
    {
      id: "sale",
      title: "Sale",
      description:
        "When a customer pays, send the amount in minor units (cents) with your transaction id; a repeat of the same id counts once.",
      curl: `curl -X POST ${api("/api/v1/track/sale")} \\
  -H "Authorization: Bearer $PARTNERLOOP_KEY" \\
  -H 'Content-Type: application/json' \\
  -d '{"transaction_id":"txn_1","customer_key":"user_123","amount_cents":9900,"currency":"USD"}'`,
      js: `await fetch("${api("/api/v1/track/sale")}", {
  method: "POST",
  headers: { Authorization: \`Bearer \${process.env.PARTNERLOOP_KEY}\`, "Content-Type": "application/json" },
  body: JSON.stringify({
    transaction_id: invoice.id,
    customer_key: user.id,
    amount_cents: invoice.amount_paid,
    currency: invoice.currency.toUpperCase(),
  }),
});`,
    },
  ];
}
