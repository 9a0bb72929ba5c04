// report.md: the report document as GitHub-flavoured Markdown (charts are HTML-only).
import type { Assessment } from "../scoring/assessment.js";
import { type Block, buildReportDocument, type Doc, type Inline } from "./document.js";
import type { Lang } from "./format.js";
import { labels } from "./labels.js";

/** Escapes characters that Markdown (and HTML inside Markdown) would interpret. */
export function escapeMd(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, "\\$&").replace(/\r?\n/g, " ");
}

/** A list item's text: a leading "-", "+" or "1." would start a nested list, so it is escaped. */
function listText(parts: readonly Inline[]): string {
  return inline(parts).replace(/^([-+]|\d+[.)])(?=\s|$)/, (m) =>
    m.length === 1 ? `\\${m}` : `${m.slice(0, -1)}\\${m.slice(-1)}`,
  );
}

function inline(parts: readonly Inline[]): string {
  return parts
    .map((p) =>
      typeof p === "string"
        ? escapeMd(p)
        : "strong" in p
          ? `**${escapeMd(p.strong)}**`
          : `\`${p.code.replace(/`/g, "'")}\``,
    )
    .join("");
}

/** A block as Markdown lines; `depth` is the heading level of headings in it (3, or 4 in details). */
function block(b: Block, depth = 3): string[] {
  switch (b.kind) {
    case "heading":
      return [`${"#".repeat(depth)} ${escapeMd(b.text)}`, ""];
    case "paragraph":
      return [inline(b.parts), ""];
    case "list":
      return [
        ...b.items.flatMap((item, i) => [
          `${b.ordered ? `${i + 1}.` : "-"} ${listText(item.parts)}`,
          ...(item.sub ?? []).map((s) => `${b.ordered ? "   " : "  "}- ${escapeMd(s)}`),
        ]),
        "",
      ];
    case "table": {
      const head = `| ${b.head.map(escapeMd).join(" | ")} |`;
      const rule = `|${b.numeric.map((n) => (n ? "---:" : "---")).join("|")}|`;
      const rows = b.rows.map(
        (r) =>
          `| ${r
            .map((c) => {
              const t = escapeMd(c.text);
              return c.suppressed ? `_${t}_` : c.strong && t ? `**${t}**` : t;
            })
            .join(" | ")} |`,
      );
      const caption = b.caption && !b.fallback ? [`*${escapeMd(b.caption)}*`, ""] : [];
      return [...caption, head, rule, ...rows, ""];
    }
    case "chart":
      return [];
    case "details":
      return [
        `${"#".repeat(depth)} ${escapeMd(b.title)}`,
        "",
        ...(b.note ? [escapeMd(b.note), ""] : []),
        ...blocks(b.blocks, depth + 1),
      ];
    case "columns":
      return b.columns.flatMap((c) => blocks(c, depth));
  }
}

function blocks(bs: readonly Block[], depth: number): string[] {
  return bs.flatMap((b) => (b.only === "html" ? [] : block(b, depth)));
}

export function renderDocMarkdown(doc: Doc): string {
  const L = labels(doc.lang);
  const out: string[] = [`# ${escapeMd(doc.title)}`, ""];
  out.push(...doc.meta.map((m, i) => `${escapeMd(m)}${i < doc.meta.length - 1 ? "  " : ""}`), "");
  out.push(
    `**${L.tableOfContents}:** ${doc.sections.map((s) => `[${escapeMd(s.title)}](#${s.id})`).join(" · ")}`,
    "",
  );
  for (const s of doc.sections) {
    out.push(`<a id="${s.id}"></a>`, "", `## ${escapeMd(s.title)}`, "");
    out.push(...blocks(s.blocks, 3));
  }
  while (out[out.length - 1] === "") out.pop();
  return `${out.join("\n")}\n`;
}

export function renderMarkdown(
  a: Assessment,
  options: { lang: Lang; includeFreeText?: boolean } = { lang: "de" },
): string {
  return renderDocMarkdown(
    buildReportDocument(a, options.lang, { includeFreeText: options.includeFreeText ?? false }),
  );
}
