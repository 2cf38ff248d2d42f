// The operator CLI as an operator runs it: a child process, its exit code and its output.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { uniqueEmail } from "../helpers/factories";
import { db } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";

const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node_modules/.bin/tsx", ["scripts/cli.ts", ...args], { env: process.env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run cli", () => {
  it("create-user makes an owner account and create-token prints a working token", async () => {
    const email = uniqueEmail("cli");
    const created = await cli("create-user", "--email", email, "--password", "a long enough password");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`Created owner account ${email}`);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.kind).toBe("OWNER");

    const token = await cli("create-token", "--email", email);
    expect(token.code).toBe(0);
    const printed = token.stdout.trim();
    expect(printed).toMatch(/^plt_[0-9A-Za-z]{40}$/);
    expect(token.stderr).toContain("not shown again");
    expect(await db.apiToken.count({ where: { userId: user.id, tokenHash: sha256Hex(printed) } })).toBe(1);
  });

  it("exits non-zero with a clear message on bad input, writing nothing", async () => {
    const email = uniqueEmail("bad");
    const short = await cli("create-user", "--email", email, "--password", "short");
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/password must be at least 10 characters/);
    expect(await db.user.count({ where: { email } })).toBe(0);

    const missing = await cli("create-user", "--password", "a long enough password");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--email is required");

    const duplicate = await cli("create-user", "--email", email.toUpperCase(), "--password", "a long enough password");
    expect(duplicate.code).toBe(0);
    const again = await cli("create-user", "--email", email, "--password", "a long enough password");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");

    const unknownUser = await cli("create-token", "--email", uniqueEmail("nobody"));
    expect(unknownUser.code).toBe(1);
    expect(unknownUser.stderr).toMatch(/No user with e-mail/);

    const unknownCommand = await cli("drop-everything");
    expect(unknownCommand.code).toBe(1);
    expect(unknownCommand.stderr).toContain('Unknown command "drop-everything"');
  });

  it("list-tokens and revoke-token: a revoked token is refused at once", async () => {
    const email = uniqueEmail("cli-tokens");
    expect((await cli("create-user", "--email", email, "--password", "a long enough password")).code).toBe(0);
    const created = await cli("create-token", "--email", email, "--name", "deploy", "--days", "7");
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/It expires 20\d\d-/);
    const listed = await cli("list-tokens", "--email", email);
    expect(listed.code).toBe(0);
    const [line] = listed.stdout.trim().split("\n");
    const [id, name, , state] = line!.split("\t");
    expect([name, state]).toEqual(["deploy", "active"]);
    const revoked = await cli("revoke-token", "--id", id!);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain("is revoked");
    expect((await cli("list-tokens", "--email", email)).stdout).toContain("\trevoked\t");
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: id! } });
    expect(row.revokedAt).not.toBeNull();
    const unknown = await cli("revoke-token", "--id", "no-such-token");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No token with this id");
    expect((await cli("create-token", "--email", email, "--days", "0")).stderr).toMatch(/at least 1 day/);
  });

  it("rotate-encryption re-seals under the newest key and says so", async () => {
    const rotated = await cli("rotate-encryption");
    // 2 when rows sealed under keys this process lacks exist (other test files seal with random keys)
    expect([0, 2]).toContain(rotated.code);
    if (rotated.code === 2) expect(rotated.stderr).toContain("Unreadable with every configured key");
    expect(rotated.stdout).toMatch(/Re-sealed \d+ secrets under key [A-Za-z0-9_-]{8}/);
  });

  it("backup writes a file that names its migration; restore refuses a database with data and names --force", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "partnerloop-cli-")), "test.plbackup");
    const backup = await cli("backup", "--out", file);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up \d+ rows of \d+ tables \(pg_dump, migration \d{14}_\w+\)/);
    expect(backup.stderr).toContain("ENCRYPTION_KEY");
    expect(JSON.parse(readFileSync(file, "utf8").split("\n")[0]!)).toMatchObject({ format: "partnerloop-backup", engine: "pg_dump" });
    const users = await db.user.count();
    const restore = await cli("restore", "--from", file);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/^Error: The target database holds data .*add --force\.\n$/);
    expect(await db.user.count()).toBeGreaterThanOrEqual(users);
    const missing = await cli("restore");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("--from is required");
    rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
