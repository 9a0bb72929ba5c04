#!/usr/bin/env node
// Writes docs/report-screenshot.png, the README's picture of page one of the demo report: the top
// 1280 × 1560 px of reports/report.html in the system Chromium (/usr/bin/chromium, through
// playwright-core, as the browser tests use it). Render it first with the date the README shows:
// `npm run build && npm start -- --date 2026-12-04`.
// Usage: node scripts/screenshot.mjs [--report FILE] [--out FILE]
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const report = resolve(arg("--report", "reports/report.html"));
const out = arg("--out", "docs/report-screenshot.png");
const CHROMIUM = "/usr/bin/chromium";
const WIDTH = 1280;
const HEIGHT = 1560;

if (!existsSync(report)) throw new Error(`${report} is missing: npm run build && npm start`);
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
const profile = mkdtempSync(join(tmpdir(), "reifegrad-screenshot-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  viewport: { width: WIDTH, height: HEIGHT },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pathToFileURL(report).href);
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
  console.error(`${out}: top ${WIDTH} × ${HEIGHT} px of ${report}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
