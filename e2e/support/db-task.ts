// Test-data helper, run with tsx by fixtures.ts (Playwright's own loader cannot import the app's
// ESM-only dependencies). Uses the app's domain functions so the rows look exactly like real ones.
// Input: JSON list of steps on argv[2]; a string "$<n>.<field>" refers to the result of step n.
// Output: JSON list of results on stdout. DATABASE_URL must point at the e2e database.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { systemActor } from "@/lib/audit/actor";
import { createProgram } from "@/lib/programs/create-program";
import { createUser } from "@/lib/users/create-user";
import { newClickToken } from "@/lib/ids";
import { recordSale } from "@/lib/tracking/record-sale";
import { runJob } from "@/lib/jobs/run";
import { deliverDueNotifications } from "@/lib/notifications/deliver";

export type Step =
  | { op: "owner"; name: string; email: string; password: string }
  | { op: "program"; ownerId: string; name: string; websiteUrl: string }
  | { op: "partnerUser"; programId: string; name: string; email: string; password: string }
  | { op: "member"; programId: string; name: string; email: string; password: string; role: "OWNER" | "ADMIN" | "VIEWER" }
  | {
      op: "trackingProgram";
      ownerId: string;
      name: string;
      websiteUrl: string;
      allowedDomains: string[];
      cookieWindowDays: number;
      cleanupParams: boolean;
      linkCode: string;
    }
  | { op: "apiKey"; programId: string; name: string }
  | { op: "sales"; programId: string; partnerId: string; amounts: number[] }
  | { op: "failingJob"; queue: string; message: string; times: number }
  | { op: "deliverNotifications"; programId: string; minutesAhead: number };

function resolveRefs(step: Step, results: Record<string, unknown>[]): Step {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(step)) {
    const ref = typeof value === "string" ? /^\$(\d+)\.(\w+)$/.exec(value) : null;
    out[key] = ref ? results[Number(ref[1])]?.[ref[2]!] : value;
  }
  return out as Step;
}

async function run(step: Step): Promise<Record<string, unknown>> {
  switch (step.op) {
    case "sales": {
      // Attributed sales of one partner (a link, a click per sale, then the sale): pending commissions.
      const code = randomBytes(5).toString("hex");
      const link = await db.referralLink.create({
        data: { programId: step.programId, partnerId: step.partnerId, code, destinationUrl: "https://shop.example.com/" },
      });
      const commissionIds: number[] = [];
      for (const amount of step.amounts) {
        const click = await db.click.create({
          data: { programId: step.programId, partnerId: step.partnerId, linkId: link.id, token: newClickToken() },
        });
        const sale = await recordSale({
          programId: step.programId,
          transactionId: `e2e_${randomBytes(6).toString("hex")}`,
          amount,
          clickToken: click.token,
          type: "PAYMENT",
          isRecurring: false,
          source: "API",
        });
        commissionIds.push(sale.commissionId!);
      }
      return { commissionIds: commissionIds.join(",") };
    }
    case "deliverNotifications": {
      // One pass of the outbox as if `minutesAhead` had passed (past the batching window).
      // The server's AUTH_SECRET is its own (start-app.ts): unsubscribe links signed here would not
      // verify there; this spec does not follow them (tests/integration/notifications.test.ts does).
      process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
      process.env.LOG_LEVEL = "warn"; // stdout carries the JSON answer; "mail written" lines would break it
      const now = new Date(Date.now() + step.minutesAhead * 60_000);
      const outcomes = await deliverDueNotifications({ programId: step.programId, now });
      return { statuses: outcomes.map((o) => o.status).join(","), errors: outcomes.map((o) => o.error ?? "").join(",") };
    }
    case "failingJob": {
      // Runs of a job that throw, recorded as the workers record them (lib/jobs/run.ts).
      for (let i = 0; i < step.times; i++) {
        await runJob(step.queue, async () => {
          throw new Error(step.message);
        }).catch(() => undefined);
      }
      return { queue: step.queue };
    }
    case "owner":
      return { ...(await createUser({ name: step.name, email: step.email, password: step.password }, "OWNER")) };
    case "program": {
      const program = await createProgram(step.ownerId, { name: step.name, websiteUrl: step.websiteUrl });
      return { id: program.id, name: program.name };
    }
    case "partnerUser": {
      const user = await createUser({ name: step.name, email: step.email, password: step.password }, "PARTNER");
      const partner = await db.partner.create({
        data: {
          programId: step.programId,
          userId: user.id,
          name: step.name,
          email: user.email,
          code: randomBytes(5).toString("hex"),
          status: "ACTIVE",
        },
      });
      return { ...user, partnerId: partner.id };
    }
    case "member": {
      // A team member (owner-workspace account) of an existing program with the given role.
      const user = await createUser({ name: step.name, email: step.email, password: step.password }, "OWNER");
      await db.programMember.create({ data: { programId: step.programId, userId: user.id, role: step.role } });
      return { ...user };
    }
    case "trackingProgram": {
      // A program with one active partner and one referral link (?aff=linkCode), for the tracker spec.
      const { ownerId, linkCode, ...settings } = step;
      const program = await createProgram(ownerId, settings);
      const partner = await db.partner.create({
        data: {
          programId: program.id,
          name: "Tracker Partner",
          email: `partner-${linkCode}@example.com`,
          code: randomBytes(5).toString("hex"),
          status: "ACTIVE",
        },
      });
      const link = await db.referralLink.create({
        data: { programId: program.id, partnerId: partner.id, code: linkCode, destinationUrl: settings.websiteUrl },
      });
      return { id: program.id, clientId: program.clientId, partnerId: partner.id, partnerCode: partner.code, linkId: link.id };
    }
    case "apiKey": {
      // A program API key: the secret (pl_sk_…) and its public part (pl_pk_…), as settings show them once.
      const { key, secret } = await createApiKey(step.programId, { name: step.name }, systemActor);
      return { id: key.id, secret, publicKey: key.publicKey };
    }
  }
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
  const steps = JSON.parse(process.argv[2] ?? "[]") as Step[];
  const results: Record<string, unknown>[] = [];
  for (const step of steps) results.push(await run(resolveRefs(step, results)));
  process.stdout.write(JSON.stringify(results));
}

main()
  .then(async () => {
    await db.$disconnect();
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
