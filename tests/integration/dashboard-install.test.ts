import "../helpers/env";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getInstallChecklist } from "@/lib/install/checklist";
import { recordHeartbeat } from "@/lib/tracking/record-heartbeat";
import { makeTrackingProgram } from "../helpers/tracking";
import { seedClick, seedLead, seedSale } from "../helpers/management";

const state = (checklist: Awaited<ReturnType<typeof getInstallChecklist>>) =>
  Object.fromEntries(checklist.checks.map((c) => [c.id, c.done]));

describe("install checklist", () => {
  it("turns each step green from real rows, with first and last times", async () => {
    const { program, partner, link } = await makeTrackingProgram();
    await db.apiKey.deleteMany({ where: { programId: program.id } });
    const empty = await getInstallChecklist(program.id);
    expect(state(empty)).toEqual({ tracker: false, api_key: false, click: false, lead: false, sale: false, stripe: false });
    expect(empty.pages).toEqual([]);

    await recordHeartbeat(
      { programId: program.id, pageUrl: "https://shop.example/pricing?aff=x", source: "TRACKER" },
      { sourceHost: "shop.example" },
    );
    await recordHeartbeat(
      { programId: program.id, pageUrl: "https://shop.example/pricing", source: "TRACKER" },
      { sourceHost: "shop.example" },
    );
    await recordHeartbeat({ programId: program.id, pageUrl: "https://shop.example/", source: "TRACKER" }, { sourceHost: "shop.example" });
    const p = { programId: program.id, partnerId: partner.id, linkId: link.id };
    const first = new Date(Date.now() - 3_600_000);
    await seedClick(p, { createdAt: first });
    await seedClick(p, { test: true });
    await seedLead(p);

    const after = await getInstallChecklist(program.id);
    expect(state(after)).toEqual({ tracker: true, api_key: false, click: true, lead: true, sale: false, stripe: false });
    expect(after.pageCount).toBe(2);
    expect(after.pages.find((x) => x.pageUrl === "https://shop.example/pricing")!.count).toBe(2);
    const click = after.checks.find((c) => c.id === "click")!;
    expect(click.firstAt).toEqual(first);
    expect(click.test).toBe(true); // the latest click was a test click
    expect(click.detail).toContain(link.code);

    await seedSale(p, { amount: 500 });
    await db.program.update({ where: { id: program.id }, data: { stripeWebhookSecret: "v1.x.y.z", stripeConnectedAt: new Date() } });
    expect(state(await getInstallChecklist(program.id))).toMatchObject({ sale: true, stripe: false }); // no event received yet
    await db.processedWebhookEvent.create({
      data: { programId: program.id, eventId: `evt_${program.id}`, type: "partnerloop.test_event", status: "PROCESSED" },
    });
    expect(state(await getInstallChecklist(program.id))).toMatchObject({ stripe: true });
  });
});
