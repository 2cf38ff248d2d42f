// Test data and browser helpers for the UI specs. Users and programs are created directly in the
// run's database (through db-task.ts and the app's own domain functions) with a known password.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { expect, type Page } from "@playwright/test";
import type { Step } from "./db-task";
import { DATABASE_URL_FILE, SCREENSHOTS_DIR, appDataDir, databaseUrl } from "./run";

const ROOT = resolve(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
export const PASSWORD = "correct-horse-battery-9";

/** Unique per call, so tests never share rows and can run in any order or in parallel. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@example.com`;
}

function e2eDatabaseUrl(): string {
  // The launcher writes the file once it has created the database; the name is derived from the run id.
  const url = databaseUrl();
  if (!existsSync(DATABASE_URL_FILE) || readFileSync(DATABASE_URL_FILE, "utf8").trim() !== url) {
    throw new Error(`e2e database ${url} is not ready (no matching ${DATABASE_URL_FILE}); is the app webServer running?`);
  }
  return url;
}

export async function dbTask(steps: Step[]): Promise<Record<string, string>[]> {
  const { stdout } = await promisify(execFile)(TSX, ["e2e/support/db-task.ts", JSON.stringify(steps)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), CHECKPOINT_DISABLE: "1" },
    timeout: 30_000,
  });
  return JSON.parse(stdout) as Record<string, string>[];
}

export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
}

export async function createOwner(name = "Olivia Owner"): Promise<TestUser> {
  const email = uniqueEmail("owner");
  const [user] = await dbTask([{ op: "owner", name, email, password: PASSWORD }]);
  return { id: user!.id!, name, email, password: PASSWORD };
}

/** An owner with one program of their own. */
export async function createOwnerWithProgram(
  programName: string,
  name = "Olivia Owner",
): Promise<{ owner: TestUser; program: { id: string; name: string } }> {
  const email = uniqueEmail("owner");
  const [user, program] = await dbTask([
    { op: "owner", name, email, password: PASSWORD },
    { op: "program", ownerId: "$0.id", name: programName, websiteUrl: "https://shop.example.com" },
  ]);
  return { owner: { id: user!.id!, name, email, password: PASSWORD }, program: { id: program!.id!, name: program!.name! } };
}

/** A partner account (User.kind PARTNER) linked to an active Partner row of `programId`. */
export async function createPartnerUser(programId: string, name = "Paula Partner"): Promise<TestUser & { partnerId: string }> {
  const email = uniqueEmail("partner");
  const [user] = await dbTask([{ op: "partnerUser", programId, name, email, password: PASSWORD }]);
  return { id: user!.id!, name, email, password: PASSWORD, partnerId: user!.partnerId! };
}

/** Fills the sign-in form on the current page and submits it. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in at `path` (/login or /partner/login) and waits until the browser has left the form. */
export async function signIn(page: Page, email: string, password: string, path = "/login"): Promise<void> {
  await page.goto(path);
  await submitSignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/login(\?|$)/, { timeout: 20_000 });
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

/** Full-page screenshot kept as a run artifact (not only on failure). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** Screenshots at laptop and phone widths (the page ends at laptop width again). */
export async function snapBoth(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await snap(page, `${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await snap(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * The newest mail the app wrote to `to` (no SMTP_URL: mails are files in the app's data folder),
 * waiting for it; returns the first link to `path` in it.
 */
export async function linkFromMail(to: string, path: string, timeoutMs = 20_000): Promise<string> {
  const { readdirSync } = await import("node:fs");
  const dir = join(appDataDir(), "mail");
  const slug = to.replace(/[^a-zA-Z0-9@.-]/g, "_");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.includes(slug))
          .sort()
      : [];
    for (const file of files.reverse()) {
      const match = new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_]+`).exec(readFileSync(join(dir, file), "utf8"));
      if (match) return match[0];
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} with a ${path} link in ${dir}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
