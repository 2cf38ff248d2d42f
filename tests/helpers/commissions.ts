// Fixtures for the money side: attributed sales at a chosen time, owner actors, a local HTTP
// receiver for webhooks. Times are far in the future so that no real-time sweep ever sees them.
import "./env";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/audit/actor";
import { db } from "@/lib/db";
import { newClickToken } from "@/lib/ids";
import { recordSale, type SaleInput } from "@/lib/tracking/record-sale";
import { makeTrackingProgram } from "./tracking";

export const FUTURE = new Date("2036-03-01T10:00:00Z");
export const DAY = 86_400_000;
export const at = (days: number, from = FUTURE) => new Date(from.getTime() + days * DAY);

export type MoneyFixture = Awaited<ReturnType<typeof makeTrackingProgram>>;

export const ownerActor = (userId: string): Actor => ({ type: "USER", id: userId, userId });

/** A click on the partner's link shortly before `occurredAt`, then a sale crediting it. */
export async function attributedSale(
  fx: { program: { id: string }; partner: { id: string }; link: { id: string } },
  amount: number,
  options: { occurredAt?: Date; email?: string; productId?: string; currency?: string; subscriptionId?: string; ipHash?: string } & Partial<
    Pick<SaleInput, "type" | "isRecurring">
  > = {},
) {
  const occurredAt = options.occurredAt ?? FUTURE;
  const click = await db.click.create({
    data: {
      programId: fx.program.id,
      partnerId: fx.partner.id,
      linkId: fx.link.id,
      token: newClickToken(),
      createdAt: new Date(occurredAt.getTime() - 3_600_000),
      ipHash: options.ipHash,
    },
  });
  const result = await recordSale({
    programId: fx.program.id,
    transactionId: `txn_${randomUUID()}`,
    amount,
    currency: options.currency,
    clickToken: click.token,
    email: options.email,
    productId: options.productId,
    subscriptionId: options.subscriptionId,
    occurredAt,
    type: options.type ?? "PAYMENT",
    isRecurring: options.isRecurring ?? false,
    source: "API",
  });
  return { ...result, click };
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver: records every request; answers with the queued statuses, then 200. */
export async function startReceiver() {
  const requests: ReceivedRequest[] = [];
  const statuses: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "receiver says no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    /** Next answers, in order (e.g. [500, 503] then 200s). */
    failNext: (...codes: number[]) => statuses.push(...codes),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { makeTrackingProgram };
