// Hostile values at the management API: control characters and unpaired surrogates in every path
// parameter, query parameter and body field, ids beyond their column (3000000000, 1e30, -1, 40
// nines) and dates outside 2000–2100 (0000-01-01, year 1, 275760-09-13, 2024-13-45). A fixed
// table, not random runs: every answer is a 4xx (naming the field where there is one) and nothing
// is written. Each body table first sends its base body and expects it accepted, so a refusal is
// the hostile value's doing.
import "../helpers/env";
import { beforeAll, describe, expect, it } from "vitest";
import * as programs from "@/app/api/v1/programs/route";
import * as program from "@/app/api/v1/programs/[id]/route";
import * as apiKeys from "@/app/api/v1/programs/[id]/api-keys/route";
import * as apiKey from "@/app/api/v1/programs/[id]/api-keys/[keyId]/route";
import * as clicks from "@/app/api/v1/programs/[id]/clicks/route";
import * as rules from "@/app/api/v1/programs/[id]/commission-rules/route";
import * as rule from "@/app/api/v1/programs/[id]/commission-rules/[ruleId]/route";
import * as review from "@/app/api/v1/programs/[id]/commissions/review/route";
import * as commissions from "@/app/api/v1/programs/[id]/commissions/route";
import * as customers from "@/app/api/v1/programs/[id]/customers/route";
import * as links from "@/app/api/v1/programs/[id]/links/route";
import * as link from "@/app/api/v1/programs/[id]/links/[linkId]/route";
import * as partners from "@/app/api/v1/programs/[id]/partners/route";
import * as payouts from "@/app/api/v1/programs/[id]/payouts/route";
import * as batch from "@/app/api/v1/programs/[id]/payouts/[batchId]/route";
import * as cancel from "@/app/api/v1/programs/[id]/payouts/[batchId]/cancel/route";
import * as batchExport from "@/app/api/v1/programs/[id]/payouts/[batchId]/export/route";
import * as paid from "@/app/api/v1/programs/[id]/payouts/[batchId]/paid/route";
import * as summary from "@/app/api/v1/programs/[id]/reports/summary/route";
import * as sales from "@/app/api/v1/programs/[id]/sales/route";
import * as webhooks from "@/app/api/v1/programs/[id]/webhooks/route";
import * as webhook from "@/app/api/v1/programs/[id]/webhooks/[endpointId]/route";
import * as deliveries from "@/app/api/v1/programs/[id]/webhooks/[endpointId]/deliveries/route";
import * as resend from "@/app/api/v1/programs/[id]/webhooks/[endpointId]/deliveries/[deliveryId]/resend/route";
import { db } from "@/lib/db";
import { parseReportParams } from "@/lib/reports/report-query";
import {
  BAD_DATES,
  BAD_DATE_TIMES,
  CONTROL_STRINGS,
  HUGE_ID_TEXTS,
  HUGE_NUMBERS,
  controlCases,
  numberCases,
  withValueAt,
} from "../helpers/hostile";
import { call, makeTokenUser, seedCommission, seedPartner, uniqueCode } from "../helpers/management";

let token: string;
let programId: string;
let partnerId: string;
let linkId: string;
let commissionId: number;

/** Everything a management call could write, for the program and its owner. */
async function counts() {
  const where = { programId };
  const [programRows, partnerRows, linkRows, commissionRows, batches, keys, endpoints, ruleRows, audit, reviewed] = await Promise.all([
    db.program.count(),
    db.partner.count({ where }),
    db.referralLink.count({ where }),
    db.commission.count({ where }),
    db.payoutBatch.count({ where }),
    db.apiKey.count({ where }),
    db.webhookEndpoint.count({ where }),
    db.commissionRule.count({ where }),
    db.auditLog.count({ where }),
    db.commission.count({ where: { ...where, status: { not: "PENDING" } } }),
  ]);
  return { programRows, partnerRows, linkRows, commissionRows, batches, keys, endpoints, ruleRows, audit, reviewed };
}

beforeAll(async () => {
  ({ token } = await makeTokenUser());
  programId = (await call(programs.POST, "POST", { token, body: { name: "Hostile", website_url: "https://hostile.example" } })).body.id;
  const seeded = await seedPartner(programId);
  partnerId = seeded.partner.id;
  linkId = seeded.link.id;
  commissionId = (await seedCommission({ programId, partnerId }, { amount: 1_000 })).id;
  await seedCommission({ programId, partnerId }, { amount: 5_000, status: "APPROVED", createdAt: new Date("2026-01-05T00:00:00Z") });
});

const wrongAnswer = (label: string, res: { status: number; body: any }, field?: string) => {
  const named = !field || String(res.body?.error?.message).includes(field);
  return res.status < 400 || res.status >= 500 || !named ? [`${label} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`] : [];
};

describe("hostile path parameters", () => {
  // Every handler, each path parameter in turn replaced (the others valid); bodies valid where needed.
  const routes: Array<{ name: string; handler: unknown; method: string; params: () => Record<string, string>; body?: () => unknown }> = [
    { name: "GET program", handler: program.GET, method: "GET", params: () => ({ id: programId }) },
    {
      name: "PATCH program",
      handler: program.PATCH,
      method: "PATCH",
      params: () => ({ id: programId }),
      body: () => ({ name: "Renamed" }),
    },
    { name: "GET api-keys", handler: apiKeys.GET, method: "GET", params: () => ({ id: programId }) },
    { name: "DELETE api-key", handler: apiKey.DELETE, method: "DELETE", params: () => ({ id: programId, keyId: "key_nobody" }) },
    { name: "GET clicks", handler: clicks.GET, method: "GET", params: () => ({ id: programId }) },
    { name: "GET rules", handler: rules.GET, method: "GET", params: () => ({ id: programId }) },
    {
      name: "PATCH rule",
      handler: rule.PATCH,
      method: "PATCH",
      params: () => ({ id: programId, ruleId: "rule_nobody" }),
      body: () => ({ lead_amount: 100 }),
    },
    { name: "DELETE rule", handler: rule.DELETE, method: "DELETE", params: () => ({ id: programId, ruleId: "rule_nobody" }) },
    {
      name: "POST review",
      handler: review.POST,
      method: "POST",
      params: () => ({ id: programId }),
      body: () => ({ ids: [commissionId], decision: "approve" }),
    },
    { name: "GET commissions", handler: commissions.GET, method: "GET", params: () => ({ id: programId }) },
    { name: "GET customers", handler: customers.GET, method: "GET", params: () => ({ id: programId }) },
    { name: "GET links", handler: links.GET, method: "GET", params: () => ({ id: programId }) },
    {
      name: "PATCH link",
      handler: link.PATCH,
      method: "PATCH",
      params: () => ({ id: programId, linkId }),
      body: () => ({ status: "inactive" }),
    },
    { name: "GET partners", handler: partners.GET, method: "GET", params: () => ({ id: programId }) },
    { name: "GET payouts", handler: payouts.GET, method: "GET", params: () => ({ id: programId }) },
    { name: "GET batch", handler: batch.GET, method: "GET", params: () => ({ id: programId, batchId: "1" }) },
    { name: "POST cancel", handler: cancel.POST, method: "POST", params: () => ({ id: programId, batchId: "1" }) },
    { name: "GET export", handler: batchExport.GET, method: "GET", params: () => ({ id: programId, batchId: "1" }) },
    { name: "POST paid", handler: paid.POST, method: "POST", params: () => ({ id: programId, batchId: "1" }) },
    { name: "GET summary", handler: summary.GET, method: "GET", params: () => ({ id: programId }) },
    { name: "GET sales", handler: sales.GET, method: "GET", params: () => ({ id: programId }) },
    { name: "GET webhooks", handler: webhooks.GET, method: "GET", params: () => ({ id: programId }) },
    {
      name: "PATCH webhook",
      handler: webhook.PATCH,
      method: "PATCH",
      params: () => ({ id: programId, endpointId: "ep_nobody" }),
      body: () => ({ enabled: false }),
    },
    { name: "DELETE webhook", handler: webhook.DELETE, method: "DELETE", params: () => ({ id: programId, endpointId: "ep_nobody" }) },
    { name: "GET deliveries", handler: deliveries.GET, method: "GET", params: () => ({ id: programId, endpointId: "ep_nobody" }) },
    {
      name: "POST resend",
      handler: resend.POST,
      method: "POST",
      params: () => ({ id: programId, endpointId: "ep_nobody", deliveryId: "d_nobody" }),
    },
  ];

  it("answer 4xx, naming the parameter when it holds control characters, and write nothing", async () => {
    const before = await counts();
    const wrong: string[] = [];
    for (const route of routes) {
      for (const name of Object.keys(route.params())) {
        for (const value of [...CONTROL_STRINGS, ...HUGE_ID_TEXTS]) {
          const res = await call(route.handler, route.method, {
            token,
            params: { ...route.params(), [name]: value },
            body: route.body?.(),
          });
          wrong.push(
            ...wrongAnswer(`${route.name} ${name}=${JSON.stringify(value)}`, res, CONTROL_STRINGS.includes(value) ? name : undefined),
          );
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});

describe("hostile query parameters", () => {
  const lists: Array<{
    name: string;
    handler: unknown;
    params?: () => Record<string, string>;
    text: string[];
    dates?: string[];
    numbers?: string[];
  }> = [
    {
      name: "clicks",
      handler: clicks.GET,
      text: ["partner_id", "link_id", "from", "to", "cursor", "test", "limit"],
      dates: ["from", "to"],
      numbers: ["limit"],
    },
    {
      name: "customers",
      handler: customers.GET,
      text: ["partner_id", "status", "from", "to", "cursor"],
      dates: ["from", "to"],
      numbers: ["limit"],
    },
    { name: "sales", handler: sales.GET, text: ["partner_id", "type", "from", "to", "cursor"], dates: ["from", "to"], numbers: ["limit"] },
    {
      name: "commissions",
      handler: commissions.GET,
      text: ["partner_id", "status", "from", "to", "cursor"],
      dates: ["from", "to"],
      numbers: ["limit"],
    },
    { name: "summary", handler: summary.GET, text: ["partner_id", "from", "to"], dates: ["from", "to"] },
    { name: "partners", handler: partners.GET, text: ["q", "status", "cursor"], numbers: ["limit"] },
    { name: "links", handler: links.GET, text: ["partner_id", "status", "cursor"], numbers: ["limit"] },
    { name: "programs", handler: programs.GET, params: () => ({}), text: ["cursor", "limit"], numbers: ["limit"] },
    { name: "api keys", handler: apiKeys.GET, text: ["cursor"], numbers: ["limit"] },
    { name: "payout export", handler: batchExport.GET, params: () => ({ id: programId, batchId: "1" }), text: ["format"] },
  ];

  // An unpaired surrogate cannot arrive in a URL: encoding it gives U+FFFD (%EF%BF%BD).
  const C0_STRINGS = CONTROL_STRINGS.filter((value) => value.isWellFormed());
  const OUT_OF_RANGE = ["3000000000", "1e30", "-1", "9".repeat(40)];

  it("answer 4xx naming the parameter", async () => {
    const wrong: string[] = [];
    for (const list of lists) {
      const params = list.params?.() ?? { id: programId };
      const cases = [
        ...list.text.flatMap((name) => C0_STRINGS.map((value) => ({ name, value }))),
        ...(list.dates ?? []).flatMap((name) => [...BAD_DATES, ...BAD_DATE_TIMES].map((value) => ({ name, value }))),
        ...(list.numbers ?? []).flatMap((name) => OUT_OF_RANGE.map((value) => ({ name, value }))),
      ];
      for (const { name, value } of cases) {
        const res = await call(list.handler, "GET", { token, params, query: { [name]: value } });
        wrong.push(...wrongAnswer(`${list.name} ?${name}=${JSON.stringify(value)}`, res, name));
      }
    }
    expect(wrong).toEqual([]);
  });

  it("the dashboard report's dates fall back to the last 30 days outside 2000–2100", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    for (const from of [...BAD_DATES, ...CONTROL_STRINGS]) {
      const p = parseReportParams({ from, to: "2026-03-10" }, now);
      expect(p.fromDay, from).toBe("2026-02-09");
    }
    for (const to of BAD_DATES) expect(parseReportParams({ to }, now).toDay, to).toBe("2026-03-10");
  });
});

describe("hostile body fields", () => {
  interface Table {
    name: string;
    handler: unknown;
    method?: string;
    params?: () => Record<string, string>;
    base: () => Record<string, unknown>;
    text: string[];
    numbers?: string[];
    dates?: string[];
  }

  async function expectRefused({
    name,
    handler,
    method = "POST",
    params = () => ({ id: programId }),
    base,
    text,
    numbers = [],
    dates = [],
  }: Table) {
    const accepted = await call(handler, method, { token, params: params(), body: base() });
    expect(accepted.status, `${name} base: ${JSON.stringify(accepted.body)}`).toBeLessThan(300);
    const before = await counts();
    const wrong: string[] = [];
    const cases = [
      ...controlCases(text),
      ...numberCases(numbers),
      ...dates.flatMap((field) => [...BAD_DATES, ...BAD_DATE_TIMES].map((value) => ({ field, value }))),
    ];
    for (const { field, value } of cases) {
      const res = await call(handler, method, { token, params: params(), body: withValueAt(base(), field, value) });
      wrong.push(...wrongAnswer(`${name} ${field}=${JSON.stringify(value)}`, res, field.replace(/\.\d+$/, "")));
    }
    expect(wrong).toEqual([]);
    expect(await counts()).toEqual(before);
  }

  it("programs", async () => {
    const base = () => ({
      name: "P",
      website_url: "https://p.example/",
      currency: "USD",
      referral_params: ["ref"],
      allowed_domains: ["p.example"],
      cookie_window_days: 30,
      hold_days: 10,
      min_payout_amount: 100,
    });
    const numbers = ["cookie_window_days", "hold_days", "min_payout_amount"];
    await expectRefused({
      name: "POST programs",
      handler: programs.POST,
      params: () => ({}),
      base,
      text: ["name", "website_url", "currency", "referral_params.0", "allowed_domains.0"],
      numbers,
    });
    await expectRefused({
      name: "PATCH program",
      handler: program.PATCH,
      method: "PATCH",
      base,
      text: ["name", "website_url", "currency", "referral_params.0", "allowed_domains.0", "stripe_webhook_secret"],
      numbers,
    });
  });

  it("partners, links, api keys, webhooks, commission rules", async () => {
    await expectRefused({
      name: "POST partners",
      handler: partners.POST,
      base: () => ({ name: "Pat", email: `${uniqueCode("e")}@p.test`, code: uniqueCode("c") }),
      text: ["name", "email", "code", "status"],
    });
    await expectRefused({
      name: "POST links",
      handler: links.POST,
      base: () => ({ partner_id: partnerId, code: uniqueCode("l"), destination_url: "https://hostile.example/x" }),
      text: ["partner_id", "code", "destination_url"],
    });
    await expectRefused({
      name: "PATCH link",
      handler: link.PATCH,
      method: "PATCH",
      params: () => ({ id: programId, linkId }),
      base: () => ({ status: "active", destination_url: "https://hostile.example/y" }),
      text: ["status", "destination_url"],
    });
    await expectRefused({ name: "POST api-keys", handler: apiKeys.POST, base: () => ({ name: "Backend" }), text: ["name"] });
    await expectRefused({
      name: "POST webhooks",
      handler: webhooks.POST,
      base: () => ({ url: "https://hooks.example/in", events: ["sale.created"] }),
      text: ["url", "events.0"],
    });
    await expectRefused({
      name: "POST commission-rules",
      handler: rules.POST,
      base: () => ({ product_id: uniqueCode("prod"), type: "flat", value: 100, lead_amount: 50, min_sale_amount: 10 }),
      text: ["product_id", "partner_id", "type"],
      numbers: ["value", "lead_amount", "min_sale_amount", "recurring_limit_months", "recurring_limit_payments"],
    });
  });

  it("commission review", async () => {
    await expectRefused({
      name: "POST review",
      handler: review.POST,
      base: () => ({ ids: [commissionId], decision: "approve", reason: "ok" }),
      text: ["decision", "reason"],
      numbers: ["ids.0", "ids.1"],
    });
  });

  it("payouts: period dates, currency, references", async () => {
    await expectRefused({
      name: "POST payouts",
      handler: payouts.POST,
      base: () => ({ period_start: "2026-01-01", period_end: "2026-01-31" }),
      text: ["period_start", "period_end", "currency"],
      dates: ["period_start", "period_end"],
    });
    const batchId = String((await db.payoutBatch.findFirstOrThrow({ where: { programId } })).id);
    const before = await counts();
    const wrong: string[] = [];
    for (const value of CONTROL_STRINGS) {
      wrong.push(
        ...wrongAnswer(
          `paid reference=${JSON.stringify(value)}`,
          await call(paid.POST, "POST", { token, params: { id: programId, batchId }, body: { reference: value } }),
          "reference",
        ),
      );
      wrong.push(
        ...wrongAnswer(
          `cancel reason=${JSON.stringify(value)}`,
          await call(cancel.POST, "POST", { token, params: { id: programId, batchId }, body: { reason: value } }),
          "reason",
        ),
      );
    }
    expect(wrong).toEqual([]);
    expect(await counts()).toEqual(before);
    expect((await db.payoutBatch.findUniqueOrThrow({ where: { id: Number(batchId) } })).status).toBe("DRAFT");
  });

  it("numbers of every kind in id arrays never reach the database", async () => {
    const wrong: string[] = [];
    for (const value of HUGE_NUMBERS) {
      wrong.push(
        ...wrongAnswer(
          `review ids=[${JSON.stringify(value)}]`,
          await call(review.POST, "POST", { token, params: { id: programId }, body: { ids: [value], decision: "reject", reason: "x" } }),
          "ids",
        ),
      );
    }
    expect(wrong).toEqual([]);
  });
});
