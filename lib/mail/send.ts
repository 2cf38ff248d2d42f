// Outgoing e-mail. Production: SMTP from SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for
// implicit TLS; credentials in the URL) with MAIL_FROM as sender. Without SMTP_URL (development,
// tests) each mail is written as a .eml file under <data dir>/mail/ and its path is logged, so a
// developer can open invite links without a mail server.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { setting } from "@/lib/env";
import { log } from "@/lib/log";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** An HTML alternative (notifications); text-only mails stay plain. */
  html?: string;
  replyTo?: string;
  /** Shown before MAIL_FROM's address: `"<fromName>" <address>`. */
  fromName?: string;
  /** e.g. List-Unsubscribe, List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  /** A stable Message-ID (`<id@host>`): a resend after a crash carries the same id, so clients can fold it. */
  messageId?: string;
}

/** MAIL_FROM with another display name: the program's name on its notifications. */
function fromOf(mailFrom: string, name?: string): string {
  if (!name) return mailFrom;
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return `"${name.replace(/["\\\r\n]/g, "")}" <${address}>`;
}

function nodemailerMessage(mail: Mail, from: string) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    replyTo: mail.replyTo,
    headers: mail.headers,
    messageId: mail.messageId,
  };
}

export interface SentMail {
  /** "smtp" when handed to the server, "file" when written to disk (development). */
  transport: "smtp" | "file";
  /** The .eml path when written to disk. */
  path?: string;
}

export function mailDir(): string {
  return join(resolve(setting("PARTNERLOOP_DATA_DIR")), "mail");
}

/** RFC 5322 message text, enough for a mail client to open the file. */
function toEml(mail: Mail, from: string): string {
  const subject = /^[\x20-\x7e]*$/.test(mail.subject) ? mail.subject : `=?UTF-8?B?${Buffer.from(mail.subject).toString("base64")}?=`;
  return [
    `From: ${from}`,
    `To: ${mail.to}`,
    `Subject: ${subject}`,
    `Date: ${new Date().toUTCString()}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: 8bit",
    "",
    mail.text,
  ].join("\r\n");
}

export async function sendMail(mail: Mail): Promise<SentMail> {
  const config = { SMTP_URL: setting("SMTP_URL"), MAIL_FROM: setting("MAIL_FROM") };
  if (config.SMTP_URL) {
    const { createTransport } = await import("nodemailer");
    const transport = createTransport(config.SMTP_URL);
    await transport.sendMail(nodemailerMessage(mail, fromOf(config.MAIL_FROM, mail.fromName)));
    log.info("mail sent", { to: mail.to, subject: mail.subject });
    return { transport: "smtp" };
  }
  const dir = mailDir();
  await mkdir(dir, { recursive: true });
  const slug = mail.to.replace(/[^a-zA-Z0-9@.-]/g, "_");
  const path = join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${slug}-${Math.random().toString(36).slice(2, 8)}.eml`);
  if (mail.html || mail.headers) {
    // multipart: nodemailer builds the MIME message; plain mails keep the simple 8-bit form below
    const { createTransport } = await import("nodemailer");
    const built = await createTransport({ streamTransport: true, buffer: true }).sendMail(
      nodemailerMessage(mail, fromOf(config.MAIL_FROM, mail.fromName)),
    );
    await writeFile(path, built.message as Buffer);
  } else await writeFile(path, toEml(mail, config.MAIL_FROM), "utf8");
  log.info("mail written (no SMTP_URL set)", { to: mail.to, subject: mail.subject, path });
  return { transport: "file", path };
}
