// Validated configuration. Parsed lazily on first use (never at import: `next build` imports
// modules without a runtime environment), and the error names every variable that is wrong.
import { z } from "zod";
import { parseTrustProxy } from "@/lib/http/trust-proxy";

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // The tracking statements sent on the pool directly are prepared per connection (lib/db.ts).
  DATABASE_PREPARED_STATEMENTS: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)"),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=_-]{43,}$/, "must be 32 random bytes, base64 encoded")
    .optional(),
  APP_URL: z.url().default("http://localhost:3000"),
  // Off by default: the client is the TCP peer. lib/http/trust-proxy.ts lists the values.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if ("ok" in parsed) return parsed.ok;
      ctx.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Public tracking endpoints, per minute; 0 turns a limit off.
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_PROGRAM_PER_MINUTE: z.coerce.number().int().min(0).default(60_000),
  JOBS_ENABLED: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` +
        "See the configuration table in README.md.",
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    const value = source[name];
    return value === undefined || value === "" ? `${name} is missing` : `${name} ${issue.message}`;
  });
  throw new EnvError(problems);
}

const databaseSchema = envSchema.pick({ DATABASE_URL: true, DATABASE_POOL_MAX: true, DATABASE_PREPARED_STATEMENTS: true });

let cached: Env | undefined;

/** Only what a database connection needs: lets the CLI and scripts run without AUTH_SECRET. */
export function databaseEnv(): z.infer<typeof databaseSchema> {
  if (cached) return cached;
  const result = databaseSchema.safeParse(process.env);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => (process.env[String(i.path[0])] ? `${String(i.path[0])} ${i.message}` : `${String(i.path[0])} is missing`)));
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
