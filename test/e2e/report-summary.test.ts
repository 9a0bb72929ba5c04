// The demo's report.html, as a council member sees it in Chromium: page one answers where the
// administration stands, where the biggest gaps are and what comes first; the details open by
// keyboard; no chart is clipped at 1280 px or on a 390 px phone.
import { mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable, clippedCharts, openAllDetails, openChromium } from "./chromium.js";
import { cli, ROOT, tempDir } from "./cli.js";

let out = "";

beforeAll(() => {
  out = tempDir();
  const r = cli([
    "score",
    "fixtures/demo/staff-survey.csv",
    "--out",
    out,
    "--format",
    "html,md,json",
    "--date",
    "2026-12-04",
  ]);
  expect(r.status, r.stderr).toBe(0);
});

describe("report.html of the demo", () => {
  it("page one: overall level, radar against the target, heatmap, the biggest gaps", () => {
    const html = readFileSync(join(out, "report.html"), "utf8");
    const summary = html.slice(html.indexOf('<section id="summary"'), html.indexOf("</section>"));
    expect(summary).toMatch(/Gesamtreifegrad: <strong>L\d [^<]+<\/strong>/);
    expect(summary).toContain('class="chart radar"');
    expect(summary).toContain('class="radar-target"');
    expect(summary).toContain('class="chart heatmap"');
    // The heading's count word matches the list under it.
    const words = ["", "", "zwei", "drei", "vier", "fünf"];
    const m =
      /<h3>Was zuerst kommt: die (\w+) wichtigsten Lücken zum Ziel<\/h3>\n<ol>\n([\s\S]*?)<\/ol>/.exec(
        summary,
      );
    expect(m).not.toBeNull();
    const items = (m![2]!.match(/<li>/g) ?? []).length;
    expect(m![1]).toBe(words[items]);
    expect(summary).toContain("Punkte unter dem Ziel");
    expect(html).toContain("Stand: 4. Dezember 2026");
  });

  it.skipIf(!chromiumAvailable)(
    "details open by keyboard; no chart is clipped at 1280 px and 390 px",
    async () => {
      const shots = join(ROOT, "test-output");
      mkdirSync(shots, { recursive: true });
      for (const width of [1280, 390]) {
        const { context, page } = await openChromium(width);
        try {
          await page.goto(`file://${resolve(out, "report.html")}`);
          await page.screenshot({ path: join(shots, `demo-page-one-${width}.png`) });
          if (width === 1280) {
            const first = page.locator("#dimensions details > summary").first();
            await first.focus();
            await page.keyboard.press("Enter");
            expect(await page.locator("#dimensions details").first().getAttribute("open")).toBe("");
            await page.keyboard.press("Enter");
            expect(
              await page.locator("#dimensions details").first().getAttribute("open"),
            ).toBeNull();
          }
          await openAllDetails(page);
          expect(await page.locator("svg.chart").count()).toBeGreaterThan(10);
          expect(await clippedCharts(page), `at ${width} px`).toEqual([]);
        } finally {
          await context.close();
        }
      }
    },
  );
});
