// The HTTP side of a delivery, against a local server (private URLs allowed, tests/helpers/env.ts):
// what fetch used to do for us — headers, no redirects, a bounded body, a timeout — still holds.
import "../helpers/env";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook, RequestTimeoutError } from "@/lib/webhooks/post-webhook";
import { PrivateAddressError } from "@/lib/webhooks/private-addresses";
import { withEnv } from "../helpers/env";

type Route = (req: IncomingMessage, body: string, res: ServerResponse) => void;
const routes: Record<string, Route> = {
  "/echo": (req, body, res) =>
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ headers: req.headers, body, url: req.url })),
  "/moved": (_req, _body, res) => res.writeHead(302, { location: "/echo" }).end("see /echo"),
  "/big": (_req, _body, res) => res.writeHead(500).end("é".repeat(50_000)),
  "/silent": () => {},
  "/trickle": (_req, _body, res) => {
    res.writeHead(200);
    res.write("first");
  },
};

let base = "";
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => routes[new URL(req.url!, "http://x").pathname]!(req, Buffer.concat(chunks).toString("utf8"), res));
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const limits = { timeoutMs: 2_000, keepChars: 1_000 };
const send = (path: string, options = limits) =>
  postWebhook(`${base}${path}`, { headers: { "content-type": "application/json", "x-test": "1" }, body: '{"ok":"✓"}' }, options);

describe("postWebhook", () => {
  it("POSTs the body with the given headers, its byte length and the query string", async () => {
    const answer = await send("/echo?quiet");
    expect(answer.status).toBe(200);
    const echoed = JSON.parse(answer.body);
    expect(echoed).toMatchObject({
      body: '{"ok":"✓"}',
      url: "/echo?quiet",
      headers: { "content-type": "application/json", "x-test": "1", "content-length": String(Buffer.byteLength('{"ok":"✓"}')) },
    });
  });

  it("answers a redirect with its status instead of following it", async () => {
    expect(await send("/moved")).toEqual({ status: 302, body: "see /echo" });
  });

  it("keeps only the start of a large body", async () => {
    expect(await send("/big")).toEqual({ status: 500, body: "é".repeat(1_000) });
  });

  it("gives up after the timeout when nothing answers; a status already received still counts", async () => {
    const quick = { timeoutMs: 300, keepChars: 1_000 };
    await expect(send("/silent", quick)).rejects.toBeInstanceOf(RequestTimeoutError);
    expect(await send("/trickle", quick)).toEqual({ status: 200, body: "first" });
  });

  it("reports a closed port by its code, and refuses private targets without the hatch", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(postWebhook(`http://127.0.0.1:${port}/`, { headers: {}, body: "" }, limits)).rejects.toMatchObject({
      code: "ECONNREFUSED",
    });
    await withEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: undefined }, async () => {
      await expect(send("/echo")).rejects.toBeInstanceOf(PrivateAddressError);
      await expect(postWebhook(`${base.replace("127.0.0.1", "localhost")}/echo`, { headers: {}, body: "" }, limits)).rejects.toBeInstanceOf(
        PrivateAddressError,
      );
    });
  });
});
