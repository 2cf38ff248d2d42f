// The management API of commission rules, review, payouts and webhooks: thin handlers on the same
// core, personal tokens, VIEWER reads / ADMIN writes, someone else's program is a 404.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET as listRulesRoute, POST as createRuleRoute } from "@/app/api/v1/programs/[id]/commission-rules/route";
import { DELETE as deleteRuleRoute, PATCH as updateRuleRoute } from "@/app/api/v1/programs/[id]/commission-rules/[ruleId]/route";
import { POST as reviewRoute } from "@/app/api/v1/programs/[id]/commissions/review/route";
import { GET as listBatchesRoute, POST as createBatchRoute } from "@/app/api/v1/programs/[id]/payouts/route";
import { GET as getBatchRoute } from "@/app/api/v1/programs/[id]/payouts/[batchId]/route";
import { POST as paidRoute } from "@/app/api/v1/programs/[id]/payouts/[batchId]/paid/route";
import { POST as cancelRoute } from "@/app/api/v1/programs/[id]/payouts/[batchId]/cancel/route";
import { GET as exportRoute } from "@/app/api/v1/programs/[id]/payouts/[batchId]/export/route";
import { GET as listEndpointsRoute, POST as createEndpointRoute } from "@/app/api/v1/programs/[id]/webhooks/route";
import { DELETE as deleteEndpointRoute, PATCH as updateEndpointRoute } from "@/app/api/v1/programs/[id]/webhooks/[endpointId]/route";
import { GET as deliveriesRoute } from "@/app/api/v1/programs/[id]/webhooks/[endpointId]/deliveries/route";
import { POST as resendRoute } from "@/app/api/v1/programs/[id]/webhooks/[endpointId]/deliveries/[deliveryId]/resend/route";
import { db } from "@/lib/db";
import { API_OPERATIONS } from "@/lib/openapi/document";
import { routeFileOf } from "@/lib/openapi/registry";
import { call, makeMember, makeTokenUser } from "../helpers/management";
import { attributedSale, makeTrackingProgram } from "../helpers/commissions";
import { withEnv } from "../helpers/env";

/** The commission, payout and webhook operations (formerly the lib/openapi/money.ts table). */
const moneyOperations = API_OPERATIONS.filter((op) => ["Commissions", "Payouts", "Webhooks"].includes(op.tag));

async function fixture() {
  const fx = await makeTrackingProgram();
  const admin = await makeMember(fx.program.id, "ADMIN");
  const viewer = await makeMember(fx.program.id, "VIEWER");
  const stranger = await makeTokenUser();
  return { ...fx, admin: admin.token, viewer: viewer.token, stranger: stranger.token };
}

describe("management API: money", () => {
  it("has a route file exporting the method for every documented operation", async () => {
    for (const op of moneyOperations) {
      const file = routeFileOf(op.path);
      expect(existsSync(path.join(__dirname, "../..", file)), file).toBe(true);
      const module = (await import(/* @vite-ignore */ path.join(__dirname, "../..", file))) as Record<string, unknown>;
      expect(typeof module[op.method.toUpperCase()], `${op.method} ${file}`).toBe("function");
    }
  });

  it("manages commission rules", async () => {
    const fx = await fixture();
    const params = { id: fx.program.id };
    const created = await call(createRuleRoute, "POST", {
      token: fx.admin,
      params,
      body: { partner_id: fx.partner.id, type: "percentage", value: 12.5, lead_amount: 200 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      scope: "partner",
      partner_id: fx.partner.id,
      type: "percentage",
      value: 12.5,
      lead_amount: 200,
      recurring_limit_payments: null,
    });
    expect(
      (await call(createRuleRoute, "POST", { token: fx.admin, params, body: { partner_id: fx.partner.id, type: "flat", value: 100 } }))
        .status,
    ).toBe(409);
    const invalid = await call(createRuleRoute, "POST", {
      token: fx.admin,
      params,
      body: { product_id: "sku", type: "percentage", value: 120 },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.message).toContain("value");
    expect(
      (await call(createRuleRoute, "POST", { token: fx.viewer, params, body: { product_id: "sku", type: "flat", value: 1 } })).status,
    ).toBe(403);
    expect((await call(listRulesRoute, "GET", { token: fx.stranger, params })).status).toBe(404);

    const listed = await call(listRulesRoute, "GET", { token: fx.viewer, params });
    expect(listed.body.data.map((r: { scope: string }) => r.scope)).toEqual(["program", "partner"]);
    const ruleParams = { id: fx.program.id, ruleId: created.body.id };
    const updated = await call(updateRuleRoute, "PATCH", {
      token: fx.admin,
      params: ruleParams,
      body: { type: "flat", value: 900, recurring_limit_months: 12 },
    });
    expect(updated.body).toMatchObject({ type: "flat", value: 900, recurring_limit_months: 12, lead_amount: 200 });
    // type and value together
    expect((await call(updateRuleRoute, "PATCH", { token: fx.admin, params: ruleParams, body: { value: 5 } })).status).toBe(422);
    expect(
      (await call(deleteRuleRoute, "DELETE", { token: fx.admin, params: { id: fx.program.id, ruleId: fx.program.defaultRuleId! } })).status,
    ).toBe(409);
    expect((await call(deleteRuleRoute, "DELETE", { token: fx.admin, params: ruleParams })).status).toBe(204);
  });

  it("reviews, pays and exports through the API", async () => {
    const fx = await fixture();
    const params = { id: fx.program.id };
    const sales = await Promise.all([10_000, 20_000].map((n) => attributedSale(fx, n)));
    const ids = sales.map((s) => s.commissionId!);
    expect((await call(reviewRoute, "POST", { token: fx.viewer, params, body: { ids, decision: "approve" } })).status).toBe(403);
    expect((await call(reviewRoute, "POST", { token: fx.admin, params, body: { ids, decision: "reject" } })).status).toBe(422);
    const reviewed = await call(reviewRoute, "POST", {
      token: fx.admin,
      params,
      body: { ids: [...ids, 0x7fffffff], decision: "approve", reason: "checked" },
    });
    expect(reviewed.body).toEqual({ updated: ids, skipped: [{ id: 0x7fffffff, why: "not found" }] });
    expect(await db.auditLog.findFirst({ where: { entityType: "commission", entityId: String(ids[0]) } })).toMatchObject({
      actorType: "API_TOKEN",
      reason: "checked",
    });

    const today = new Date().toISOString().slice(0, 10);
    const created = await call(createBatchRoute, "POST", {
      token: fx.admin,
      params,
      body: { period_start: "2026-01-01", period_end: today },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: "draft",
      total: 6_000,
      payout_count: 1,
      left_out: [],
      payouts: [{ partner_id: fx.partner.id, amount: 6_000, commission_count: 2, payout_method: null, destination: "no payout details" }],
    });
    const batchParams = { id: fx.program.id, batchId: String(created.body.id) };
    // the files carry bank details: a viewer is refused, an admin gets them
    const asViewer = await exportRoute(
      new Request(`http://test.local/x?format=generic`, { headers: { authorization: `Bearer ${fx.viewer}` } }),
      { params: Promise.resolve(batchParams) },
    );
    expect(asViewer.status).toBe(403);
    const csv = await exportRoute(new Request(`http://test.local/x?format=generic`, { headers: { authorization: `Bearer ${fx.admin}` } }), {
      params: Promise.resolve(batchParams),
    });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(await csv.text()).toContain(`${fx.partner.id},Pat Partner,${fx.partner.email},`);
    expect(
      (
        await exportRoute(new Request(`http://test.local/x?format=xls`, { headers: { authorization: `Bearer ${fx.admin}` } }), {
          params: Promise.resolve(batchParams),
        })
      ).status,
    ).toBe(422);

    const paid = await call(paidRoute, "POST", { token: fx.admin, params: batchParams, body: { reference: "WISE-42" } });
    expect(paid.body).toMatchObject({ status: "paid", payouts: [{ status: "paid", reference: "WISE-42" }] });
    expect((await call(paidRoute, "POST", { token: fx.admin, params: batchParams })).status).toBe(409);
    expect((await call(cancelRoute, "POST", { token: fx.admin, params: batchParams })).status).toBe(409);
    expect((await call(getBatchRoute, "GET", { token: fx.stranger, params: batchParams })).status).toBe(404);
    expect((await call(listBatchesRoute, "GET", { token: fx.viewer, params })).body.data).toMatchObject([
      { id: created.body.id, status: "paid", total: 6_000 },
    ]);
  });

  it("manages webhook endpoints, lists deliveries and re-sends one", async () => {
    const fx = await fixture();
    const params = { id: fx.program.id };
    const created = await call(createEndpointRoute, "POST", {
      token: fx.admin,
      params,
      body: { url: "http://127.0.0.1:9/hook", events: ["sale.created", "sale.created"] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ events: ["sale.created"], enabled: true, secret: expect.stringMatching(/^whsec_/) });
    expect((await call(createEndpointRoute, "POST", { token: fx.admin, params, body: { url: "ftp://x", events: [] } })).status).toBe(422);
    const listed = await call(listEndpointsRoute, "GET", { token: fx.viewer, params });
    expect(listed.body.data).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);
    expect(listed.body.data[0].secret_hint).toBe(`whsec_…${created.body.secret.slice(-4)}`);

    await attributedSale(fx, 1_000);
    const endpointParams = { id: fx.program.id, endpointId: created.body.id };
    const log = await call(deliveriesRoute, "GET", { token: fx.viewer, params: endpointParams });
    expect(log.body.data).toMatchObject([
      { event: "sale.created", status: "pending", attempts: 0, event_id: expect.stringMatching(/^evt_/) },
    ]);
    const resent = await call(resendRoute, "POST", { token: fx.admin, params: { ...endpointParams, deliveryId: log.body.data[0].id } });
    expect(resent.status).toBe(202);
    expect((await call(resendRoute, "POST", { token: fx.admin, params: { ...endpointParams, deliveryId: "nope" } })).status).toBe(404);

    expect(
      (await call(updateEndpointRoute, "PATCH", { token: fx.admin, params: endpointParams, body: { enabled: false } })).body.enabled,
    ).toBe(false);
    expect((await call(deleteEndpointRoute, "DELETE", { token: fx.viewer, params: endpointParams })).status).toBe(403);
    expect((await call(deleteEndpointRoute, "DELETE", { token: fx.admin, params: endpointParams })).status).toBe(204);
    expect(await db.webhookDelivery.count({ where: { endpointId: created.body.id } })).toBe(0);
  });

  it("answers 422 naming the url for webhook endpoints on private addresses", async () => {
    const fx = await fixture();
    const params = { id: fx.program.id };
    await withEnv({ WEBHOOK_ALLOW_PRIVATE_URLS: undefined }, async () => {
      for (const url of ["http://169.254.169.254/", "http://localhost:8080/", "http://[::ffff:127.0.0.1]/hook"]) {
        const refused = await call(createEndpointRoute, "POST", { token: fx.admin, params, body: { url, events: ["sale.created"] } });
        expect(refused.status, url).toBe(422);
        expect(refused.body.error.message).toMatch(/^url: must be a public address/);
      }
      const created = await call(createEndpointRoute, "POST", {
        token: fx.admin,
        params,
        body: { url: "https://hooks.example.com/x", events: ["sale.created"] },
      });
      expect(created.status).toBe(201);
      const moved = await call(updateEndpointRoute, "PATCH", {
        token: fx.admin,
        params: { ...params, endpointId: created.body.id },
        body: { url: "http://10.1.2.3/x" },
      });
      expect(moved.status).toBe(422);
      expect(moved.body.error.message).toMatch(/^url: /);
    });
  });
});
