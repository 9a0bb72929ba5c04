// Golden files: every format in both languages for the small fixture assessment. Regenerate the
// fixture assessments and the expected outputs with `UPDATE_GOLDEN=1 npx vitest run test/report`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Chalk } from "chalk";
import { describe, expect, test } from "vitest";
import {
  renderItemAnswersCsv,
  renderItemsCsv,
  renderScoresCsv,
  renderTrendCsv,
} from "../../src/report/csv.js";
import type { Lang } from "../../src/report/format.js";
import { renderHtml } from "../../src/report/html.js";
import { published, renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderReportFiles } from "../../src/report/render.js";
import { renderTerminal } from "../../src/report/terminal.js";
import { buildTrend, reportTrend, withPreviousWave } from "../../src/report/trend.js";
import { loadWave } from "./fixture-data.js";

const UPDATE = process.env.UPDATE_GOLDEN === "1";
const DIR = "fixtures/reports/golden";

function golden(name: string, actual: string): void {
  const path = `${DIR}/${name}`;
  if (UPDATE || !existsSync(path)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, actual);
    if (!UPDATE) throw new Error(`${path} did not exist and was written; check it and commit it`);
  }
  expect(
    actual === readFileSync(path, "utf8"),
    `${path} differs; run UPDATE_GOLDEN=1 if intended`,
  ).toBe(true);
}

const a = loadWave("2024");
const later = loadWave("2026");
/** The 2026 wave with the 2024 wave recorded as its previous one: the trend in the reports. */
const trend = published(withPreviousWave(later, a));

describe.each(["de", "en"] as Lang[])("golden files (%s)", (lang) => {
  test("terminal", () =>
    golden(`terminal.${lang}.txt`, renderTerminal(a, { lang, color: new Chalk({ level: 0 }) })));
  test("markdown", () => golden(`md.${lang}.md`, renderMarkdown(a, { lang })));
  test("html", () => golden(`html.${lang}.html`, renderHtml(a, { lang })));
  test("json", () => golden(`json.${lang}.json`, renderJson(a)));
  test("csv", () => {
    golden(`csv.${lang}.scores.csv`, renderScoresCsv(a));
    golden(`csv.${lang}.items.csv`, renderItemsCsv(a));
    golden(`csv.${lang}.item-answers.csv`, renderItemAnswersCsv(a));
  });
  test("csv for Excel", () => {
    golden(`csv-excel.${lang}.scores.csv`, renderScoresCsv(a, { excel: true }));
  });
  test("the change since the previous wave (terminal, markdown, html)", () => {
    const terminal = renderTerminal(trend, { lang, color: new Chalk({ level: 0 }) });
    golden(`trend.terminal.${lang}.txt`, terminal);
    expect(terminal).toContain(lang === "de" ? "Veränderung seit der Vorerhebung" : "Change since");
    golden(`trend.md.${lang}.md`, renderMarkdown(trend, { lang }));
    golden(`trend.html.${lang}.html`, renderHtml(trend, { lang }));
  });
});

test("the change as tidy CSV: trend.csv beside the reports, the same as compare.csv", async () => {
  const csv = renderTrendCsv(reportTrend(trend)!);
  golden("trend.csv", csv);
  // compare reads both whole assessments; the report only the previous wave's record: same rows.
  expect(renderTrendCsv(buildTrend(a, later))).toBe(csv);
  const names = async (x: typeof a) =>
    (await renderReportFiles(x, ["csv"], { lang: "de" })).map((f) => f.name);
  expect(await names(trend)).toEqual(["scores.csv", "items.csv", "item-answers.csv", "trend.csv"]);
  expect(await names(later)).toEqual(["scores.csv", "items.csv", "item-answers.csv"]);
});

test("assessment.json with the previous wave recorded", () => {
  golden("trend.json.json", renderJson(trend));
});

test("the committed assessment is what renderJson writes (stable round trip)", () => {
  expect(renderJson(a)).toBe(readFileSync("fixtures/assessments/wave-2024.json", "utf8"));
});
