// The system Chromium (Debian's /usr/bin/chromium) through playwright-core, for the browser tests.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh headless Chromium with one page of the given viewport; close the context after use. */
export async function openChromium(
  width: number,
  height = 900,
): Promise<{ context: BrowserContext; page: Page }> {
  const { chromium } = await import("playwright-core");
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), "reifegrad-chromium-")),
    { executablePath: CHROMIUM, args: ARGS, viewport: { width, height } },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Opens every <details>, so that what they hold is laid out. */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(OPEN_ALL_DETAILS);
}

/** Browser code as text: the tests are compiled without the DOM's types. */
export const OPEN_ALL_DETAILS = `for (const d of document.querySelectorAll("details")) d.open = true;`;

const CLIPPED = `(() => {
  const out = [];
  const right = document.documentElement.clientWidth;
  document.querySelectorAll("svg.chart").forEach((svg, i) => {
    const vb = svg.viewBox.baseVal;
    const b = svg.getBBox();
    const name = svg.getAttribute("class") + " (" + i + ")";
    const tol = 0.5;
    if (b.x < vb.x - tol || b.y < vb.y - tol ||
        b.x + b.width > vb.x + vb.width + tol || b.y + b.height > vb.y + vb.height + tol)
      out.push(name + ": content " + [b.x, b.y, b.width, b.height].map((v) => v.toFixed(1)).join(",") +
        " outside viewBox " + vb.width + "x" + vb.height);
    const r = svg.getBoundingClientRect();
    if (r.width > 0 && r.right > right + 0.5)
      out.push(name + ": right edge " + r.right.toFixed(1) + " past the page (" + right + ")");
  });
  return out;
})()`;

/**
 * Charts whose drawing reaches outside their viewBox (clipped), or whose box reaches past the
 * page's right edge: "class (index): what".
 */
export async function clippedCharts(page: Page): Promise<string[]> {
  return (await page.evaluate(CLIPPED)) as string[];
}
