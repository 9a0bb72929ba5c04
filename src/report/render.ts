// Renders the chosen formats to in-memory files. Pure: the CLI writes (or --checks) them after
// every renderer has succeeded, so a failing render never leaves half-updated reports behind.
import type { Assessment } from "../scoring/assessment.js";
import type { Lang } from "./format.js";
import { renderJson } from "./json.js";
import { reportTrend } from "./trend.js";

export const FORMATS = ["terminal", "md", "html", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];
/** Every format --format takes: pdf needs a Chromium, so neither the default nor "all" has it. */
export const ALL_FORMATS = [...FORMATS, "pdf"] as const;

export interface RenderedFile {
  /** File name inside the output folder. */
  readonly name: string;
  readonly content: string;
}

export interface ReportOptions {
  readonly lang: Lang;
  readonly excel?: boolean;
  /** Free-text answers in report.md, report.html and assessment.json; never without it. */
  readonly includeFreeText?: boolean;
}

/**
 * Parses "md,html" (or "all": every format that needs nothing outside reifegrad, i.e. not pdf)
 * into formats; returns the unknown names as errors.
 */
export function parseFormats(
  list: string,
  allowed: readonly string[] = FORMATS,
): { formats: string[]; unknown: string[] } {
  const names = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.includes("all"))
    return {
      formats: [...allowed.filter((f) => f !== "pdf"), ...(names.includes("pdf") ? ["pdf"] : [])],
      unknown: names.filter((n) => n !== "all" && !allowed.includes(n)),
    };
  return {
    formats: allowed.filter((f) => names.includes(f)),
    unknown: names.filter((n) => !allowed.includes(n)),
  };
}

/**
 * The files of the chosen formats (terminal output is not a file). The Markdown, HTML and CSV
 * renderers are imported only when chosen: start-up that `--format json` need not pay.
 */
export async function renderReportFiles(
  a: Assessment,
  formats: readonly string[],
  o: ReportOptions,
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  const includeFreeText = o.includeFreeText ?? false;
  if (formats.includes("json"))
    files.push({ name: "assessment.json", content: renderJson(a, { includeFreeText }) });
  if (formats.includes("md")) {
    const { renderMarkdown } = await import("./markdown.js");
    files.push({
      name: "report.md",
      content: renderMarkdown(a, { lang: o.lang, includeFreeText }),
    });
  }
  if (formats.includes("html")) {
    const { renderHtml } = await import("./html.js");
    files.push({ name: "report.html", content: renderHtml(a, { lang: o.lang, includeFreeText }) });
  }
  if (formats.includes("csv")) {
    const { renderItemAnswersCsv, renderItemsCsv, renderScoresCsv, renderTrendCsv } = await import(
      "./csv.js"
    );
    const csv = { excel: o.excel ?? false };
    files.push({ name: "scores.csv", content: renderScoresCsv(a, csv) });
    files.push({ name: "items.csv", content: renderItemsCsv(a, csv) });
    files.push({ name: "item-answers.csv", content: renderItemAnswersCsv(a, csv) });
    // The change since the previous wave the assessment records, as compare.csv has it.
    const trend = reportTrend(a);
    if (trend) files.push({ name: "trend.csv", content: renderTrendCsv(trend, csv) });
  }
  return files;
}
