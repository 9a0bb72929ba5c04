// report.html: ONE self-contained file — inline CSS and inline SVG, no scripts, no network — with
// a print stylesheet. Every text from questionnaires and data goes through esc().
import type { Assessment } from "../scoring/assessment.js";
import {
  type Block,
  buildReportDocument,
  type ChartSpec,
  type Doc,
  type Inline,
} from "./document.js";
import type { Lang } from "./format.js";
import { labels } from "./labels.js";
import { distributionSvg, esc, heatmapSvg, levelColor, levelLegendSvg, radarSvg } from "./svg.js";
import { itemInfo, reportedItems, suppressedItemNote } from "./view.js";

export const CSS = `
:root { --ink: #1a1a1a; --muted: #595959; --rule: #d0d0d0; --accent: #0571b0; --bg-soft: #f5f7fa; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1100px; padding: 2rem 1.5rem 4rem; color: var(--ink); background: #fff;
  font: 16px/1.55 "Source Sans 3", "Source Sans Pro", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; padding-bottom: .3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.15rem; margin: 1.8rem 0 .6rem; }
p, li { max-width: 75ch; }
.meta { color: var(--muted); margin: 0 0 1rem; padding: 0; list-style: none; }
.meta li { display: inline; margin-right: 1.2rem; }
nav.toc { background: var(--bg-soft); padding: .6rem 1rem; border-radius: 4px; }
nav.toc a { color: var(--accent); margin-right: 1rem; text-decoration: none; }
nav.toc a:hover, nav.toc a:focus { text-decoration: underline; }
table { border-collapse: collapse; margin: .5rem 0 1.2rem; font-variant-numeric: tabular-nums; font-size: .95rem; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.suppressed { color: var(--muted); font-style: italic; }
td.lvl { white-space: nowrap; }
td.lvl span.sw { display: inline-block; width: .8em; height: .8em; margin-right: .35em; border: 1px solid #7a7a7a; vertical-align: -.05em; }
tr.strong td { font-weight: 600; }
.figure { margin: .8rem 0 1.2rem; overflow-x: auto; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; font-size: 12px; }
svg.chart text { fill: var(--ink); }
svg.chart .muted, .muted { fill: var(--muted); color: var(--muted); }
svg.chart .col-head, svg.chart .row-head { font-weight: 600; }
svg.chart .col-head { font-size: 10.5px; }
svg.chart .row-head.admin { font-weight: 700; }
svg.chart .axis { font-size: 12px; }
svg.chart .seg { font-size: 11px; }
ul.recs { margin: .2rem 0 .6rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .9rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc { display: none; }
  section { break-before: page; page-break-before: always; }
  section:first-of-type { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table, .figure, svg { break-inside: avoid; page-break-inside: avoid; }
  th { background: #f5f7fa !important; }
  a { color: inherit; text-decoration: none; }
}
`;

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
    case "radar": {
      const u =
        spec.unit === "administration"
          ? a.administration
          : a.departments.find((d) => d.id === spec.unit);
      svg = u ? radarSvg(a, u, lang) : "";
      break;
    }
    case "distribution": {
      const info = itemInfo(a, spec.item);
      const r = reportedItems(a, a.administration).find((i) => i.id === spec.item);
      if (!info || !r) return "";
      const reverse = info.reverse
        ? ` <span class="muted">(${esc(labels(lang).reverseScored)})</span>`
        : "";
      const caption = `<figcaption><code>${esc(info.id)}</code> ${esc(info.text[lang] ?? Object.values(info.text)[0] ?? "")}${reverse}</figcaption>`;
      // A suppressed item has no bar: only its note.
      if (r.suppressed)
        return `<figure class="figure dist-suppressed">${caption}<p class="muted">${esc(suppressedItemNote(a, r.suppressed, lang))}</p></figure>\n`;
      const svgText = distributionSvg(info, r, lang);
      if (!svgText) return "";
      return `<figure class="figure">${caption}${svgText}</figure>\n`;
    }
  }
  return svg ? `<div class="figure">${svg}</div>\n` : "";
}

function block(
  b: Block,
  lang: Lang,
  charts: ChartRenderer,
  levelFill: (level: string) => string,
): string {
  switch (b.kind) {
    case "heading":
      return `<h3${b.id ? ` id="${esc(b.id)}"` : ""}>${esc(b.text)}</h3>\n`;
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
      const head = b.head
        .map((h, j) => `<th scope="col"${b.numeric[j] ? ' class="num"' : ""}>${esc(h)}</th>`)
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
      return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>\n`;
    }
    case "chart":
      return charts(b.chart, lang);
  }
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
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${esc(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>${esc(doc.title)}</h1>`,
    `<ul class="meta">${doc.meta.map((m) => `<li>${esc(m)}</li>`).join("")}</ul>`,
    `<nav class="toc" aria-label="${esc(L.tableOfContents)}">${doc.sections.map((s) => `<a href="#${s.id}">${esc(s.title)}</a>`).join("")}</nav>`,
    "</header>",
    "<main>",
  ];
  for (const s of doc.sections) {
    out.push(`<section id="${s.id}">`, `<h2>${esc(s.title)}</h2>`);
    for (const b of s.blocks)
      if (b.only !== "md") out.push(block(b, lang, charts, levelFill).trimEnd());
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
