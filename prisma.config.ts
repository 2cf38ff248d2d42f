// Prisma CLI configuration. The stock CLI downloads a native schema engine before any command;
// offline that fails. `generate`, `validate` and `format` never use it, so pointing the variable at
// an existing file lets them run. Migrations go through our WASM runner (lib/db/migrate.ts).
import { defineConfig } from "prisma/config";

if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgres://localhost:5432/partnerloop" },
});
