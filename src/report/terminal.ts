// Terminal summary: department × dimension table with levels, the administration's row, the five
// biggest gaps and what was suppressed. Returns text; printing is the caller's job. Colour comes
// from the chalk instance (level 0 off a TTY), so the plain text is the same everywhere.
import type { ChalkInstance } from "chalk";
import type { Assessment, Unit } from "../scoring/assessment.js";
import { fmt, type Lang, pick } from "./format.js";
import { fill, labels } from "./labels.js";
import {
  describeSuppression,
  dimResult,
  hasResponseRates,
  isLowResponseRate,
  levelIndex,
  levelLabel,
  lostCells,
  lostCellsNote,
  lowResponseRateWarning,
  responseRateText,
  rootDimensions,
  tableUnits,
  unitName,
} from "./view.js";

export interface TerminalOptions {
  readonly lang: Lang;
  readonly color: ChalkInstance;
}

/** Display width (code points; the labels and names used here have no wide characters). */
const width = (s: string) => [...s].length;
const padEnd = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => " ".repeat(Math.max(0, w - width(s))) + s;
const cut = (s: string, w: number) =>
  [...s].length > w ? `${[...s].slice(0, w - 1).join("")}…` : s;

export function renderTerminal(a: Assessment, options: TerminalOptions): string {
  const { lang, color: c } = options;
  const L = labels(lang);
  const dims = rootDimensions(a);
  const units: Unit[] = tableUnits(a);
  const nameW = Math.min(32, Math.max(14, ...units.map((u) => width(unitName(u, lang)))));
  const colW = 9;
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
  const cellOf = (mean: number | null | undefined, level: string | null | undefined): string => {
    if (mean === null || mean === undefined) return padStart("–", colW);
    return paint(padStart(`${fmt(mean, 1, lang)} ${level ?? ""}`, colW), level);
  };
  // Response rates ("62 / 85 (73 %)", "!" when low) only when some unit has a headcount.
  const rates = hasResponseRates(a);
  const rateOf = (u: Unit): string => {
    const t = responseRateText(u, lang);
    return t === undefined ? "" : `${t}${isLowResponseRate(u) ? " !" : "  "}`;
  };
  const rateW = rates ? Math.max(width(L.responseRate), ...units.map((u) => width(rateOf(u)))) : 0;
  const lines: string[] = [];
  const title = `${L.reportTitle}: ${unitName(a.administration, lang)}${a.date ? ` (${L.date} ${a.date})` : ""}`;
  lines.push(c.bold(title), "");
  lines.push(
    c.bold(
      [
        padEnd("", nameW),
        padStart(L.n, 5),
        ...(rates ? [padStart(L.responseRate, rateW)] : []),
        ...dims.map((d) => padStart(cut(pick(d.name, lang), colW), colW)),
        padStart(cut(L.overall, colW), colW),
      ].join(" "),
    ),
  );
  for (const u of units) {
    const name = padEnd(cut(unitName(u, lang), nameW), nameW);
    if (u.suppressed) {
      const blank = rates ? `${padStart("", 5)} ${padStart("", rateW)}` : padStart("", 5);
      lines.push(`${name} ${blank} ${c.dim(`${L.suppressed}`)}`);
      continue;
    }
    const cells = dims.map((d) => {
      const r = dimResult(u, d.id);
      return r?.suppressed
        ? c.dim(padStart(L.suppressed.slice(0, colW), colW))
        : cellOf(r?.mean, r?.level);
    });
    const line = [
      name,
      padStart(String(u.respondents ?? ""), 5),
      ...(rates
        ? [isLowResponseRate(u) ? c.yellow(padStart(rateOf(u), rateW)) : padStart(rateOf(u), rateW)]
        : []),
      ...cells,
      cellOf(u.overall.score, u.overall.level),
    ].join(" ");
    lines.push(u.kind === "administration" ? c.bold(line) : line);
    // Second line: how sure each mean is (± half the 95% CI) and on how many respondents it rests.
    // Below 2k respondents the interval is withheld (disclosure): n alone.
    const spread = (r: { n?: number; ciLow?: number; ciHigh?: number } | undefined): string =>
      r?.n && r.ciLow !== undefined && r.ciHigh !== undefined
        ? padStart(`±${fmt((r.ciHigh - r.ciLow) / 2, 1, lang)} ${r.n}`, colW)
        : padStart(r?.n ? String(r.n) : "", colW);
    lines.push(
      c.dim(
        [
          padEnd("", nameW),
          padStart("", 5),
          ...(rates ? [padStart("", rateW)] : []),
          ...dims.map((d) => {
            const r = dimResult(u, d.id);
            return r?.suppressed ? padStart("", colW) : spread(r);
          }),
          spread(u.overall),
        ]
          .join(" ")
          .trimEnd(),
      ),
    );
  }
  const legend = a.levels.map((l) => `${l.id} ${pick(l.name, lang)}`).join(" · ");
  lines.push(c.dim(`${L.level}: ${legend}`));
  lines.push(c.dim(L.ciLine));
  const note = lostCellsNote(
    a,
    lostCells(
      a,
      units,
      dims.map((d) => d.id),
      true,
    ),
    lang,
  );
  if (note) lines.push(c.dim(note));
  const low = units.filter(isLowResponseRate);
  if (low.length > 0)
    lines.push(
      c.yellow(
        `! ${L.lowResponseRate} (${low.map((u) => unitName(u, lang)).join(", ")}): ${lowResponseRateWarning(a, lang)}`,
      ),
    );
  lines.push("");

  const top = (a.administration.priorities ?? []).slice(0, 5);
  lines.push(c.bold(L.gapsTop));
  if (top.length === 0) lines.push(`  ${L.noGaps}`);
  top.forEach((p, i) => {
    const d = dimResult(a.administration, p.dimension);
    lines.push(
      `  ${i + 1}. ${padEnd(cut(pick(a.dimensions.find((x) => x.id === p.dimension)?.name, lang) || p.dimension, 34), 34)} ` +
        `${L.gap} ${padStart(fmt(p.gap, 1, lang), 5)}  ${levelLabel(a, d?.level, lang)} → ${levelLabel(a, d?.target, lang)}`,
    );
  });
  lines.push("");
  const records = a.suppression.records;
  lines.push(c.bold(`${L.suppression} (k = ${a.suppression.minGroupSize})`));
  const hidden = records.filter((r) => r.reason !== "small-cell");
  if (hidden.length === 0) lines.push(`  ${L.suppressionNone}`);
  for (const r of hidden) {
    const s = describeSuppression(a, r, lang);
    lines.push(`  ${s.unit}: ${c.dim(s.reason)}`);
  }
  const small = records.length - hidden.length;
  if (small > 0) {
    const k = a.suppression.minGroupSize;
    lines.push(`  ${fill(L.suppressionSmallCells, { count: small, k, k2m: 2 * k - 1 })}`);
  }
  return `${lines.join("\n")}\n`;
}
