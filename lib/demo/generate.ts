// Pure generation of a demo program's activity over the last `days` days: partners, links,
// clicks, customers, leads and sales. No database access; lib/demo/seed.ts writes it.
import { randomUUID } from "node:crypto";
import { newClickToken } from "@/lib/ids";
import { createRandom } from "@/lib/demo/random";

const PARTNERS = [
  ["Maya Chen", "maya"],
  ["Growth Garage", "growthgarage"],
  ["Lukas Berg", "lukas"],
  ["The SaaS Review", "saasreview"],
  ["Priya Nair", "priya"],
  ["Indie Hackers Weekly", "ihweekly"],
  ["Tom Okafor", "tomo"],
  ["Data Den", "dataden"],
  ["Sofia Rossi", "sofia"],
  ["Creator Stack", "creatorstack"],
  ["Jonas Weber", "jonas"],
  ["Nadia Haddad", "nadia"],
] as const;
const COUNTRIES = ["US", "US", "US", "GB", "DE", "FR", "CA", "IN", "BR", "NL", "AU", "ES"];
const BROWSERS = [
  ["Chrome", "Windows", "desktop"],
  ["Safari", "iOS", "mobile"],
  ["Chrome", "Android", "mobile"],
  ["Firefox", "Linux", "desktop"],
  ["Safari", "macOS", "desktop"],
  ["Edge", "Windows", "desktop"],
] as const;
const REFERRERS = [
  "https://twitter.com/",
  "https://www.youtube.com/",
  "https://news.ycombinator.com/",
  "https://www.reddit.com/",
  "https://blog.example.org/review",
  null,
];
const PLANS = [
  { product: "starter", amount: 2900 },
  { product: "pro", amount: 7900 },
  { product: "team", amount: 19900 },
] as const;

export interface DemoData {
  partners: Array<{ id: string; name: string; code: string; email: string; status: "ACTIVE" | "PENDING" }>;
  links: Array<{ id: string; partnerId: string; code: string; destinationUrl: string }>;
  clicks: Array<{
    token: string;
    partnerId: string;
    linkId: string;
    customerId: string | null;
    createdAt: Date;
    country: string;
    browser: string;
    os: string;
    device: string;
    referrerUrl: string | null;
    pageUrl: string;
    sessionId: string;
  }>;
  customers: Array<{
    id: string;
    partnerId: string;
    customerKey: string;
    email: string;
    status: "LEAD" | "CUSTOMER";
    leadAt: Date;
    convertedAt: Date | null;
    createdAt: Date;
  }>;
  sales: Array<{
    transactionId: string;
    customerId: string;
    partnerId: string;
    amount: number;
    productId: string;
    occurredAt: Date;
    isRecurring: boolean;
    subscriptionId: string;
    refunded: boolean;
  }>;
}

export function generateDemoData(options: { now: Date; days: number; website: string; seed?: number }): DemoData {
  const random = createRandom(options.seed ?? 42);
  const start = options.now.getTime() - options.days * 86_400_000;
  const partners = PARTNERS.map(([name, code], i) => ({
    id: randomUUID(),
    name,
    code,
    email: `${code}@partners.example`,
    status: (i === PARTNERS.length - 1 ? "PENDING" : "ACTIVE") as "ACTIVE" | "PENDING",
  }));
  const links = partners.flatMap((p, i) => {
    const main = { id: randomUUID(), partnerId: p.id, code: p.code, destinationUrl: options.website };
    return i % 3 === 0
      ? [main, { id: randomUUID(), partnerId: p.id, code: `${p.code}-pricing`, destinationUrl: `${options.website}pricing` }]
      : [main];
  });
  const activeLinks = links.filter((l) => partners.find((p) => p.id === l.partnerId)!.status === "ACTIVE");
  const weights = activeLinks.map((_, i) => 1 / (i + 1.5)); // a few partners drive most traffic

  const data: DemoData = { partners, links, clicks: [], customers: [], sales: [] };
  const clickTotal = 4200;
  for (let n = 0; n < clickTotal; n++) {
    // traffic grows over the period: later days are more likely
    const at = new Date(start + Math.sqrt(random.next()) * (options.now.getTime() - start - 60_000));
    const link = activeLinks[random.weighted(weights)]!;
    const [browser, os, device] = random.pick(BROWSERS);
    let customerId: string | null = null;
    const leadAt = new Date(at.getTime() + random.int(60, 3 * 86_400) * 1000);
    if (random.chance(0.09) && leadAt < options.now) {
      customerId = randomUUID();
      const converts = random.chance(0.3);
      const plan = random.pick(PLANS);
      const convertedAt = converts ? new Date(leadAt.getTime() + random.int(600, 7 * 86_400) * 1000) : null;
      const paidAt = convertedAt && convertedAt < options.now ? convertedAt : null;
      data.customers.push({
        id: customerId,
        partnerId: link.partnerId,
        customerKey: `user_${10_000 + data.customers.length}`,
        email: `customer${data.customers.length + 1}@mail.example`,
        status: paidAt ? "CUSTOMER" : "LEAD",
        leadAt,
        convertedAt: paidAt,
        createdAt: at,
      });
      if (paidAt) {
        const subscriptionId = `sub_demo_${data.sales.length + 1}`;
        // monthly renewals until today
        for (let month = 0, when = paidAt; when < options.now; month++, when = new Date(paidAt.getTime() + (month + 1) * 30 * 86_400_000)) {
          data.sales.push({
            transactionId: `in_demo_${data.sales.length + 1}`,
            customerId,
            partnerId: link.partnerId,
            amount: plan.amount,
            productId: plan.product,
            occurredAt: when,
            isRecurring: month > 0,
            subscriptionId,
            refunded: month === 0 && random.chance(0.04),
          });
        }
      }
    }
    data.clicks.push({
      token: newClickToken(),
      partnerId: link.partnerId,
      linkId: link.id,
      customerId,
      createdAt: at,
      country: random.pick(COUNTRIES),
      browser,
      os,
      device,
      referrerUrl: random.pick(REFERRERS),
      pageUrl: link.destinationUrl,
      sessionId: `sess_${randomUUID().slice(0, 12)}`,
    });
  }
  return data;
}
