// Accessibility of the demo's report.html (BITV 2.0 / WCAG 2.1 AA): axe-core in the system
// Chromium finds no violation on the whole page, every <details> open.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumAvailable, OPEN_ALL_DETAILS, openChromium } from "./chromium.js";
import { cli, tempDir } from "./cli.js";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const RUN_AXE = `axe.run(document, {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
}).then((r) => r.violations.map((v) =>
  v.id + " (" + v.impact + "): " + v.help + " — " +
  v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")))`;

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
      const { context, page } = await openChromium(1280);
      try {
        await page.goto(`file://${resolve(out, "report.html")}`);
        // Injected through the DevTools protocol: the page's CSP forbids scripts of its own.
        await page.evaluate(AXE);
        // Open, every element is checked (closed, the same minus the details' bodies).
        await page.evaluate(OPEN_ALL_DETAILS);
        expect(await page.evaluate(RUN_AXE), `${lang}, details open`).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
