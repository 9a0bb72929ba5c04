// Terminal summary: department × dimension table with levels, the administration's row, what comes
// first and what was suppressed. Returns text; printing is the caller's job. The table fits the
// given width (default 80 columns): column headers wrap onto up to three lines, and when the
// dimensions do not fit side by side they are split into blocks, each listing the departments
// again. Colour comes from the chalk instance (level 0 off a TTY or with NO_COLOR), so the plain
// text is the same everywhere.
import type { ChalkInstance } from "chalk";
import type { Assessment, Unit } from "../scoring/assessment.js";
import { countWord, fmt, fmtDate, fmtPct, type Lang, pick } from "./format.js";
import { fill, labels } from "./labels.js";
import { wrap } from "./svg.js";
import { reportTrend } from "./trend.js";
import { summaryTrendBlocks } from "./trend-blocks.js";
import {
  describeSuppression,
  dimensionName,
  dimResult,
  hasResponseRates,
  isLowResponseRate,
  levelIndex,
  levelLabel,
  lostCells,
  lostCellsNote,
  lowResponseRateWarning,
  noGapsText,
  reportSubject,
  responseRateText,
  rootDimensions,
  tableUnits,
  unitName,
} from "./view.js";

export interface TerminalOptions {
  readonly lang: Lang;
  readonly color: ChalkInstance;
  /** Columns of the terminal; the text never gets wider (default 80). */
  readonly width?: number;
}

/** Display width (code points; the labels and names used here have no wide characters). */
const width = (s: string) => [...s].length;
const padEnd = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => " ".repeat(Math.max(0, w - width(s))) + s;
const cut = (s: string, w: number) =>
  [...s].length > w ? `${[...s].slice(0, w - 1).join("")}…` : s;

/** Words of `text` on lines of at most `w` columns; later lines start with `indent`. */
export function wrapLines(text: string, w: number, first = "", indent = first): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = empty ? `${line}${word}` : `${line} ${word}`;
    if (!empty && width(next) > w) {
      out.push(line);
      line = `${indent}${word}`;
    } else line = next;
    empty = false;
  }
  out.push(line);
  return out.map((l) => (width(l) > w ? cut(l, w) : l));
}

interface Column {
  readonly head: string;
  /** The dimension's number ("1"), the header when the names do not fit. */
  readonly key?: string;
  /** First line (mean and level) and second line (± half the CI, n) of each unit. */
  readonly cells: (u: Unit) => {
    readonly top: string;
    readonly sub: string;
    readonly level?: string | null;
    readonly suppressed?: boolean;
  };
}

export function renderTerminal(a: Assessment, options: TerminalOptions): string {
  const { lang, color: c } = options;
  const W = Math.max(40, options.width ?? 80);
  const L = labels(lang);
  const dims = rootDimensions(a);
  const units: Unit[] = tableUnits(a);
  const paint = (text: string, level: string | null | undefined): string => {
    const i = levelIndex(a, level);
    if (i < 0) return text;
    const top = a.levels.length - 1;
    return i === 0
      ? c.red(text)
      : i === top
        ? c.green(text)
        : i < top / 2
          ? c.yellow(text)
          : i > top / 2
            ? c.cyan(text)
            : text;
  };
  // Second line: how sure each mean is (± half the 95% CI) and on how many respondents it rests.
  // Below 2k respondents the interval is withheld (disclosure): n alone.
  const spread = (r: { n?: number; ciLow?: number; ciHigh?: number } | undefined): string =>
    r?.n && r.ciLow !== undefined && r.ciHigh !== undefined
      ? `±${fmt((r.ciHigh - r.ciLow) / 2, 1, lang)} ${r.n}`
      : r?.n
        ? String(r.n)
        : "";
  const columns: Column[] = [
    ...dims.map(
      (d, i): Column => ({
        head: pick(d.name, lang),
        key: String(i + 1),
        cells: (u) => {
          const r = dimResult(u, d.id);
          if (r?.suppressed) return { top: L.suppressed, sub: "", suppressed: true };
          if (r?.mean === undefined) return { top: "–", sub: spread(r) };
          return {
            top: `${fmt(r.mean, 1, lang)} ${r.level ?? ""}`.trim(),
            sub: spread(r),
            level: r.level,
          };
        },
      }),
    ),
    {
      head: L.overall,
      cells: (u) =>
        u.overall.score === null
          ? { top: "–", sub: "" }
          : {
              top: `${fmt(u.overall.score, 1, lang)} ${u.overall.level ?? ""}`.trim(),
              sub: spread(u.overall),
              level: u.overall.level,
            },
    },
  ];
  const shown = units.filter((u) => !u.suppressed);
  const cellW = Math.max(
    8,
    ...shown.flatMap((u) =>
      columns.flatMap((col) => [width(col.cells(u).top), width(col.cells(u).sub)]),
    ),
  );
  // Response rates ("62 / 85 (73 %)", "!" when low) only when some unit has a headcount; as a
  // bare percentage when the full form does not fit.
  const rates = hasResponseRates(a);
  const rateOf = (u: Unit, full: boolean): string => {
    const t = full
      ? responseRateText(u, lang)
      : u.responseRate !== undefined && responseRateText(u, lang) !== undefined
        ? fmtPct(u.responseRate, 0, lang)
        : undefined;
    return t === undefined ? "" : `${t}${isLowResponseRate(u) ? " !" : "  "}`;
  };
  const rateW = (full: boolean) =>
    rates ? Math.max(width(L.responseRate), ...units.map((u) => width(rateOf(u, full)))) : 0;
  const nW = Math.max(width(L.n), ...units.map((u) => width(String(u.respondents ?? ""))));
  const nameFull = Math.min(32, Math.max(12, ...units.map((u) => width(unitName(u, lang)))));
  const fixedW = (nameW: number, full: boolean) => nameW + 1 + nW + (rates ? 1 + rateW(full) : 0);
  // A header fits when its words stand whole on at most three lines of the column.
  const fits = (head: string, w: number) =>
    head.split(/\s+/).every((x) => width(x) <= w) && wrap(head, w, 3).join(" ") === head;
  let namedW = cellW;
  while (namedW < 16 && !columns.every((col) => fits(col.head, namedW))) namedW++;
  // The widest layout that fits: the dimensions' names over one block of columns (full names,
  // then shorter); else numbered columns with a key, in one block or in several.
  let layout:
    | { nameW: number; fullRate: boolean; perBlock: number; colW: number; numbered: boolean }
    | undefined;
  const named = columns.every((col) => fits(col.head, namedW));
  for (const [colW, numbered] of [
    ...(named ? ([[namedW, false]] as const) : []),
    [cellW, true] as const,
  ])
    for (const nameW of [nameFull, Math.min(nameFull, 24), Math.min(nameFull, 18)])
      for (const full of [true, false]) {
        if (layout) break;
        const per = Math.floor((W - fixedW(nameW, full)) / (colW + 1));
        if (per >= columns.length)
          layout = { nameW, fullRate: full, perBlock: columns.length, colW, numbered };
      }
  if (!layout) {
    // At least one column beside the names, however narrow the terminal.
    const nameW = Math.max(8, Math.min(nameFull, 18, W - fixedW(0, false) - cellW - 1));
    const per = Math.max(1, Math.floor((W - fixedW(nameW, false)) / (cellW + 1)));
    const blocks = Math.ceil(columns.length / per);
    layout = {
      nameW,
      fullRate: false,
      perBlock: Math.ceil(columns.length / blocks),
      colW: cellW,
      numbered: true,
    };
  }
  const { nameW, fullRate, perBlock, colW, numbered } = layout;
  const rW = rateW(fullRate);

  const lines: string[] = [];
  const date = a.date ? ` (${L.date}: ${fmtDate(a.date, lang)})` : "";
  for (const l of wrapLines(`${L.reportTitle}: ${reportSubject(a, lang)}${date}`, W))
    lines.push(c.bold(l));
  for (let start = 0; start < columns.length; start += perBlock) {
    const block = columns.slice(start, start + perBlock);
    lines.push("");
    const heads = block.map((col) => (numbered && col.key ? [col.key] : wrap(col.head, colW, 3)));
    const headRows = Math.max(...heads.map((h) => h.length));
    for (let i = 0; i < headRows; i++) {
      const last = i === headRows - 1;
      lines.push(
        c.bold(
          [
            padEnd("", nameW),
            padStart(last ? L.n : "", nW),
            ...(rates ? [padStart(last ? L.responseRate : "", rW)] : []),
            // Bottom-aligned: a short name sits on the last header line.
            ...heads.map((h) => padStart(h[i - (headRows - h.length)] ?? "", colW)),
          ]
            .join(" ")
            .trimEnd(),
        ),
      );
    }
    for (const u of units) {
      const name = padEnd(cut(unitName(u, lang), nameW), nameW);
      if (u.suppressed) {
        const before = `${name} ${padStart("", nW)}${rates ? ` ${padStart("", rW)}` : ""} `;
        // Where the row's numbers would start; further left when the line would not fit.
        const at = width(before) + width(L.suppressed) <= W ? before : `${name} `;
        lines.push(`${at}${c.dim(cut(L.suppressed, W - width(at)))}`);
        continue;
      }
      const cells = block.map((col) => col.cells(u));
      const rate = rateOf(u, fullRate);
      const line = [
        name,
        padStart(String(u.respondents ?? ""), nW),
        ...(rates
          ? [isLowResponseRate(u) ? c.yellow(padStart(rate, rW)) : padStart(rate, rW)]
          : []),
        ...cells.map((x) =>
          x.suppressed ? c.dim(padStart(x.top, colW)) : paint(padStart(x.top, colW), x.level),
        ),
      ].join(" ");
      lines.push(u.kind === "administration" ? c.bold(line) : line);
      lines.push(
        c.dim(
          [
            padEnd("", nameW),
            padStart("", nW),
            ...(rates ? [padStart("", rW)] : []),
            ...cells.map((x) => padStart(x.sub, colW)),
          ]
            .join(" ")
            .trimEnd(),
        ),
      );
    }
  }
  const note = (text: string, paint = c.dim) => {
    for (const l of wrapLines(text, W)) lines.push(paint(l));
  };
  if (numbered) {
    // The key keeps "3 Prozesse und Organisation" on one line where it can.
    const items = dims.map((d, i) => `${i + 1} ${pick(d.name, lang)}`);
    let line = `${L.dimensions}:`;
    for (const [i, item] of items.entries()) {
      const next = `${line} ${item}${i < items.length - 1 ? " ·" : ""}`;
      if (width(next) <= W) line = next;
      else {
        lines.push(c.dim(line));
        line = "";
        for (const l of wrapLines(`${item}${i < items.length - 1 ? " ·" : ""}`, W)) {
          if (line) lines.push(c.dim(line));
          line = l;
        }
      }
    }
    lines.push(c.dim(line));
  }
  note(`${L.level}: ${a.levels.map((l) => `${l.id} ${pick(l.name, lang)}`).join(" · ")}`);
  note(L.ciLine);
  const lost = lostCellsNote(
    a,
    lostCells(
      a,
      units,
      dims.map((d) => d.id),
      true,
    ),
    lang,
  );
  if (lost) note(lost);
  const low = units.filter(isLowResponseRate);
  if (low.length > 0)
    note(
      `! ${L.lowResponseRate} (${low.map((u) => unitName(u, lang)).join(", ")}): ${lowResponseRateWarning(a, lang)}`,
      c.yellow,
    );
  lines.push("");
  lines.push(...trendLines(a, lang, W, c));

  const admin = a.administration;
  const top = (admin.priorities ?? []).slice(0, 5);
  const heading =
    top.length <= 1
      ? L.biggestGapOne
      : fill(L.biggestGapsCount, { count: countWord(top.length, lang) });
  for (const l of wrapLines(heading, W)) lines.push(c.bold(l));
  if (top.length === 0) lines.push(...wrapLines(noGapsText(a, lang), W, "  "));
  top.forEach((p, i) => {
    const d = dimResult(admin, p.dimension);
    const text = `${dimensionName(a, p.dimension, lang)}: ${fill(L.gapBelowTarget, {
      gap: fmt(p.gap, 1, lang),
      target: levelLabel(a, d?.target ?? p.toLevel, lang),
      level: levelLabel(a, d?.level ?? p.fromLevel, lang),
    })}`;
    lines.push(...wrapLines(text, W, `  ${i + 1}. `, "     "));
  });
  lines.push("");
  const records = a.suppression.records;
  for (const l of wrapLines(`${L.suppression} (k = ${a.suppression.minGroupSize})`, W))
    lines.push(c.bold(l));
  const hidden = records.filter((r) => r.reason !== "small-cell");
  if (hidden.length === 0) lines.push(...wrapLines(L.suppressionNone, W, "  "));
  for (const r of hidden) {
    const s = describeSuppression(a, r, lang);
    lines.push(...wrapLines(`${s.unit}: ${s.reason}`, W, "  ", "    "));
  }
  const small = records.length - hidden.length;
  if (small > 0) {
    const k = a.suppression.minGroupSize;
    lines.push(
      ...wrapLines(fill(L.suppressionSmallCells, { count: small, k, k2m: 2 * k - 1 }), W, "  "),
    );
  }
  return `${lines.join("\n")}\n`;
}

/**
 * With a previous wave: page one's sentences on the change (overall, and the dimensions that
 * changed beyond noise); the departments × dimensions matrix of changes is in report.md/html.
 */
function trendLines(a: Assessment, lang: Lang, W: number, c: ChalkInstance): string[] {
  const trend = reportTrend(a);
  if (!trend) return [];
  const lines: string[] = [];
  for (const b of summaryTrendBlocks(trend, a, lang)) {
    if (b.kind === "table") break; // the matrix and its key
    if (b.kind === "heading") for (const l of wrapLines(b.text, W)) lines.push(c.bold(l));
    if (b.kind === "paragraph") {
      const text = b.parts.map((p) =>
        typeof p === "string" ? p : "strong" in p ? p.strong : p.code,
      );
      lines.push(...wrapLines(text.join(""), W, "  ", "  "));
    }
  }
  return [...lines, ""];
}
