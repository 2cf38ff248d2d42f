// Validated configuration, the only reader of process.env. Parsed lazily on first use (never at
// import: `next build` imports modules without a runtime environment), and the error names every
// variable that is wrong. Two ways in:
// - env(): the app's whole configuration, checked at once and cached (DATABASE_URL and AUTH_SECRET
//   required);
// - setting(name): one of the few settings read before that configuration exists or without it
//   (the embedded database's start, the CLI and seed scripts, logging, e-mail, migrations, the
//   webhook guard's switch). Same rules, no other variable needed, read on each call: scripts set
//   them while they run and tests switch them per case.
import { z } from "zod";
import { parseTrustProxy } from "@/lib/kernel/trust-proxy";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

const flag = (fallback: "true" | "false") =>
  z
    .enum(["true", "false", "1", "0"], "must be true or false")
    .default(fallback)
    .transform((v) => v === "true" || v === "1");

/** An empty value reads as unset (a blank line in an .env file, `X= npm start`). */
const blankIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

/** Settings that need nothing else: each can be read alone with setting(name). */
const standaloneShape = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Optional here: scripts fall back to the embedded database (lib/db/embedded.ts). */
  DATABASE_URL: postgresUrl.optional(),
  APP_URL: z.url().default("http://localhost:3000"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // The embedded database's folder (and the mail folder without SMTP_URL), and its fixed port.
  PARTNERLOOP_DATA_DIR: blankIsUnset(z.string().default(".data")),
  PGLITE_PORT: blankIsUnset(z.coerce.number({ error: "must be a port number" }).int("must be a port number").min(1).max(65_535).optional()),
  // libpq's host when a database URL names none (lib/db/migrate.ts `isLocalDatabaseUrl`).
  PGHOST: blankIsUnset(z.string().optional()),
  // Any value: the schema engine's logs go to stderr (lib/db/schema-engine.ts).
  DEBUG: blankIsUnset(z.string().optional()),
  SMTP_URL: blankIsUnset(
    z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  MAIL_FROM: blankIsUnset(z.string().min(3).default("Partnerloop <no-reply@localhost>")),
  // Who may create accounts on the web (lib/users/signup-policy.ts): open, invite (the default
  // once an owner exists) or closed.
  SIGNUP: blankIsUnset(z.enum(["open", "invite", "closed"], "must be open, invite or closed").optional()),
  // Who sees Settings → System and may retry jobs (instance-wide): these e-mails, comma-separated;
  // unset, every owner of a program (lib/jobs/system-status.ts).
  OPERATOR_EMAILS: blankIsUnset(
    z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      )
      .optional(),
  ),
  // The demo owner's password when demo data is seeded (random otherwise).
  DEMO_PASSWORD: blankIsUnset(z.string().optional()),
  // Lifts the webhook guard against private addresses (lib/webhooks/private-addresses.ts).
  WEBHOOK_ALLOW_PRIVATE_URLS: blankIsUnset(
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(["true", "false", "1", "0"], "must be true or false"))
      .optional(),
  ).transform((v) => v === "true" || v === "1"),
};

const envSchema = z.object({
  ...standaloneShape,
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // The tracking statements sent on the pool directly are prepared per connection (lib/db.ts).
  DATABASE_PREPARED_STATEMENTS: flag("true"),
  // A read replica for reports (lib/db.ts `getReportsDb`); unset: the primary.
  REPORTS_DATABASE_URL: blankIsUnset(postgresUrl.optional()),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)"),
  // The key that seals stored secrets (lib/crypto.ts); required in production (below).
  ENCRYPTION_KEY: blankIsUnset(
    z
      .string()
      .regex(/^[A-Za-z0-9+/=_-]{43,}$/, "must be 32 random bytes, base64 encoded")
      .optional(),
  ),
  // A keyring, newest first, comma-separated: the newest seals, every key opens (rotation).
  ENCRYPTION_KEYS: blankIsUnset(
    z
      .string()
      .regex(/^[A-Za-z0-9+/=_-]{43,}(,\s*[A-Za-z0-9+/=_-]{43,})*$/, "must be a comma-separated list of base64 keys of 32 bytes")
      .optional(),
  ),
  // Off by default: the client is the TCP peer. lib/kernel/trust-proxy.ts lists the values.
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if ("ok" in parsed) return parsed.ok;
      ctx.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  // Public tracking endpoints, per minute; 0 turns a limit off.
  RATE_LIMIT_IP_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_PROGRAM_PER_MINUTE: z.coerce.number().int().min(0).default(60_000),
  JOBS_ENABLED: flag("true"),
  // GET /metrics answers only with `Authorization: Bearer <METRICS_TOKEN>`; unset, it is a 404.
  METRICS_TOKEN: blankIsUnset(z.string().min(16, "must be at least 16 characters (try: openssl rand -hex 24)").optional()),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\n` + "See the configuration table in README.md.");
    this.name = "EnvError";
  }
}

function problemsOf(issues: z.core.$ZodIssue[], source: Record<string, string | undefined>): string[] {
  return issues.map((issue) => {
    const name = String(issue.path[0] ?? "");
    const value = source[name];
    if (issue.message.startsWith(`${name} `)) return issue.message;
    return value === undefined || value === "" ? `${name} is missing` : `${name} ${issue.message}`;
  });
}

const KEY_REQUIRED =
  "ENCRYPTION_KEY is missing: production needs a key for payout details and webhook secrets " +
  "(generate one with: openssl rand -base64 32; keep it with your backups)";

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema
    .superRefine((value, ctx) => {
      if (value.NODE_ENV === "production" && !value.ENCRYPTION_KEY && !value.ENCRYPTION_KEYS)
        ctx.addIssue({ code: "custom", path: ["ENCRYPTION_KEY"], message: KEY_REQUIRED });
    })
    .safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(problemsOf(result.error.issues, source));
}

type Standalone = typeof standaloneShape;

/** One standalone setting (see the top of this file), validated, from process.env as it is now. */
export function setting<K extends keyof Standalone>(name: K): z.output<Standalone[K]> {
  const schema = z.object({ [name]: standaloneShape[name] } as Pick<Standalone, K>);
  const result = schema.safeParse({ [name]: process.env[name] });
  if (result.success) return (result.data as Record<K, z.output<Standalone[K]>>)[name];
  throw new EnvError(problemsOf(result.error.issues, process.env));
}

const databaseSchema = envSchema.pick({
  DATABASE_URL: true,
  DATABASE_POOL_MAX: true,
  DATABASE_PREPARED_STATEMENTS: true,
  REPORTS_DATABASE_URL: true,
});

let cached: Env | undefined;

/** Only what a database connection needs: lets the CLI and scripts run without AUTH_SECRET. */
export function databaseEnv(): z.infer<typeof databaseSchema> {
  if (cached) return cached;
  const result = databaseSchema.safeParse(process.env);
  if (result.success) return result.data;
  throw new EnvError(problemsOf(result.error.issues, process.env));
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** The environment a child process (pg_dump, pg_restore) inherits, with `extra` on top (e.g. PGPASSWORD). */
export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
