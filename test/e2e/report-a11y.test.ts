// Accessibility of report.html (BITV 2.0 / WCAG 2.1 AA): axe-core in the system Chromium finds no
// violation on the whole page, every <details> open. The demo without and with a previous wave
// (the trend in the summary, per dimension and per department), the small fixture assessment, and
// the trend golden the report tests render; the reports with a trend also draw no chart clipped.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumAvailable, clippedCharts, OPEN_ALL_DETAILS, openChromium } from "./chromium.js";
import { cli, ROOT, tempDir } from "./cli.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const RUN_AXE = `axe.run(document, {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
}).then((r) => r.violations.map((v) =>
  v.id + " (" + v.impact + "): " + v.help + " — " +
  v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")))`;

/** axe-core's violations at 1280 px, every detail open. */
async function violations(file: string): Promise<unknown> {
  const { context, page } = await openChromium(1280);
  try {
    await page.goto(`file://${resolve(file)}`);
    // Injected through the DevTools protocol: the page's CSP forbids scripts of its own.
    await page.evaluate(AXE);
    // Open, every element is checked (closed, the same minus the details' bodies).
    await page.evaluate(OPEN_ALL_DETAILS);
    return await page.evaluate(RUN_AXE);
  } finally {
    await context.close();
  }
}

/** Charts clipped or past the page's edge at 1280 px and on a 390 px phone, every detail open. */
async function clipped(file: string): Promise<string[]> {
  const out: string[] = [];
  for (const width of [1280, 390]) {
    const { context, page } = await openChromium(width);
    try {
      await page.goto(`file://${resolve(file)}`);
      await page.evaluate(OPEN_ALL_DETAILS);
      out.push(...(await clippedCharts(page)).map((c) => `at ${width} px: ${c}`));
    } finally {
      await context.close();
    }
  }
  return out;
}

/** The demo scored with an earlier wave (every other row of the demo export) as --previous. */
function demoWithTrend(): string {
  const dir = tempDir();
  const [head, ...rows] = readFileSync(join(ROOT, "fixtures/demo/staff-survey.csv"), "utf8")
    .trimEnd()
    .split("\n");
  const earlier = join(dir, "wave-2025.csv");
  writeFileSync(earlier, `${[head, ...rows.filter((_, i) => i % 2 === 0)].join("\n")}\n`);
  const p = cli(["score", earlier, "--out", join(dir, "P"), "--format", "json"]);
  expect(p.status, p.stderr).toBe(0);
  const args = ["score", "fixtures/demo/staff-survey.csv", "--date", "2026-12-04"];
  const s = cli([...args, "--previous", join(dir, "P/assessment.json"), "--out", dir]);
  expect(s.status, s.stderr).toBe(0);
  return join(dir, "report.html");
}

describe.skipIf(!chromiumAvailable)("report.html accessibility", () => {
  it("axe-core: zero WCAG 2.1 AA violations, every detail open", async () => {
    // The demo in German; the small fixture assessment (suppressed departments, a low response
    // rate, an outside view) in English.
    const cases = [
      ["de", ["score", "fixtures/demo/staff-survey.csv", "--date", "2026-12-04"]],
      ["en", ["report", "fixtures/assessments/wave-2024.json"]],
    ] as const;
    for (const [lang, args] of cases) {
      const out = tempDir();
      const r = cli([...args, "--out", out, "--format", "html", "--lang", lang]);
      expect(r.status, r.stderr).toBe(0);
      expect(await violations(join(out, "report.html")), `${lang}, details open`).toEqual([]);
    }
  });

  it("with a trend: zero WCAG 2.1 AA violations and no chart clipped", async () => {
    // The demo with a previous wave (German), and the trend golden of the report tests (English).
    const cases = [
      ["demo with --previous", demoWithTrend()],
      ["trend golden", join(ROOT, "fixtures/reports/golden/trend.html.en.html")],
    ] as const;
    for (const [name, file] of cases) {
      const html = readFileSync(file, "utf8");
      expect(html, `${name}: has the trend`).toMatch(
        /Veränderung seit der Vorerhebung|Change since the previous wave/,
      );
      expect(await violations(file), `${name}, details open`).toEqual([]);
      expect(await clipped(file), name).toEqual([]);
    }
  });
});
