// Fixtures for the tracking API: a program with partners, links and an API key, and request
// builders for route handlers called directly.
import "./env";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { newApiKeyPublic, newApiKeySecret } from "@/lib/ids";
import { makeProgram } from "./factories";
import type { CreateProgramInput } from "@/lib/programs/schemas";

export const SITE = "https://shop.example";

export async function makeTrackingProgram(overrides: Partial<CreateProgramInput> = {}) {
  const { owner, program } = await makeProgram({ websiteUrl: `${SITE}/`, ...overrides });
  const apiKey = newApiKeySecret();
  await db.apiKey.create({
    data: { programId: program.id, name: "test", prefix: apiKey.slice(0, 12), publicKey: newApiKeyPublic(), secretHash: sha256Hex(apiKey) },
  });
  const suffix = randomUUID().slice(0, 8);
  const partner = await db.partner.create({
    data: { programId: program.id, code: `p${suffix}`, name: "Pat Partner", email: `pat-${suffix}@partners.test`, status: "ACTIVE" },
  });
  const link = await db.referralLink.create({
    data: { programId: program.id, partnerId: partner.id, code: `code${suffix}`, destinationUrl: `${SITE}/` },
  });
  return { owner, program, apiKey, partner, link };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route's typed params
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

export async function call(
  handler: Handler,
  init: { body?: unknown; headers?: Record<string, string>; method?: string; params?: Record<string, string>; url?: string } = {},
) {
  const request = new Request(init.url ?? "http://app.test/api", {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as Record<string, any> };
}

export const fromSite = { origin: SITE };
export const withKey = (key: string) => ({ authorization: `Bearer ${key}` });

/** Rows of a program, to assert that a rejected request wrote nothing. */
export async function rowCounts(programId: string) {
  const [clicks, customers, leads, sales, commissions, refunds, heartbeats, cartBindings] = await Promise.all([
    db.click.count({ where: { programId } }),
    db.customer.count({ where: { programId } }),
    db.lead.count({ where: { programId } }),
    db.sale.count({ where: { programId } }),
    db.commission.count({ where: { programId } }),
    db.refund.count({ where: { programId } }),
    db.installHeartbeat.count({ where: { programId } }),
    db.cartBinding.count({ where: { programId } }),
  ]);
  return { clicks, customers, leads, sales, commissions, refunds, heartbeats, cartBindings };
}

/** A second active partner with its own link in the fixture's program. */
export async function addPartner(programId: string, label = "two") {
  const suffix = `${label}${randomUUID().slice(0, 6)}`;
  const partner = await db.partner.create({
    data: { programId, code: `p${suffix}`, name: `Partner ${label}`, email: `${suffix}@partners.test`, status: "ACTIVE" },
  });
  const link = await db.referralLink.create({ data: { programId, partnerId: partner.id, code: `l${suffix}`, destinationUrl: `${SITE}/` } });
  return { partner, link };
}
