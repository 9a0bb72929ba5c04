// report.html: ONE self-contained file — inline CSS and inline SVG, no scripts, no network — with
// a print stylesheet for A4. Page one is the summary; details are <details> elements (keyboard-
// usable without scripts, opened in print). Every chart has a text alternative and its data as a
// table. Every text from questionnaires and data goes through esc().
import type { Assessment } from "../scoring/assessment.js";
import {
  type Block,
  buildReportDocument,
  type ChartSpec,
  type Doc,
  type Inline,
  type TableBlock,
} from "./document.js";
import type { Lang } from "./format.js";
import { labels } from "./labels.js";
import {
  distributionSvg,
  esc,
  heatmapSvg,
  levelColor,
  levelLegendSvg,
  outsideViewSvg,
  radarSvg,
  softHyphens,
} from "./svg.js";
import { itemInfo, reportedItems } from "./view.js";

export const CSS = `
:root { --ink: #1a1a1a; --muted: #595959; --rule: #d0d0d0; --accent: #0b5a8f; --bg-soft: #f3f5f8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1140px; padding: 1.5rem 1.25rem 3rem; color: var(--ink); background: #fff;
  font: 16px/1.5 "Source Sans 3", "Source Sans Pro", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.kicker { color: var(--muted); font-size: .95rem; margin: 0; text-transform: uppercase; letter-spacing: .04em; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: .2rem 0 .4rem; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.1rem 0 .4rem; }
p, li { max-width: 80ch; }
a { color: var(--accent); }
.meta { color: var(--muted); margin: 0 0 .8rem; padding: 0; list-style: none; }
.meta li { display: inline-block; margin-right: 1.2rem; }
nav.toc { background: var(--bg-soft); padding: .5rem 1rem; border-radius: 4px; }
nav.toc ul { margin: 0; padding: 0; list-style: none; }
nav.toc li { display: inline-block; margin-right: 1.1rem; }
nav.toc a { text-decoration: none; }
nav.toc a:hover, nav.toc a:focus { text-decoration: underline; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.columns { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); gap: 0 2rem; align-items: start; }
@media (max-width: 820px) { .columns { grid-template-columns: minmax(0, 1fr); } }
.table-wrap { max-width: 100%; overflow-x: auto; margin: .4rem 0 1rem; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { padding: .25rem .55rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { background: var(--bg-soft); font-weight: 600; }
tbody th { font-weight: normal; }
td.num, th.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; hyphens: auto; }
td.suppressed { color: var(--muted); font-style: italic; }
td.lvl { white-space: nowrap; }
td.lvl span.sw { display: inline-block; width: .8em; height: .8em; margin-right: .35em; border: 1px solid #6b6b6b; vertical-align: -.05em; }
tr.strong th, tr.strong td { font-weight: 600; }
.figure { margin: .6rem 0 .4rem; }
svg.chart { display: block; width: 100%; height: auto; font-family: inherit; font-size: 12px; }
svg.radar { max-width: 600px; }
svg.legend, svg.outside-view { max-width: 760px; }
svg.chart text { fill: var(--ink); }
svg.chart .muted { fill: var(--muted); }
svg.chart .col-head, svg.chart .row-head { font-weight: 600; }
svg.chart .col-head { font-size: 11px; }
svg.radar .axis { font-size: 13px; }
svg.chart .row-head.admin { font-weight: 700; }
ul.recs { margin: .2rem 0 .6rem; }
details { border-top: 1px solid var(--rule); }
details:last-of-type { border-bottom: 1px solid var(--rule); }
details > summary { cursor: pointer; padding: .45rem 0; }
details > summary h3 { display: inline; margin: 0; font-size: 1.1rem; }
details > summary .note { color: var(--muted); font-weight: normal; font-size: 1rem; margin-left: .5rem; }
details[open] > summary { margin-bottom: .3rem; }
details > .body { padding: 0 0 .8rem 1.1rem; }
details.data { border: 0; margin: 0 0 1rem; }
details.data > summary { padding: .15rem 0; color: var(--accent); font-size: .92rem; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .9rem; }
@media print {
  @page { size: A4; margin: 17mm 13mm 15mm; }
  body { max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.3; }
  p { margin: 3pt 0; }
  ul, ol { margin: 2pt 0; }
  .figure { margin: 2pt 0; }
  nav.toc, details.screen { display: none; }
  h2 { font-size: 14pt; margin: 0 0 6pt; }
  h3, details > summary h3 { font-size: 11pt; margin: 8pt 0 3pt; }
  h4 { font-size: 10pt; margin: 6pt 0 2pt; }
  h1, h2, h3, h4, summary, caption { break-after: avoid; }
  p, li { orphans: 2; widows: 2; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; padding: 0; }
  details > summary::-webkit-details-marker { display: none; }
  details > .body { padding: 0; }
  details, details:last-of-type { border: 0; }
  details.data > summary { display: none; }
  .columns { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 6mm; }
  .table-wrap { overflow: visible; margin: 2pt 0 6pt; }
  table { width: 100%; font-size: 7.5pt; }
  th, td { padding: 1pt 2.5pt; }
  thead { display: table-header-group; }
  table.wide thead th.num { writing-mode: vertical-rl; transform: rotate(180deg); height: 26mm;
    text-align: left; vertical-align: top; white-space: normal; }
  tr, .figure, svg.chart { break-inside: avoid; }
  svg.radar { max-width: 74mm; margin: 0 auto; }
  #departments svg.radar { max-width: 60mm; }
  svg.distribution { max-width: 172mm; }
  #departments .columns { grid-template-columns: 62mm minmax(0, 1fr); }
  thead th { background: #f3f5f8 !important; }
  a { color: inherit; text-decoration: none; }
  footer { margin-top: 8pt; }
}
`;

/** A string in a CSS declaration ("…"), safe inside <style>. */
function cssString(s: string): string {
  return `"${s
    .replace(/[\\"]/g, "\\$&")
    .replace(/[\n\r]/g, " ")
    .replace(/</g, "\\3c ")}"`;
}

/** Page header (title, date) and footer (page numbers) of every printed page. */
function pageCss(doc: Doc): string {
  const L = labels(doc.lang);
  const font = 'font: 8pt "Source Sans 3", "Segoe UI", Roboto, Arial, sans-serif; color: #595959;';
  return (
    `@page { @top-left { content: ${cssString(doc.title)}; ${font} }` +
    (doc.date ? ` @top-right { content: ${cssString(`${L.date}: ${doc.date}`)}; ${font} }` : "") +
    ` @bottom-right { content: ${cssString(`${L.pageOf} `)} counter(page) " / " counter(pages); ${font} } }`
  );
}

function inline(parts: readonly Inline[]): string {
  return parts
    .map((p) =>
      typeof p === "string"
        ? esc(p)
        : "strong" in p
          ? `<strong>${esc(p.strong)}</strong>`
          : `<code>${esc(p.code)}</code>`,
    )
    .join("");
}

function chart(a: Assessment, spec: ChartSpec, lang: Lang): string {
  let svg = "";
  switch (spec.type) {
    case "heatmap":
      svg = heatmapSvg(a, lang);
      break;
    case "levelLegend":
      svg = levelLegendSvg(a, lang);
      break;
    case "outsideView":
      svg = outsideViewSvg(a, lang);
      break;
    case "radar": {
      const u =
        spec.unit === "administration"
          ? a.administration
          : a.departments.find((d) => d.id === spec.unit);
      svg = u ? radarSvg(a, u, lang) : "";
      break;
    }
    case "distribution": {
      const shown = reportedItems(a, a.administration);
      const rows = spec.items.flatMap((id) => {
        const info = itemInfo(a, id);
        const r = shown.find((i) => i.id === id);
        return info && r ? [{ info, result: r }] : [];
      });
      svg = distributionSvg(a, spec.dimension, rows, lang);
      break;
    }
  }
  return svg ? `<div class="figure">${svg}</div>\n` : "";
}

function table(b: TableBlock, levelFill: (level: string) => string): string {
  const head = b.head
    .map(
      (h, j) => `<th scope="col"${b.numeric[j] ? ' class="num"' : ""}>${esc(softHyphens(h))}</th>`,
    )
    .join("");
  const rows = b.rows
    .map((r) => {
      const strong = r[0]?.strong ? ' class="strong"' : "";
      const cells = r
        .map((c, j) => {
          const cls = [
            b.numeric[j] ? "num" : "",
            c.suppressed ? "suppressed" : "",
            c.level ? "lvl" : "",
          ].filter(Boolean);
          const sw = c.level
            ? `<span class="sw" style="background:${levelFill(c.level)}"></span>`
            : "";
          const tag = j === 0 ? "th" : "td";
          const scope = j === 0 ? ' scope="row"' : "";
          return `<${tag}${scope}${cls.length ? ` class="${cls.join(" ")}"` : ""}>${sw}${esc(c.text)}</${tag}>`;
        })
        .join("");
      return `<tr${strong}>${cells}</tr>`;
    })
    .join("\n");
  // A wide table may scroll on a narrow screen: then it must be reachable by keyboard.
  const label = b.caption ?? b.head.filter(Boolean).slice(0, 3).join(", ");
  const wrap =
    b.head.length >= 7
      ? `<div class="table-wrap" tabindex="0" role="region" aria-label="${esc(label)}">`
      : '<div class="table-wrap">';
  const caption = b.caption && !b.fallback ? `<caption>${esc(b.caption)}</caption>\n` : "";
  const wide = b.head.length >= 10 ? ' class="wide"' : "";
  return `${wrap}<table${wide}>\n${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>\n`;
}

function block(
  b: Block,
  depth: number,
  lang: Lang,
  charts: ChartRenderer,
  levelFill: (level: string) => string,
): string {
  switch (b.kind) {
    case "heading":
      return `<h${depth}${b.id ? ` id="${esc(b.id)}"` : ""}>${esc(b.text)}</h${depth}>\n`;
    case "paragraph":
      return `<p>${inline(b.parts)}</p>\n`;
    case "list": {
      const tag = b.ordered ? "ol" : "ul";
      const items = b.items
        .map((i) => {
          const sub = i.sub?.length
            ? `<ul class="recs">${i.sub.map((s) => `<li>${esc(s)}</li>`).join("")}</ul>`
            : "";
          return `<li>${inline(i.parts)}${sub}</li>`;
        })
        .join("\n");
      return `<${tag}>\n${items}\n</${tag}>\n`;
    }
    case "table": {
      const t = table(b, levelFill);
      if (!b.fallback) return t;
      const L = labels(lang);
      const title = b.caption ? `${L.dataTable}: ${b.caption}` : L.dataTable;
      return `<details class="data ${b.fallback}"><summary>${esc(title)}</summary>\n${t}</details>\n`;
    }
    case "chart":
      return charts(b.chart, lang);
    case "details": {
      const note = b.note ? ` <span class="note">${esc(b.note)}</span>` : "";
      return (
        `<details${b.id ? ` id="${esc(b.id)}"` : ""}${b.screenOnly ? ' class="screen"' : ""}><summary><h${depth}>${esc(b.title)}${note}</h${depth}></summary>\n<div class="body">\n` +
        renderBlocks(b.blocks, depth + 1, lang, charts, levelFill) +
        "</div></details>\n"
      );
    }
    case "columns":
      return `<div class="columns">\n${b.columns
        .map((c) => `<div>\n${renderBlocks(c, depth, lang, charts, levelFill)}</div>\n`)
        .join("")}</div>\n`;
  }
}

function renderBlocks(
  bs: readonly Block[],
  depth: number,
  lang: Lang,
  charts: ChartRenderer,
  levelFill: (level: string) => string,
): string {
  return bs
    .filter((b) => b.only !== "md")
    .map((b) => block(b, depth, lang, charts, levelFill))
    .join("");
}

export type ChartRenderer = (spec: ChartSpec, lang: Lang) => string;

/** Any report document as one self-contained HTML page. */
export function renderDocHtml(
  doc: Doc,
  footer: string,
  charts: ChartRenderer = () => "",
  levelFill: (level: string) => string = () => "#ffffff",
): string {
  const { lang } = doc;
  const L = labels(lang);
  const [kicker, ...meta] = doc.meta;
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(doc.title)}</title>`,
    `<style>${CSS}${pageCss(doc)}\n</style>`,
    "</head>",
    "<body>",
    "<header>",
    ...(kicker ? [`<p class="kicker">${esc(kicker)}</p>`] : []),
    `<h1>${esc(doc.title)}</h1>`,
    `<ul class="meta">${meta.map((m) => `<li>${esc(m)}</li>`).join("")}</ul>`,
    "</header>",
    `<nav class="toc" aria-label="${esc(L.tableOfContents)}"><ul>${doc.sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join("")}</ul></nav>`,
    "<main>",
  ];
  for (const s of doc.sections) {
    out.push(
      `<section id="${s.id}" aria-labelledby="${s.id}-h">`,
      `<h2 id="${s.id}-h">${esc(s.title)}</h2>`,
    );
    const body = renderBlocks(s.blocks, 3, lang, charts, levelFill).trimEnd();
    if (body) out.push(body);
    out.push("</section>");
  }
  out.push("</main>", `<footer>${esc(footer)}</footer>`, "</body>", "</html>");
  return `${out.join("\n")}\n`;
}

export function renderHtml(
  a: Assessment,
  options: { lang: Lang; includeFreeText?: boolean },
): string {
  const doc = buildReportDocument(a, options.lang, {
    includeFreeText: options.includeFreeText ?? false,
  });
  return renderDocHtml(
    doc,
    `${a.generator.name} ${a.generator.version}`,
    (spec, lang) => chart(a, spec, lang),
    (level) => levelColor(a, level).fill,
  );
}
