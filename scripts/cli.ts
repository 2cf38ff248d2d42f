// Operator CLI: `npm run cli -- <command> [options]`. Uses DATABASE_URL, or the embedded database.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { resolveDatabaseUrl } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { isApiError } from "../lib/kernel/errors";
import { createUser } from "../lib/users/create-user";
import { createApiToken } from "../lib/users/create-api-token";

const USAGE = `Usage: npm run cli -- <command> [options]
  create-user  --email E --password P [--name N]   create a program-owner account
  create-token --email E [--name N]                print a personal API token for the management API`;

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
    options: { email: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
    strict: true,
  });
  if (command !== "create-user" && command !== "create-token") throw new UsageError(`Unknown command "${command}"`);

  const database = await resolveDatabaseUrl();
  process.env.DATABASE_URL = database.url;
  try {
    await applyMigrations({ databaseUrl: database.url });
    if (command === "create-user") {
      const email = option(values, "email");
      const user = await createUser({ email, password: option(values, "password"), name: values.name ?? email.split("@")[0]! });
      console.log(`Created owner account ${user.email} (id ${user.id})`);
    } else {
      const { token } = await createApiToken({ email: option(values, "email"), name: values.name });
      console.log(token);
      console.error("Store this token now: it is not shown again. Use it as `Authorization: Bearer <token>`.");
    }
  } finally {
    const { db } = await import("../lib/db");
    await db.$disconnect().catch(() => undefined);
    await database.stop();
  }
}

run(process.argv.slice(2))
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message) console.error(`Error: ${error.message}`);
      console.error(USAGE);
    } else if (error instanceof ZodError) {
      console.error(`Error: ${error.issues.map((i) => `${i.path.join(".") || "input"} ${i.message}`).join("; ")}`);
    } else if (isApiError(error)) {
      console.error(`Error: ${error.message}`);
    } else if (error instanceof Error && "code" in error && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      console.error(`Error: ${error.message}\n${USAGE}`);
    } else {
      console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  });
