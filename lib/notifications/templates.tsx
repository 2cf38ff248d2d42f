// The mails, as React components: one layout (program name, colour, logo, footer with the
// unsubscribe link; no images but the program's own logo, no tracking pixels) and one body per
// kind. `composeMail` returns subject, HTML and a text part written from the same facts, so the
// Outbox preview, the tests and the sent mail are the same render.
import type { ReactNode } from "react";
import { formatMoney } from "@/lib/money/currency";
import { KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { renderHtml } from "@/lib/notifications/render-html";

export interface MailContext {
  programName: string;
  locale: string;
  appUrl: string;
  color?: string;
  logoUrl?: string | null;
  /** Absent on required notices (a security notice cannot be turned off). */
  unsubscribeUrl?: string;
}

type Facts = Record<string, unknown>;

export interface ComposedMail {
  subject: string;
  html: string;
  text: string;
}

interface Body {
  subject: string;
  heading: string;
  lines: string[];
  action?: { label: string; url: string };
}

const str = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
const num = (v: unknown) => (typeof v === "number" ? v : Number(v) || 0);

function dateOf(value: unknown, locale: string): string | null {
  if (!value) return null;
  const d = new Date(str(value));
  return Number.isNaN(d.getTime()) ? null : new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(d);
}

/** Date and time (UTC) for a security notice: when exactly it happened matters. */
function momentOf(value: unknown, locale: string): string | null {
  const d = new Date(str(value));
  if (!value || Number.isNaN(d.getTime())) return null;
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d)} UTC`;
}

function money(rows: Facts[], locale: string): string {
  const currency = str(rows[0]?.currency) || "USD";
  return formatMoney(
    rows.reduce((sum, r) => sum + num(r.amount), 0),
    currency,
    locale,
  );
}

function commissionBody(kind: NotificationKind, rows: Facts[], ctx: MailContext): Body {
  const one = rows[0] ?? {};
  const total = money(rows, ctx.locale);
  const portal = { label: "Open your partner portal", url: `${ctx.appUrl}/portal` };
  const source = one.transactionId ? `from sale ${str(one.transactionId)}` : one.leadId ? "from a lead" : "an adjustment";
  if (kind === "commission_created") {
    if (rows.length > 1) {
      return {
        subject: `${rows.length} new commissions (${total})`,
        heading: `You earned ${rows.length} new commissions`,
        lines: [`Together they come to ${total}.`, "Each is approved when its hold ends."],
        action: portal,
      };
    }
    const due = dateOf(one.holdUntil, ctx.locale);
    return {
      subject: `New commission: ${total}`,
      heading: `You earned ${total}`,
      lines: [`A new commission of ${total}, ${source}.`, due ? `It is expected to be approved on ${due}.` : "It waits for review."],
      action: portal,
    };
  }
  if (kind === "commission_approved") {
    const subject = rows.length > 1 ? `${rows.length} commissions approved (${total})` : `Commission approved: ${total}`;
    return { subject, heading: subject, lines: [`${total} is now approved and will be in your next payout.`], action: portal };
  }
  if (kind === "commission_rejected") {
    return {
      subject: `Commission rejected: ${total}`,
      heading: "A commission was rejected",
      lines: [`Your commission of ${total}, ${source}, was rejected.`, `Reason: ${str(one.reason) || "none given"}.`],
      action: portal,
    };
  }
  return {
    subject: `Commission reversed: ${total}`,
    heading: "A commission was reversed",
    lines: [`Your commission ${source} was reversed after a refund; it now stands at ${total}.`],
    action: portal,
  };
}

function digestBody(one: Facts, ctx: MailContext): Body {
  const currency = str(one.currency) || "USD";
  const now = (one.current ?? {}) as Record<string, number>;
  const before = (one.previous ?? {}) as Record<string, number>;
  const change = (key: string, isMoney = false) => {
    const show = (v: number) => (isMoney ? formatMoney(v, currency, ctx.locale) : String(v));
    const delta = num(now[key]) - num(before[key]);
    return `${show(num(now[key]))} (${delta >= 0 ? "+" : "−"}${show(Math.abs(delta))} vs the day before)`;
  };
  const top = (Array.isArray(one.top) ? one.top : []) as Facts[];
  const waiting = num(one.waitingForReview);
  return {
    subject: `Daily digest for ${dateOf(one.day, ctx.locale) ?? "yesterday"}`,
    heading: `${ctx.programName} on ${dateOf(one.day, ctx.locale) ?? "yesterday"}`,
    lines: [
      `Clicks: ${change("clicks")}.`,
      `Leads: ${change("leads")}.`,
      `Sales: ${change("sales")}.`,
      `Revenue: ${change("revenue", true)}.`,
      `Commissions: ${change("commissions", true)}.`,
      top.length
        ? `Top partners: ${top.map((p) => `${str(p.name)} (${formatMoney(num(p.revenue), currency, ctx.locale)})`).join(", ")}.`
        : "No partner sales that day.",
      waiting ? `${waiting} commission${waiting === 1 ? "" : "s"} waiting for your review.` : "Nothing waits for review.",
    ],
    action: { label: "Open the dashboard", url: `${ctx.appUrl}/dashboard` },
  };
}

function bodyOf(kind: NotificationKind, rows: Facts[], ctx: MailContext): Body {
  const one = rows[0] ?? {};
  const name = ctx.programName;
  switch (kind) {
    case "commission_created":
    case "commission_approved":
    case "commission_rejected":
    case "commission_reversed":
      return commissionBody(kind, rows, ctx);
    case "payout_sent": {
      const total = money([one], ctx.locale);
      const period = [dateOf(one.periodStart, ctx.locale), dateOf(one.periodEnd, ctx.locale)].filter(Boolean).join(" – ");
      return {
        subject: `Payout sent: ${total}`,
        heading: `${name} paid you ${total}`,
        lines: [`Period: ${period}.`, `Sent to: ${str(one.destination)}.`, ...(one.reference ? [`Reference: ${str(one.reference)}.`] : [])],
      };
    }
    case "payout_details_changed":
      return {
        subject: "Your payout details were changed",
        heading: "Your payout details were changed",
        lines: [
          `The payout details of your partner account in ${name} were changed on ${momentOf(one.at, ctx.locale) ?? "today"}.`,
          `Payouts now go to: ${str(one.destination)}.`,
          "If you did not make this change, sign in, reset your password and enter your details again, then tell the program.",
        ],
      };
    case "application_received":
      return {
        subject: "We received your application",
        heading: `Thanks for applying to ${name}`,
        lines: ["The team reviews applications by hand; you will hear from us when it is decided."],
      };
    case "application_approved":
      return {
        subject: `Welcome to ${name}`,
        heading: `You are in: welcome to ${name}`,
        lines: [
          `Your partner code: ${str(one.code)}.`,
          ...(one.link ? [`Your referral link: ${str(one.link)}`] : []),
          ...(one.terms ? [`Program terms: ${str(one.terms)}`] : []),
        ],
        action: { label: "Open your partner portal", url: `${ctx.appUrl}/portal` },
      };
    case "application_rejected":
      return {
        subject: `Your application to ${name}`,
        heading: "Your application was not accepted",
        lines: [`${name} decided not to accept your application at this time.`],
      };
    case "owner_new_application":
      return {
        subject: `New partner application: ${str(one.partnerName)}`,
        heading: "A new partner applied",
        lines: [`${str(one.partnerName)} (${str(one.partnerEmail)}) applied to ${name} and waits for your review.`],
        action: { label: "Review applications", url: `${ctx.appUrl}/dashboard/partners?status=pending` },
      };
    case "owner_webhook_failing":
      return {
        subject: "A webhook endpoint is failing",
        heading: "A webhook endpoint is failing",
        lines: [`Deliveries to ${str(one.url)} keep failing.`, `Last error: ${str(one.error)}.`],
        action: { label: "Open webhooks", url: `${ctx.appUrl}/dashboard/settings` },
      };
    case "owner_digest":
      return digestBody(one, ctx);
    case "owner_stripe_signature_failed":
      return {
        subject: "Stripe webhook signatures are failing",
        heading: "Stripe webhook signatures are failing",
        lines: [
          "Stripe events reached your program with a signature that does not match its webhook secret; they were refused.",
          "Check the signing secret in Settings → Stripe.",
        ],
      };
  }
}

function Layout({ ctx, body }: { ctx: MailContext; body: Body }): ReactNode {
  const color = ctx.color ?? "#4f46e5";
  return (
    <html lang={ctx.locale}>
      <body style={{ margin: 0, background: "#f4f4f5", fontFamily: "system-ui, -apple-system, Segoe UI, sans-serif" }}>
        <table role="presentation" width="100%" cellPadding={0} cellSpacing={0}>
          <tbody>
            <tr>
              <td align="center" style={{ padding: "24px 12px" }}>
                <table role="presentation" width="100%" style={{ maxWidth: 560, background: "#ffffff", borderRadius: 8 }}>
                  <tbody>
                    <tr>
                      <td style={{ borderTop: `4px solid ${color}`, padding: "20px 24px 0", fontWeight: 600, color: "#18181b" }}>
                        {ctx.logoUrl ? <img src={ctx.logoUrl} alt={ctx.programName} height={32} /> : ctx.programName}
                      </td>
                    </tr>
                    <tr>
                      <td style={{ padding: "12px 24px 24px", color: "#27272a", fontSize: 15, lineHeight: 1.5 }}>
                        <h1 style={{ fontSize: 20, margin: "8px 0 12px" }}>{body.heading}</h1>
                        {body.lines.map((line) => (
                          <p key={line} style={{ margin: "0 0 10px" }}>
                            {line}
                          </p>
                        ))}
                        {body.action ? (
                          <p style={{ margin: "18px 0 0" }}>
                            <a
                              href={body.action.url}
                              style={{ background: color, color: "#ffffff", padding: "10px 16px", borderRadius: 6, textDecoration: "none" }}
                            >
                              {body.action.label}
                            </a>
                          </p>
                        ) : null}
                      </td>
                    </tr>
                  </tbody>
                </table>
                <p style={{ maxWidth: 560, color: "#71717a", fontSize: 12, margin: "12px auto" }}>
                  You receive this as a partner or team member of {ctx.programName}.{" "}
                  {ctx.unsubscribeUrl ? <a href={ctx.unsubscribeUrl}>Unsubscribe from these mails</a> : "This notice cannot be turned off."}
                </p>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
}

export function composeMail(kind: NotificationKind, rows: Facts[], ctx: MailContext): ComposedMail {
  const body = bodyOf(kind, rows, ctx);
  const footer = ctx.unsubscribeUrl ? `Unsubscribe from "${KINDS[kind].label}" mails: ${ctx.unsubscribeUrl}` : "";
  const text = [body.heading, "", ...body.lines, ...(body.action ? ["", `${body.action.label}: ${body.action.url}`] : [])];
  return {
    subject: `${ctx.programName}: ${body.subject}`,
    html: `<!DOCTYPE html>${renderHtml(<Layout ctx={ctx} body={body} />)}`,
    text: [...text, "", "—", ctx.programName, footer].filter((l, i, all) => l !== "" || all[i - 1] !== "").join("\n"),
  };
}
