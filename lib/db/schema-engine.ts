// Loads Prisma's WebAssembly schema engine and connects it to a database through a driver adapter.
// The stock CLI needs a native engine downloaded from Prisma's host, which is unreachable here.
// Internal, undocumented API of @prisma/schema-engine-wasm; see /work/shared/TOOLCHAIN.md.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { setting } from "@/lib/env";

export type { SchemaEngine };

type PanicRegistry = { set_message(message: string): void };
const globals = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };

let runtime: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

// The WASM module must be instantiated once per process; engines created from it are cheap.
function loadRuntime() {
  runtime ??= (async () => {
    // The glue calls this on a Rust panic; it must exist before the module starts. The Prisma
    // client installs its own (throwing) registry; keep it if present.
    globals.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message) {
        throw new Error(`Schema engine panicked: ${message}`);
      },
    };
    const rt = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The package's "exports" hide the .wasm file; find it beside the glue script.
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": rt });
    rt.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return rt;
  })();
  return runtime;
}

/** Engine logs arrive as JSON lines; they are only interesting when debugging. */
function logEngineLine(line: unknown) {
  if (setting("DEBUG")) process.stderr.write(String(line).trimEnd() + "\n");
}

/**
 * Runs `use` with an engine and always frees it afterwards. A JavaScript error thrown inside the
 * adapter (not a database error) reaches us only as "External error id#N"; the original is looked
 * up in the adapter's error registry so the message says what went wrong.
 */
export async function withSchemaEngine<T>(
  adapter: SqlMigrationAwareDriverAdapterFactory,
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const rt = await loadRuntime();
  const bound = bindMigrationAwareSqlAdapterFactory(adapter);
  const engine = await rt.SchemaEngine.new({ datamodels: undefined }, logEngineLine, bound);
  try {
    return await use(engine);
  } catch (error) {
    const id = error instanceof Error ? /External error id#(\d+)/.exec(error.message)?.[1] : undefined;
    const original = id === undefined ? undefined : bound.errorRegistry.consumeError(Number(id))?.error;
    throw original ?? error;
  } finally {
    engine.free();
  }
}

/** Turns a PostgreSQL error (from pg or PGlite) into the shape the engine reports to the user. */
function toDriverAdapterError(error: unknown): unknown {
  if (!(error instanceof Error) || !("code" in error) || typeof error.code !== "string") return error;
  const field = (name: string) => {
    const value: unknown = (error as unknown as Record<string, unknown>)[name];
    return typeof value === "string" ? value : undefined;
  };
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code,
    severity: field("severity") ?? "ERROR",
    message: error.message,
    detail: field("detail"),
    column: field("column"),
    hint: field("hint"),
  });
}

/**
 * The engine hands each migration to `executeScript` in one piece. PrismaPg splits the script on
 * every ";" (breaking string literals and $$ bodies) and PrismaPGlite does not await it (errors are
 * lost). Both are replaced by one simple-protocol query, as the native engine does: PostgreSQL runs
 * a multi-statement simple query in one implicit transaction.
 */
function runScriptsWholly(adapter: SqlDriverAdapter, run: (script: string) => Promise<unknown>) {
  adapter.executeScript = async (script) => {
    try {
      await run(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  };
  return adapter;
}

export type EngineConnection = { adapter: SqlMigrationAwareDriverAdapterFactory; close(): Promise<void> };

/** A PostgreSQL server (or PGlite over the wire protocol). The caller must `close()` it. */
export function connectPostgres(databaseUrl: string): EngineConnection {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on("error", () => {}); // an idle client dropped by the server must not crash the process
  const base = new PrismaPg(pool);
  const adapter: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => runScriptsWholly(await base.connect(), (script) => pool.query(script)),
    connectToShadowDb: async () => {
      throw new Error("This runner never needs a shadow database on the server");
    },
  };
  return { adapter, close: () => pool.end() };
}

/** An in-process PGlite. The caller owns (and closes) the PGlite instance. */
export function connectPGlite(db: PGlite): EngineConnection {
  const base = new PrismaPGlite(db);
  const adapter: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => runScriptsWholly(await base.connect(), (script) => db.exec(script)),
    connectToShadowDb: async () => {
      throw new Error("This runner never needs a shadow database on PGlite");
    },
  };
  return { adapter, close: async () => {} };
}
