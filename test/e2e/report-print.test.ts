// The demo report on paper: the print stylesheet keeps everything inside an A4 page, and
// `--format pdf` prints it through the system Chromium to at most 12 pages, the same bytes on
// every run and in any time zone; without a Chromium it says so and exits 1.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixPdfDates } from "../../src/cli/print-pdf.js";
import { chromiumAvailable, OPEN_ALL_DETAILS, openChromium } from "./chromium.js";
import { cli, tempDir } from "./cli.js";

const DEMO = ["score", "fixtures/demo/staff-survey.csv", "--date", "2026-12-04"];
/** Pages of a PDF: its page objects. */
const pages = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;

let out = "";
beforeAll(() => {
  out = tempDir();
  const r = cli([...DEMO, "--out", out, "--format", "html,json"]);
  expect(r.status, r.stderr).toBe(0);
});

describe("print", () => {
  it("report.html declares A4 with a page header (title, date) and page numbers", () => {
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("@page { size: A4;");
    expect(html).toContain('@top-left { content: "Digitalisierungsgrad der Stadtverwaltung";');
    expect(html).toContain('@top-right { content: "Stand: 4. Dezember 2026";');
    expect(html).toContain('counter(page) " / " counter(pages)');
    expect(html).toMatch(/h1, h2, h3, h4, summary, caption \{ break-after: avoid; \}/);
  });

  it.skipIf(!chromiumAvailable)("printed, no element is wider than the A4 page", async () => {
    // A4 less the margins (210 mm − 2 × 13 mm) at 96 px per inch.
    const width = Math.floor((184 / 25.4) * 96);
    const { context, page } = await openChromium(width);
    try {
      await page.goto(`file://${resolve(out, "report.html")}`);
      await page.emulateMedia({ media: "print" });
      await page.evaluate(OPEN_ALL_DETAILS);
      const wide = (await page.evaluate(`(() => {
        const limit = document.documentElement.clientWidth + 0.5;
        return [...document.querySelectorAll("body *")]
          .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > limit)
          .map((e) => e.tagName + "." + e.getAttribute("class") + " " + Math.round(e.getBoundingClientRect().right))
          .slice(0, 10);
      })()`)) as string[];
      expect(wide, `wider than ${width} px`).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.skipIf(!chromiumAvailable)(
    "--format pdf: at most 12 A4 pages, the same bytes from score and report, in any time zone",
    () => {
      const a = tempDir();
      const r = cli([...DEMO, "--out", a, "--format", "pdf"]);
      expect(r.status, r.stderr).toBe(0);
      const pdf = readFileSync(join(a, "report.pdf"));
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pages(pdf)).toBeGreaterThan(1);
      expect(pages(pdf)).toBeLessThanOrEqual(12);
      expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/);
      expect(pdf.toString("latin1")).toContain("(D:20261204000000+00'00')");
      const b = tempDir();
      const again = cli(["report", join(out, "assessment.json"), "--out", b, "--format", "pdf"], {
        env: { TZ: "Pacific/Kiritimati" },
      });
      expect(again.status, again.stderr).toBe(0);
      expect(readFileSync(join(b, "report.pdf")).equals(pdf)).toBe(true);
    },
  );

  it("--format pdf without a Chromium on the PATH: a clear message, exit 1, nothing written", () => {
    const dir = tempDir();
    const r = cli(["report", join(out, "assessment.json"), "--out", dir, "--format", "pdf"], {
      env: {
        PATH: dirname(process.execPath) === "/usr/bin" ? "/nonexistent" : dirname(process.execPath),
      },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--format pdf needs Chromium or Google Chrome on the PATH");
    expect(existsSync(join(dir, "report.pdf"))).toBe(false);
    const de = cli(["report", join(out, "assessment.json"), "--out", dir, "--format", "pdf"], {
      env: { PATH: "/nonexistent", LANG: "de_DE.UTF-8", LC_ALL: "" },
    });
    expect(de.stderr).toContain("--format pdf braucht Chromium");
  });

  it("the PDF's dates become the report's date, keeping every byte offset", () => {
    const pdf = Buffer.from("1 0 obj <</CreationDate (D:20261204083056+14'00')>>", "latin1");
    const fixed = Buffer.from(fixPdfDates(pdf, "2024-10-15"));
    expect(fixed.length).toBe(pdf.length);
    expect(fixed.toString("latin1")).toContain("(D:20241015000000+00'00')");
  });
});
