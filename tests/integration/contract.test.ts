// The contract test: the OpenAPI document is valid OpenAPI 3.1 for a third-party validator
// (@apidevtools/swagger-parser), and every documented operation, called with a valid request on a
// real database, answers a documented status whose body validates against the document's schema
// for it (ajv, JSON Schema 2020-12). A new endpoint without a request here fails the test.
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { setJobsMode } from "@/lib/jobs/queue";
import { openApiDocument } from "@/lib/openapi/document";
import { routeFileOf } from "@/lib/openapi/registry";
import { ROUTE_MODULES } from "@/lib/openapi/route-modules";
import { signCartToken } from "@/lib/tracking/cart-token";
import { makeTokenUser } from "../helpers/management";
import { connectStripe, paymentCheckout } from "../helpers/stripe";
import { SITE, makeTrackingProgram } from "../helpers/tracking";
import Stripe from "stripe";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe-token";

type Json = Record<string, any>;
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Recipe {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

const document = openApiDocument() as Json;
const operations = Object.entries(document.paths as Json).flatMap(([path, item]) =>
  Object.entries(item as Json).map(([method, operation]) => ({ path, method, operation: operation as Json })),
);

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1 for swagger-parser", async () => {
    const api = await SwaggerParser.validate(structuredClone(document) as never);
    expect((api as Json).openapi).toMatch(/^3\.1\./);
  });
});

describe("every documented operation answers what the document says", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "doc", components: document.components }, "doc");
  const validatorOf = (schema: Json) => ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')));

  let recipes: Record<string, () => Promise<Recipe>>;
  let ownerTokenId: string;
  beforeAll(async () => {
    const fx = await makeTrackingProgram();
    const owner = await makeTokenUser();
    ownerTokenId = owner.tokenId;
    await db.programMember.create({ data: { programId: fx.program.id, userId: owner.user.id, role: "OWNER" } });
    const auth = { authorization: `Bearer ${owner.token}` };
    const key = { authorization: `Bearer ${fx.apiKey}` };
    const apiKey = await db.apiKey.findFirstOrThrow({ where: { programId: fx.program.id } });
    const site = { origin: SITE };
    const id = fx.program.id;
    const clickOf = async () => {
      const click = await db.click.create({
        data: {
          programId: id,
          partnerId: fx.partner.id,
          linkId: fx.link.id,
          token: `clk_${crypto.randomUUID().replace(/-/g, "")}`,
          sessionId: `sess_${crypto.randomUUID()}`,
        },
      });
      return click;
    };
    const stripeSecret = await connectStripe(id);
    const saleId = `contract_${crypto.randomUUID()}`;
    let endpointId = "";
    const once = <T>(make: () => Promise<T>) => {
      let value: Promise<T> | undefined;
      return () => (value ??= make());
    };
    const sale = once(async () => {
      const res = await invoke("post", "/api/v1/track/sale", {
        headers: key,
        body: { transaction_id: saleId, amount_cents: 10_000, click_id: (await clickOf()).token },
      });
      return res;
    });
    const batch = once(async () => {
      await freshSale();
      await db.commission.updateMany({ where: { programId: id, status: "PENDING" }, data: { status: "APPROVED", approvedAt: new Date() } });
      const res = await invoke("post", "/api/v1/programs/{id}/payouts", {
        params: { id },
        headers: auth,
        body: { period_start: "2026-01-01", period_end: new Date().toISOString().slice(0, 10) },
      });
      return String(res.body.id);
    });
    const rule = once(async () => {
      const res = await invoke("post", "/api/v1/programs/{id}/commission-rules", {
        params: { id },
        headers: auth,
        body: { product_id: `sku_${crypto.randomUUID()}`, type: "flat", value: 100 },
      });
      return res.body.id as string;
    });
    const coupon = once(async () => {
      const res = await invoke("post", "/api/v1/programs/{id}/coupons", {
        params: { id },
        headers: auth,
        body: { code: `C${crypto.randomUUID().slice(0, 8)}`, partner_id: fx.partner.id },
      });
      return res.body.id as string;
    });
    const hook = once(async () => {
      const res = await invoke("post", "/api/v1/programs/{id}/webhooks", {
        params: { id },
        headers: auth,
        body: { url: "https://hooks.example.com/contract", events: ["sale.created"] },
      });
      endpointId = res.body.id;
      await sale();
      return endpointId;
    });
    const freshSale = async () =>
      invoke("post", "/api/v1/track/sale", {
        headers: key,
        body: { transaction_id: `f_${crypto.randomUUID()}`, amount_cents: 5_000, click_id: (await clickOf()).token },
      });
    const delivery = async () => {
      await hook();
      await freshSale(); // a sale.created delivery to the endpoint
      const row = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId } });
      return row.id;
    };
    const stripeEvent = paymentCheckout(4_900, {});
    const stripePayload = JSON.stringify(stripeEvent);
    recipes = {
      getHealth: async () => ({}),
      getReadiness: async () => {
        setJobsMode("timer"); // as once the workers have started (none run in tests)
        return {};
      },
      getMetrics: async () => {
        process.env.METRICS_TOKEN = "contract-metrics-token-0123456789";
        resetEnvCache();
        return { headers: { authorization: "Bearer contract-metrics-token-0123456789" } };
      },
      getSystemStatus: async () => ({ headers: auth }),
      retryJobQueue: async () => ({ params: { queue: "abuse-network-expiry" }, headers: auth }),
      listPrograms: async () => ({ headers: auth }),
      createProgram: async () => ({ headers: auth, body: { name: "Contract", website_url: "https://contract.example" } }),
      getProgram: async () => ({ params: { id }, headers: auth }),
      updateProgram: async () => ({ params: { id }, headers: auth, body: { name: "Contract program" } }),
      listApiKeys: async () => ({ params: { id }, headers: auth }),
      createApiKey: async () => ({ params: { id }, headers: auth, body: { name: "contract" } }),
      revokeApiKey: async () => {
        const created = await invoke("post", "/api/v1/programs/{id}/api-keys", {
          params: { id },
          headers: auth,
          body: { name: "to revoke" },
        });
        return { params: { id, keyId: created.body.id }, headers: auth };
      },
      listPartners: async () => ({ params: { id }, headers: auth }),
      createPartner: async () => ({
        params: { id },
        headers: auth,
        body: { name: "Contract Partner", email: `contract-${crypto.randomUUID()}@partners.test` },
      }),
      listLinks: async () => ({ params: { id }, headers: auth }),
      createLink: async () => ({ params: { id }, headers: auth, body: { partner_id: fx.partner.id } }),
      updateLink: async () => ({
        params: { id, linkId: fx.link.id },
        headers: auth,
        body: { destination_url: `${SITE}/landing-${crypto.randomUUID().slice(0, 8)}` },
      }),
      listCoupons: async () => ({ params: { id }, headers: auth, query: { q: "c" } }),
      createCoupon: async () => ({
        params: { id },
        headers: auth,
        body: { code: `NEW${crypto.randomUUID().slice(0, 8)}`, partner_id: fx.partner.id, description: "10% off" },
      }),
      getCoupon: async () => ({ params: { id, couponId: await coupon() }, headers: auth }),
      updateCoupon: async () => ({ params: { id, couponId: await coupon() }, headers: auth, body: { description: "20% off" } }),
      deactivateCoupon: async () => ({ params: { id, couponId: await coupon() }, headers: auth }),
      listClicks: async () => ({ params: { id }, headers: auth }),
      listCustomers: async () => ({ params: { id }, headers: auth }),
      listSales: async () => (await sale(), { params: { id }, headers: auth }),
      listCommissions: async () => (await sale(), { params: { id }, headers: auth }),
      listAuditLog: async () => (await sale(), { params: { id }, headers: auth, query: { action: "commission." } }),
      getSummary: async () => ({ params: { id }, headers: auth, query: { from: "2026-01-01" } }),
      listCommissionRules: async () => ({ params: { id }, headers: auth }),
      createCommissionRule: async () => ({
        params: { id },
        headers: auth,
        body: { product_id: `sku_${crypto.randomUUID()}`, type: "percentage", value: 10 },
      }),
      updateCommissionRule: async () => ({ params: { id, ruleId: await rule() }, headers: auth, body: { type: "flat", value: 200 } }),
      deleteCommissionRule: async () => ({ params: { id, ruleId: await rule() }, headers: auth }),
      reviewCommissions: async () => {
        await sale();
        const ids = (await db.commission.findMany({ where: { programId: id }, select: { id: true } })).map((c) => c.id);
        return { params: { id }, headers: auth, body: { ids, decision: "approve", reason: "contract" } };
      },
      listPayoutBatches: async () => ({ params: { id }, headers: auth }),
      createPayoutBatch: async () => {
        await freshSale();
        await db.commission.updateMany({
          where: { programId: id, status: "PENDING" },
          data: { status: "APPROVED", approvedAt: new Date() },
        });
        return { params: { id }, headers: auth, body: { period_start: "2026-01-01", period_end: new Date().toISOString().slice(0, 10) } };
      },
      getPayoutBatch: async () => ({ params: { id, batchId: await batch() }, headers: auth }),
      exportPayoutBatch: async () => ({ params: { id, batchId: await batch() }, headers: auth, query: { format: "generic" } }),
      markPayoutBatchPaid: async () => ({ params: { id, batchId: await batch() }, headers: auth, body: { reference: "CONTRACT-1" } }),
      cancelPayoutBatch: async () => {
        await freshSale();
        await db.commission.updateMany({
          where: { programId: id, status: "PENDING" },
          data: { status: "APPROVED", approvedAt: new Date() },
        });
        const created = await invoke("post", "/api/v1/programs/{id}/payouts", {
          params: { id },
          headers: auth,
          body: { period_start: "2026-01-01", period_end: new Date().toISOString().slice(0, 10) },
        });
        return { params: { id, batchId: String(created.body.id) }, headers: auth, body: { reason: "contract" } };
      },
      listWebhookEndpoints: async () => ({ params: { id }, headers: auth }),
      createWebhookEndpoint: async () => ({
        params: { id },
        headers: auth,
        body: { url: "https://hooks.example.com/x", events: ["sale.created"] },
      }),
      updateWebhookEndpoint: async () => ({ params: { id, endpointId: await hook() }, headers: auth, body: { enabled: true } }),
      deleteWebhookEndpoint: async () => {
        const created = await invoke("post", "/api/v1/programs/{id}/webhooks", {
          params: { id },
          headers: auth,
          body: { url: "https://hooks.example.com/gone", events: ["sale.created"] },
        });
        return { params: { id, endpointId: created.body.id }, headers: auth };
      },
      listWebhookDeliveries: async () => ({ params: { id, endpointId: await hook() }, headers: auth }),
      resendWebhookDelivery: async () => ({ params: { id, endpointId: await hook(), deliveryId: await delivery() }, headers: auth }),
      trackClick: async () => ({ headers: site, body: { affiliate_url: `${SITE}/?aff=${fx.link.code}` } }),
      trackLead: async () => ({ headers: key, body: { click_id: (await clickOf()).token, customer_key: `c_${crypto.randomUUID()}` } }),
      trackSale: async () => ({ headers: key, body: { transaction_id: `t_${crypto.randomUUID()}`, amount_cents: 1_000 } }),
      trackRefund: async () => (await sale(), { headers: key, body: { transaction_id: saleId, amount_cents: 100 } }),
      trackVerify: async () => ({ headers: site, body: { program_id: id, page_url: `${SITE}/pricing` } }),
      unsubscribeNotification: async () => ({
        query: { token: unsubscribeToken({ programId: id, email: "contract@example.test", kind: "commission_created" }) },
        raw: "List-Unsubscribe=One-Click",
      }),
      trackSignup: async () => ({
        headers: site,
        body: { program_id: id, click_id: (await clickOf()).token, customer_key: `s_${crypto.randomUUID()}` },
      }),
      trackCheckout: async () => {
        const cartId = crypto.randomUUID();
        return {
          headers: site,
          body: {
            program_id: id,
            click_id: (await clickOf()).token,
            cart_id: cartId,
            cart_token: signCartToken(fx.apiKey, cartId, Math.floor(Date.now() / 1000) + 600),
          },
        };
      },
      trackingStatus: async () => ({ params: { sessionId: (await clickOf()).sessionId! }, headers: site }),
      agentrefClick: async () => ({
        headers: site,
        body: { programId: id, pageUrl: `${SITE}/?via=${fx.link.code}`, referralCode: fx.link.code },
      }),
      agentrefVerify: async () => ({ headers: site, body: { programId: id, pageUrl: `${SITE}/` } }),
      affyClick: async () => ({
        headers: key,
        body: { clientId: fx.program.clientId, affiliateReference: fx.link.code, clickId: `affy_${crypto.randomUUID()}` },
      }),
      affyRegistration: async () => ({
        headers: key,
        body: { clickId: (await clickOf()).token, email: "reg@customer.test", customerId: `r_${crypto.randomUUID()}` },
      }),
      affyLead: async () => ({
        headers: key,
        body: {
          clientId: fx.program.clientId,
          leadType: "REGISTRATION",
          sessionId: (await clickOf()).sessionId,
          customerEmail: "lead@customer.test",
        },
      }),
      refersionOrderPaid: async () => ({
        headers: { "Refersion-Public-Key": apiKey.publicKey, "Refersion-Secret-Key": fx.apiKey },
        body: {
          cart_id: crypto.randomUUID(),
          order_id: `o_${crypto.randomUUID()}`,
          currency_code: "USD",
          items: [{ sku: "A", price: 10, quantity: 1 }],
        },
      }),
      stripeWebhook: async () => ({
        params: { programId: id },
        raw: stripePayload,
        headers: {
          "stripe-signature": new Stripe("sk_test_unused").webhooks.generateTestHeaderString({
            payload: stripePayload,
            secret: stripeSecret,
          }),
        },
      }),
    };
  });

  async function invoke(method: string, path: string, recipe: Recipe) {
    const module = ROUTE_MODULES[routeFileOf(path)];
    const handler = module?.[method.toUpperCase()] as Handler | undefined;
    if (!handler) throw new Error(`no handler for ${method} ${path}`);
    const url = new URL(`http://contract.test${path}`);
    for (const [name, value] of Object.entries(recipe.query ?? {})) url.searchParams.set(name, value);
    const body = recipe.raw ?? (recipe.body === undefined ? undefined : JSON.stringify(recipe.body));
    const request = new Request(url, {
      method: method.toUpperCase(),
      headers: { "content-type": "application/json", ...recipe.headers },
      body,
    });
    const response = await handler(request, { params: Promise.resolve(recipe.params ?? {}) });
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    return { status: response.status, type, body: type.includes("json") && text ? JSON.parse(text) : text };
  }

  it("has a valid request for every documented operation", () => {
    const missing = operations.map((o) => o.operation.operationId as string).filter((operationId) => !recipes[operationId]);
    expect(missing).toEqual([]);
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))("%s", async (_name, { method, path, operation }) => {
    const recipe = recipes[operation.operationId];
    if (!recipe) throw new Error(`no request for ${operation.operationId}`);
    const prepared = await recipe();
    const startedAt = new Date(Date.now() - 1);
    const res = await invoke(method, path, prepared);
    // every change made through the management API leaves an audit row naming the token (issue 14)
    if (method !== "get" && /^\/api\/v1\/(programs|system)/.test(path) && res.status < 300) {
      const rows = await db.auditLog.count({ where: { actorType: "API_TOKEN", actorId: ownerTokenId, createdAt: { gte: startedAt } } });
      expect(rows, `${operation.operationId} changed something without an audit row`).toBeGreaterThan(0);
    }
    const documented = operation.responses[String(res.status)] as Json | undefined;
    expect(
      documented,
      `${res.status} is not documented for ${operation.operationId}: ${JSON.stringify(res.body).slice(0, 400)}`,
    ).toBeDefined();
    expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBeLessThan(300);
    const schema = documented!.content?.["application/json"]?.schema as Json | undefined;
    if (!schema) {
      expect(res.type).not.toContain("application/json");
      return;
    }
    const validate = validatorOf(schema);
    expect(validate(res.body), `${operation.operationId} ${res.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  });
});
