// Opens report.html in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
// no console errors, no request leaving the page, the charts are drawn, and a screenshot.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAssessment } from "../../src/report/read-assessment.js";
import { rootDimensions, shownDepartments, visibleItems } from "../../src/report/view.js";
import type { Assessment } from "../../src/scoring/assessment.js";
import { ASSESSMENT_SCHEMA } from "../report/assessment-schema.js";
import { clippedCharts, OPEN_ALL_DETAILS } from "./chromium.js";
import { cli, ROOT, tempDir } from "./cli.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
if (!available)
  console.warn(`skipping the browser test: ${CHROMIUM} not found (apt-get install -y chromium)`);

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

describe.skipIf(!available)("report.html in Chromium", () => {
  it("renders without errors or network requests, with every chart drawn", async () => {
    const { chromium } = await import("playwright-core");
    const wave = "fixtures/assessments/wave-2024.json";
    const a = (
      parseAssessment(readFileSync(wave, "utf8"), ASSESSMENT_SCHEMA) as { assessment: Assessment }
    ).assessment;
    const out = tempDir();
    const r = cli(["report", wave, "--out", out, "--format", "html", "--lang", "de"]);
    expect(r.status, r.stderr).toBe(0);
    const userDataDir = mkdtempSync(join(tmpdir(), "reifegrad-chromium-"));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1200, height: 900 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      const external: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await page.route("**", (route) => {
        const url = route.request().url();
        if (!url.startsWith("file:") && !url.startsWith("data:")) {
          external.push(url);
          return route.abort();
        }
        return route.continue();
      });
      await page.goto(`file://${resolve(out, "report.html")}`);
      await page.waitForLoadState("load");
      expect(errors).toEqual([]);
      expect(external).toEqual([]);

      const shown = shownDepartments(a);
      const dims = rootDimensions(a).length;
      // Heatmap: one cell per shown unit (departments + administration) × (dimensions + overall).
      expect(await page.locator("svg.heatmap rect.heat-cell").count()).toBe(
        (shown.length + 1) * (dims + 1),
      );
      expect(await page.locator("svg.heatmap rect.heat-suppressed").count()).toBe(
        a.departments.length - shown.length,
      );
      // Radar: one per shown unit; unit polygons for every shown unit, admin polygons for each department.
      expect(await page.locator("svg.radar").count()).toBe(shown.length + 1);
      expect(await page.locator("svg.radar polygon.radar-unit").count()).toBe(shown.length + 1);
      expect(await page.locator("svg.radar polygon.radar-admin").count()).toBe(shown.length);
      expect(await page.locator("svg.radar polygon.radar-target").count()).toBe(shown.length + 1);
      // Diverging bars: one row per visible administration item, in charts per dimension.
      expect(await page.locator('svg.distribution g.dist-row[id^="dist-"]').count()).toBe(
        visibleItems(a, a.administration).length,
      );
      // Every chart has an accessible title and description.
      const charts = await page.locator("svg.chart").count();
      expect(await page.locator("svg.chart > title").count()).toBe(charts);
      expect(await page.locator("svg.chart > desc").count()).toBe(charts);
      // The polygons have real geometry (inside a collapsed <details> they are not drawn).
      await page.evaluate(OPEN_ALL_DETAILS);
      // Self-image and outside view: one row per comparison; no chart drawn outside its box.
      expect(await page.locator("svg.outside-view circle > title").count()).toBe(
        a.comparisons.length,
      );
      expect(await clippedCharts(page)).toEqual([]);
      const box = await page.locator("svg.radar polygon.radar-unit").first().boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(10);

      const shots = join(ROOT, "test-output");
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, "report-fixture.png"), fullPage: true });
      await page.emulateMedia({ media: "print" });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
