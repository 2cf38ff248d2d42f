// Database CLI: `tsx scripts/db.ts <migrate|deploy|reset|status|seed>` (see the db:* npm scripts).
// Migrations run through Prisma's WASM schema engine (lib/db/migrate.ts): the stock
// `prisma migrate` needs a native engine that cannot be downloaded here.
import path from "node:path";
import { applyMigrations, createMigration, migrationStatus, resetDatabase } from "../lib/db/migrate";

const USAGE = `Usage: tsx scripts/db.ts <command>
  migrate --name <name>   write a new migration from prisma/schema.prisma (npm run db:migrate -- --name x)
  deploy                  apply pending migrations to DATABASE_URL
  reset [--force]         empty DATABASE_URL and re-apply all migrations (--force for non-local hosts)
  status                  list applied and pending migrations
  seed [...]              load demo data`;

class UsageError extends Error {}

function optionValue(args: string[], name: string): string | undefined {
  const index = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const arg = args[index];
  if (arg === undefined) return undefined;
  return arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[index + 1];
}

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new UsageError("DATABASE_URL is not set (expected postgres://user@host:port/database)");
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new UsageError("DATABASE_URL must start with postgres:// or postgresql://");
  }
  return url;
}

function list(names: string[]): string {
  return `${names.length} migration${names.length === 1 ? "" : "s"}${names.length ? `: ${names.join(", ")}` : ""}`;
}

async function run(command: string | undefined, args: string[]): Promise<number> {
  switch (command) {
    case "migrate": {
      const name = optionValue(args, "name");
      if (!name || name.startsWith("--")) throw new UsageError("migrate needs a name: npm run db:migrate -- --name add_users");
      const created = await createMigration({ name });
      if (!created) {
        console.log("No schema changes: the migrations already match prisma/schema.prisma");
      } else {
        console.log(`Created ${path.relative(process.cwd(), path.join(created.dir, "migration.sql"))}`);
        console.log("Apply it with: npm run db:deploy");
      }
      return 0;
    }
    case "deploy": {
      const applied = await applyMigrations({ databaseUrl: requireDatabaseUrl() });
      console.log(applied.length ? `Applied ${list(applied)}` : "Database is up to date");
      return 0;
    }
    case "reset": {
      const applied = await resetDatabase({ databaseUrl: requireDatabaseUrl(), force: args.includes("--force") });
      console.log(`Database reset; applied ${list(applied)}`);
      return 0;
    }
    case "status": {
      const { applied, pending, failed } = await migrationStatus({ databaseUrl: requireDatabaseUrl() });
      console.log(`Applied ${list(applied)}`);
      if (failed.length) console.log(`Failed ${list(failed)} (fix the database, then mark it rolled back)`);
      console.log(pending.length ? `Pending ${list(pending)}` : "Database is up to date");
      return failed.length ? 1 : 0;
    }
    case "seed": {
      const { runSeedCommand } = await import("../lib/demo/seed");
      await runSeedCommand(args);
      return 0;
    }
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(command ? `Unknown command "${command}"\n${USAGE}` : USAGE);
  }
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  let code: number;
  try {
    code = await run(command, args);
  } catch (error) {
    if (process.env.DEBUG && error instanceof Error) console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    // Usage text is multi-line on purpose; other errors are folded into one line.
    console.error(error instanceof UsageError ? message : `Error: ${message.replace(/\s*\n\s*/g, " ")}`);
    code = 1;
  }
  // Open pools or timers (e.g. from the seed) must not keep the process alive.
  process.exit(code);
}

void main();
