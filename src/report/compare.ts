// `compare`: the trend between two assessments (survey waves) as terminal lines and compare.json /
// .md / .html / .csv. The core (comparability, buildTrend) is trend.ts, which the reports share
// for their "change since the previous wave". Pure; refuses nothing itself — `comparability` says
// whether the questionnaires allow a comparison, and the command refuses.
import type { Assessment } from "../scoring/assessment.js";
import { renderTrendCsv } from "./csv.js";
import type { Doc, Section } from "./document.js";
import { fmtDate, fmtSigned, type Lang, pick } from "./format.js";
import { renderDocHtml } from "./html.js";
import { roundingReplacer } from "./json.js";
import { fill, labels } from "./labels.js";
import { renderDocMarkdown } from "./markdown.js";
import type { RenderedFile } from "./render.js";
import { levelColor } from "./svg.js";
import type { Trend } from "./trend.js";
import { trendTable } from "./trend-blocks.js";
import { reportSubject, rootDimensions } from "./view.js";

export {
  buildTrend,
  type Comparability,
  comparability,
  type ItemDifference,
  type Trend,
  type TrendCell,
  type TrendPoint,
  type TrendUnit,
} from "./trend.js";

/** The trend as a report document (Markdown and HTML share it). */
export function buildTrendDocument(t: Trend, after: Assessment, lang: Lang): Doc {
  const L = labels(lang);
  const dimName = (id: string) =>
    id === "overall"
      ? L.overall
      : pick(after.dimensions.find((d) => d.id === id)?.name, lang) || id;
  const wave = (w: Trend["before"]) =>
    `${w.date ? fmtDate(w.date, lang) : "?"} (${L.version} ${w.questionnaire.version})`;
  const meta = [L.compareTitle, `${L.before}: ${wave(t.before)}`, `${L.after}: ${wave(t.after)}`];
  if (t.versionChanged)
    meta.push(
      fill(L.versionWarning, {
        before: t.before.questionnaire.version,
        after: t.after.questionnaire.version,
      }),
    );
  const sections: Section[] = t.units.map((u) => {
    const name = u.kind === "administration" ? L.administration : pick(u.names, lang) || u.id;
    if (u.suppressed)
      return {
        id: `trend-${u.id}`,
        title: name,
        blocks: [{ kind: "paragraph", parts: [`${L.suppressed}.`] }],
      };
    return {
      id: `trend-${u.id}`,
      title: name,
      blocks: [
        trendTable(
          L.dimension,
          u.cells.map((c) => ({
            label: dimName(c.dimension),
            strong: c.dimension === "overall",
            cell: c,
          })),
          after,
          lang,
        ),
      ],
    };
  });
  sections.push({
    id: "notes",
    title: L.methodology,
    blocks: [
      { kind: "paragraph", parts: [L.noiseNote] },
      { kind: "paragraph", parts: [L.progressNote] },
    ],
  });
  return {
    lang,
    title: `${L.compareTitle}: ${reportSubject(after, lang)}`,
    meta,
    sections,
  };
}

/** Terminal: one line per unit with the change per dimension. */
export function renderTrendTerminal(t: Trend, after: Assessment, lang: Lang): string {
  const L = labels(lang);
  const dims = [...rootDimensions(after).map((d) => d.id), "overall"];
  const head = [
    "".padEnd(30),
    ...dims.map((d) =>
      (d === "overall" ? L.overall : pick(after.dimensions.find((x) => x.id === d)?.name, lang))
        .slice(0, 10)
        .padStart(10),
    ),
  ].join(" ");
  const day = (d: string | undefined) => (d ? fmtDate(d, lang) : "?");
  const lines = [`${L.compareTitle}: ${day(t.before.date)} → ${day(t.after.date)}`, "", head];
  for (const u of t.units) {
    const name = (u.kind === "administration" ? L.administration : pick(u.names, lang) || u.id)
      .slice(0, 30)
      .padEnd(30);
    if (u.suppressed) {
      lines.push(`${name} ${L.suppressed}`);
      continue;
    }
    lines.push(
      [
        name,
        ...u.cells.map((c) =>
          (c.suppressed
            ? L.suppressed.slice(0, 10)
            : `${fmtSigned(c.change, 1, lang)}${c.beyondNoise ? "*" : " "}`
          ).padStart(10),
        ),
      ].join(" "),
    );
  }
  lines.push("", L.noiseMark);
  if (t.versionChanged)
    lines.push(
      "",
      fill(L.versionWarning, {
        before: t.before.questionnaire.version,
        after: t.after.questionnaire.version,
      }),
    );
  return `${lines.map((l) => l.trimEnd()).join("\n")}\n`;
}

export const COMPARE_FORMATS = ["terminal", "md", "html", "json", "csv"] as const;

/** compare.json / .md / .html / .csv for the chosen formats. */
export function renderTrendFiles(
  t: Trend,
  after: Assessment,
  formats: readonly string[],
  lang: Lang,
): RenderedFile[] {
  const files: RenderedFile[] = [];
  if (formats.includes("json"))
    files.push({ name: "compare.json", content: `${JSON.stringify(t, roundingReplacer, 2)}\n` });
  if (formats.includes("csv")) files.push({ name: "compare.csv", content: renderTrendCsv(t) });
  if (formats.includes("md") || formats.includes("html")) {
    const doc = buildTrendDocument(t, after, lang);
    if (formats.includes("md")) files.push({ name: "compare.md", content: renderDocMarkdown(doc) });
    if (formats.includes("html"))
      files.push({
        name: "compare.html",
        content: renderDocHtml(
          doc,
          `${after.generator.name} ${after.generator.version}`,
          () => "",
          (l) => levelColor(after, l).fill,
        ),
      });
  }
  return files;
}
