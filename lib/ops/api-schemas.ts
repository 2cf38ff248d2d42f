// Wire schemas of the operations endpoints (app/api/health, app/api/ready, app/api/v1/system).
import { z } from "zod";

const check = z
  .object({
    state: z.enum(["ok", "failed", "skipped"]),
    latencyMs: z.number().int().min(0).describe("How long the check took"),
    message: z.string().optional().describe("What was found, or why it failed (no addresses, no secrets)"),
  })
  .meta({ id: "ReadinessCheck" });

export const healthResponse = z
  .object({ status: z.literal("ok"), version: z.string(), uptimeSeconds: z.number().int().min(0) })
  .meta({ id: "Health" });

export const readinessResponse = z
  .object({
    status: z.enum(["ready", "not_ready"]),
    version: z.string().describe("The running code's version (package.json)"),
    migration: z.string().nullable().describe("The newest migration applied to the database"),
    checks: z.object({ database: check, migrations: check, jobs: check, redis: check }),
  })
  .meta({ id: "Readiness" });
