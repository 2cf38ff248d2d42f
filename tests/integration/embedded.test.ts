// The embedded default: PGlite in a folder, served over the wire protocol, migrated, seeded,
// stopped and started again with its data intact.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import "../helpers/env";
import { afterAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/demo/seed";

describe("embedded database", () => {
  const dir = mkdtempSync(join(tmpdir(), "partnerloop-embedded-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("boots, migrates, seeds, and keeps its data across restarts", async () => {
    const first = await startEmbeddedDatabase(dir);
    try {
      expect(first.url).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres/);
      expect((await applyMigrations({ databaseUrl: first.url })).length).toBeGreaterThan(0);
      const client = createDbClient(first.url, 4);
      const login = await seedDemo(client);
      expect(await client.partner.count({ where: { programId: login.programId } })).toBe(12);
      await client.$disconnect();
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedDatabase(dir);
    try {
      expect(await applyMigrations({ databaseUrl: second.url })).toEqual([]);
      const client = createDbClient(second.url, 2);
      expect(await client.user.count()).toBe(2);
      expect(await client.click.count()).toBeGreaterThan(1000);
      await client.$disconnect();
    } finally {
      await second.stop();
    }
  }, 180_000);
});
