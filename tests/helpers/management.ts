// Calling management API route handlers directly, as Next.js would: a Request and a params promise.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { newClickToken } from "@/lib/ids";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { createApiToken } from "@/lib/users/api-tokens";
import { makeUser } from "./factories";

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

export interface CallOptions {
  token?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** A raw body, sent as is (malformed JSON). */
  rawBody?: string;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
}

/** Calls a route handler (GET, POST, …) with a Bearer token and returns status and parsed JSON. */
export async function call<T = any>(handler: unknown, method: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const url = new URL("http://test.local/api/v1/x");
  for (const [key, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const hasBody = options.body !== undefined || options.rawBody !== undefined;
  if (hasBody) headers["content-type"] = "application/json";
  const request = new Request(url, { method, headers, body: hasBody ? (options.rawBody ?? JSON.stringify(options.body)) : undefined });
  const response = await (handler as Handler)(request, { params: Promise.resolve(options.params ?? {}) as Promise<never> });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** An owner account with a personal API token. */
export async function makeTokenUser() {
  const user = await makeUser();
  const { id: tokenId, token } = await createApiToken({ email: user.email, name: "test" });
  return { user, token, tokenId };
}

/** Another user holding `role` in the program, with a token. */
export async function makeMember(programId: string, role: MemberRole) {
  const member = await makeTokenUser();
  await db.programMember.create({ data: { programId, userId: member.user.id, role } });
  return member;
}

/** Unique-per-run code: test files share one database. */
export const uniqueCode = (label = "c") => `${label}-${randomUUID().slice(0, 8)}`;

export async function seedPartner(programId: string, overrides: { name?: string; status?: "PENDING" | "ACTIVE" | "SUSPENDED" } = {}) {
  const code = uniqueCode("p");
  const partner = await db.partner.create({
    data: {
      programId,
      code,
      name: overrides.name ?? `Partner ${code}`,
      email: `${code}@partners.test`,
      status: overrides.status ?? "ACTIVE",
    },
  });
  const link = await db.referralLink.create({
    data: { programId, partnerId: partner.id, code: uniqueCode("l"), destinationUrl: "https://shop.example/" },
  });
  return { partner, link };
}

export function seedClick(p: { programId: string; partnerId: string; linkId: string }, options: { createdAt?: Date; test?: boolean } = {}) {
  return db.click.create({
    data: {
      programId: p.programId,
      partnerId: p.partnerId,
      linkId: p.linkId,
      token: newClickToken(),
      test: options.test ?? false,
      createdAt: options.createdAt,
    },
  });
}

interface Attribution {
  programId: string;
  partnerId: string | null;
}

export function seedCustomer(
  p: Attribution,
  options: { createdAt?: Date; test?: boolean; status?: "CLICK" | "LEAD" | "CUSTOMER"; clickId?: bigint } = {},
) {
  return db.customer.create({
    data: {
      programId: p.programId,
      partnerId: p.partnerId,
      customerKey: uniqueCode("cust"),
      status: options.status ?? "LEAD",
      test: options.test ?? false,
      clickId: options.clickId,
      createdAt: options.createdAt,
    },
  });
}

export async function seedLead(p: Attribution, options: { createdAt?: Date; test?: boolean } = {}) {
  const customer = await seedCustomer(p, options);
  return db.lead.create({
    data: {
      programId: p.programId,
      customerId: customer.id,
      partnerId: p.partnerId,
      test: options.test ?? false,
      createdAt: options.createdAt,
    },
  });
}

export function seedSale(
  p: Attribution,
  options: {
    amount: number;
    refunded?: number;
    occurredAt?: Date;
    test?: boolean;
    currency?: string;
    clickId?: bigint;
    type?: "PAYMENT" | "SUBSCRIPTION";
  },
) {
  return db.sale.create({
    data: {
      programId: p.programId,
      partnerId: p.partnerId,
      transactionId: uniqueCode("txn"),
      amount: options.amount,
      refundedAmount: options.refunded ?? 0,
      currency: options.currency ?? "USD",
      clickId: options.clickId,
      type: options.type,
      test: options.test ?? false,
      occurredAt: options.occurredAt,
    },
  });
}

export function seedCommission(
  p: { programId: string; partnerId: string },
  options: {
    amount: number;
    status?: "PENDING" | "APPROVED" | "REJECTED" | "PAID" | "REVERSED";
    createdAt?: Date;
    test?: boolean;
    saleId?: number;
  },
) {
  return db.commission.create({
    data: {
      programId: p.programId,
      partnerId: p.partnerId,
      saleId: options.saleId,
      amount: options.amount,
      originalAmount: options.amount,
      currency: "USD",
      status: options.status ?? "PENDING",
      ruleSnapshot: { type: "PERCENTAGE", value: 2000 },
      test: options.test ?? false,
      createdAt: options.createdAt,
    },
  });
}
