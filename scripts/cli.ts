// Operator CLI: `npm run cli -- <command> [options]`. Uses DATABASE_URL, or the embedded database.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { embeddedAuthSecret, embeddedEncryptionKey, embeddedServerRunning, resolveDatabaseUrl } from "../lib/db/embedded";
import { setting } from "../lib/env";
import { applyMigrations } from "../lib/db/migrate";
import { isApiError } from "../lib/kernel/errors";
import { createUser } from "../lib/users/create-user";
import { createApiToken, listApiTokens, revokeApiToken, type ApiTokenView } from "../lib/users/api-tokens";
import { rotateEncryption } from "../lib/secrets/rotate-encryption";
import { BackupError, backupDatabase } from "../lib/ops/backup";
import { restoreDatabase } from "../lib/ops/restore";

const USAGE = `Usage: npm run cli -- <command> [options]
  create-user  --email E --password P [--name N]   create a program-owner account
  create-token --email E [--name N] [--days D]     print a personal API token for the management API
                                                   (expires after D days; never without --days)
  list-tokens  --email E                           the account's tokens: id, name, state, last use
  revoke-token --id ID                             revoke a token at once (its next request is a 401)
  rotate-encryption                                re-seal every stored secret under the newest key
                                                   of ENCRYPTION_KEYS (keep the old keys until it is done)
  backup --out FILE [--format logical|pg_dump]     back the database up while the app runs (docs/operations.md)
  restore --from FILE [--force]                    restore a backup into an empty database (--force: replace one with data)`;

const COMMANDS = new Set(["create-user", "create-token", "list-tokens", "revoke-token", "rotate-encryption", "backup", "restore"]);

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "never");
function printTokens(tokens: ApiTokenView[]): void {
  if (tokens.length === 0) return void console.log("No tokens.");
  for (const t of tokens)
    console.log([t.id, t.name, `${t.prefix}…`, t.state, `last used ${day(t.lastUsedAt)}`, `expires ${day(t.expiresAt)}`].join("\t"));
}

class UsageError extends Error {}

function option(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value;
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") throw new UsageError("");
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      days: { type: "string" },
      id: { type: "string" },
      out: { type: "string" },
      from: { type: "string" },
      format: { type: "string" },
      force: { type: "boolean" },
    },
    strict: true,
  });
  if (!COMMANDS.has(command)) throw new UsageError(`Unknown command "${command}"`);
  const format = values.format;
  if (format !== undefined && format !== "logical" && format !== "pg_dump") throw new UsageError("--format is logical or pg_dump");

  if (command === "restore" && !setting("DATABASE_URL") && (await embeddedServerRunning())) {
    throw new BackupError("The app is running on this embedded database: stop it first (a restore replaces the whole database)");
  }
  if (!process.env.DATABASE_URL) {
    // the embedded default keeps its secrets beside its data (as `npm start` does)
    process.env.AUTH_SECRET ||= embeddedAuthSecret();
    if (!process.env.ENCRYPTION_KEYS) process.env.ENCRYPTION_KEY ||= embeddedEncryptionKey();
  }
  const database = await resolveDatabaseUrl();
  process.env.DATABASE_URL = database.url;
  try {
    if (command === "backup") {
      const header = await backupDatabase({ url: database.url, out: option(values, "out"), format });
      const rows = Object.values(header.tables).reduce((a, b) => a + b, 0);
      console.log(
        `Backed up ${rows} rows of ${Object.keys(header.tables).length} tables (${header.engine}, migration ${header.migration})`,
      );
      console.error("Keep ENCRYPTION_KEY and AUTH_SECRET with it: encrypted secrets in the backup are useless without them.");
      return;
    }
    if (command === "restore") {
      const result = await restoreDatabase({ url: database.url, from: option(values, "from"), force: values.force === true });
      const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
      console.log(`Restored ${rows} rows from a backup of ${result.header.createdAt} (migration ${result.header.migration})`);
      if (result.applied.length) console.log(`Then applied newer migrations: ${result.applied.join(", ")}`);
      return;
    }
    await applyMigrations({ databaseUrl: database.url });
    if (command === "create-user") {
      const email = option(values, "email");
      const user = await createUser({ email, password: option(values, "password"), name: values.name ?? email.split("@")[0]! });
      console.log(`Created owner account ${user.email} (id ${user.id})`);
    } else if (command === "create-token") {
      const { token, expiresAt } = await createApiToken({ email: option(values, "email"), name: values.name, expiresInDays: values.days });
      console.log(token);
      console.error(
        `Store this token now: it is not shown again. Use it as \`Authorization: Bearer <token>\`. ` +
          (expiresAt ? `It expires ${expiresAt.toISOString()}.` : "It never expires: revoke it with revoke-token."),
      );
    } else if (command === "list-tokens") {
      printTokens(await listApiTokens({ email: option(values, "email") }));
    } else if (command === "revoke-token") {
      const token = await revokeApiToken(option(values, "id"));
      console.log(`Token ${token.id} (${token.name}) is revoked.`);
    } else {
      const result = await rotateEncryption((line) => console.error(line));
      const unreadable = Object.entries(result.unreadable);
      console.log(`Re-sealed ${result.rotated} secrets under key ${result.keyId}; ${result.unchanged} were under it already.`);
      for (const [where, ids] of unreadable)
        console.error(`Unreadable with every configured key: ${where} (${ids.length}): ${ids.slice(0, 20).join(", ")}`);
      if (unreadable.length) process.exitCode = 2;
    }
  } finally {
    const { db } = await import("../lib/db");
    await db.$disconnect().catch(() => undefined);
    await database.stop();
  }
}

run(process.argv.slice(2))
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message) console.error(`Error: ${error.message}`);
      console.error(USAGE);
    } else if (error instanceof ZodError) {
      console.error(`Error: ${error.issues.map((i) => `${i.path.join(".") || "input"} ${i.message}`).join("; ")}`);
    } else if (isApiError(error) || error instanceof BackupError) {
      console.error(`Error: ${error.message}`);
    } else if (error instanceof Error && "code" in error && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      console.error(`Error: ${error.message}\n${USAGE}`);
    } else {
      console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  });
