import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
const login = JSON.parse(readFileSync("/tmp/pl-data/demo-login.json", "utf8"));
const base = "http://127.0.0.1:3100";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(base + "/login");
await page.fill("#email", login.email); await page.fill("#password", login.password);
await page.click("button[type=submit]"); await page.waitForURL(/dashboard\/.+/);
const p = `/dashboard/${login.programId}`;
for (const [name, path] of [["overview", ""], ["partners", "/partners"], ["reports", "/reports"], ["install", "/install"], ["settings", "/settings"], ["commissions", "/commissions"], ["payouts", "/payouts"], ["links", "/links"], ["activity", "/activity"]]) {
  await page.setViewportSize({ width: 1280, height: 900 });
  const res = await page.goto(base + p + path); await page.waitForLoadState("networkidle").catch(() => {});
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  const wide = await page.evaluate(() => {
    const w = document.documentElement.scrollWidth;
    const offenders = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > 392 && !e.closest(".overflow-x-auto")).slice(-3).map((e) => `${e.tagName}.${(e.className?.toString?.() ?? "").slice(0, 60)} r=${Math.round(e.getBoundingClientRect().right)}`);
    return { w, offenders };
  });
  console.log(name, res?.status(), JSON.stringify(wide));
  await page.screenshot({ path: `/tmp/shots/${name}-phone.png`, fullPage: false });
}
await browser.close();
