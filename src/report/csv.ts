// Tidy CSV for R / pandas / SPSS: scores.csv (one row per unit × group × dimension, plus an
// `overall` row), items.csv (one row per unit × item), item-answers.csv (one row per unit ×
// item × answer code), and the change between two waves (trend.csv, compare.csv: one row per
// unit × dimension). New columns are appended at the end, so existing consumers keep working.
// Text cells that a spreadsheet would run as a formula are prefixed with "'";
// numbers stay numbers. `excel`: UTF-8 BOM, ";" and decimal comma, CRLF.
import type { Assessment, DimensionResult, Overall, Unit } from "../scoring/assessment.js";
import { csvText, neutralise } from "../util/csv-text.js";
import { plainNumber } from "./format.js";
import type { Trend, TrendPoint } from "./trend.js";
import { isExternalGroup, reportedItems, rootDimensions, visibleItems } from "./view.js";

/** A number, a text, or empty. */
type Value = number | string | null | undefined;

export interface CsvOptions {
  readonly excel?: boolean;
}

function table(
  columns: readonly string[],
  rows: readonly (readonly Value[])[],
  o: CsvOptions,
): string {
  const cells = rows.map((r) =>
    r.map((v) => {
      if (v === null || v === undefined) return "";
      if (typeof v === "number") {
        if (!Number.isFinite(v)) return "";
        const s = plainNumber(v, 6);
        return o.excel ? s.replace(".", ",") : s;
      }
      return neutralise(v);
    }),
  );
  const text = csvText([columns, ...cells], o.excel ? ";" : ",", o.excel ? "\r\n" : "\n");
  return o.excel ? `\uFEFF${text}` : text;
}

export const SCORE_COLUMNS = [
  "unit",
  "unit_kind",
  "group",
  "dimension",
  "n",
  "mean",
  "median",
  "sd",
  "ci_low",
  "ci_high",
  "level",
  "target",
  "gap",
  "suppressed",
  "headcount",
  "response_rate",
] as const;

/** A suppressed cell: its keys, no numbers (n … level empty), and why. */
function suppressedRow(
  unit: string,
  kind: string,
  group: string,
  dimension: string,
  reason: string,
  target: string | null = null,
): Value[] {
  return [unit, kind, group, dimension, ...Array<null>(7).fill(null), target, null, reason];
}

function dimRow(unit: string, kind: string, group: string, d: DimensionResult): Value[] {
  if (d.suppressed) return suppressedRow(unit, kind, group, d.id, d.suppressed, d.target);
  return [
    unit,
    kind,
    group,
    d.id,
    d.n,
    d.mean,
    d.median,
    d.sd,
    d.ciLow,
    d.ciHigh,
    d.level,
    d.target,
    d.gap,
    "",
  ];
}

function overallRow(
  unit: string,
  kind: string,
  group: string,
  o: Overall,
  suppressed: string | undefined,
): Value[] {
  if (suppressed)
    return [
      unit,
      kind,
      group,
      "overall",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      suppressed,
    ];
  return [
    unit,
    kind,
    group,
    "overall",
    o.n,
    o.score,
    o.median,
    o.sd,
    o.ciLow,
    o.ciHigh,
    o.level,
    null,
    null,
    "",
  ];
}

function unitRows(a: Assessment, u: Unit, unitId: string, kind: string, group: string): Value[][] {
  // headcount and response_rate: only for a shown unit with a headcount (never a suppressed one).
  const rate: Value[] =
    !u.suppressed && u.headcount !== undefined && u.responseRate !== undefined
      ? [u.headcount, u.responseRate]
      : [null, null];
  return unitRowsWithoutRate(a, u, unitId, kind, group).map((r) => [...r, ...rate]);
}

function unitRowsWithoutRate(
  a: Assessment,
  u: Unit,
  unitId: string,
  kind: string,
  group: string,
): Value[][] {
  if (u.suppressed) {
    return [
      ...rootDimensions(a).map((d) => suppressedRow(unitId, kind, group, d.id, u.suppressed!)),
      overallRow(unitId, kind, group, u.overall, u.suppressed),
    ];
  }
  return [
    ...u.dimensions.map((d) => dimRow(unitId, kind, group, d)),
    overallRow(unitId, kind, group, u.overall, undefined),
  ];
}

export function renderScoresCsv(a: Assessment, o: CsvOptions = {}): string {
  const rows: Value[][] = [];
  rows.push(...unitRows(a, a.administration, "administration", "administration", ""));
  for (const g of a.groups) {
    if (isExternalGroup(a, g.id)) rows.push(...unitRows(a, g, g.id, "external", g.id));
    else rows.push(...unitRows(a, g, "administration", "administration", g.id));
  }
  for (const d of a.departments) {
    rows.push(...unitRows(a, d, d.id, "department", ""));
    if (!d.suppressed)
      for (const g of d.groups ?? []) rows.push(...unitRows(a, g, d.id, "department", g.id));
  }
  return table(SCORE_COLUMNS, rows, o);
}

export const ITEM_COLUMNS = [
  "unit",
  "unit_kind",
  "item",
  "dimension",
  "n",
  "mean",
  "dont_know",
  "not_applicable",
  "blank",
  "skipped",
  "suppressed",
] as const;
export const ANSWER_COLUMNS = ["unit", "unit_kind", "item", "dimension", "code", "count"] as const;

function itemUnits(a: Assessment): { id: string; kind: string; unit: Unit }[] {
  const out = [{ id: "administration", kind: "administration", unit: a.administration }];
  for (const g of a.groups)
    if (isExternalGroup(a, g.id)) out.push({ id: g.id, kind: "external", unit: g });
  for (const d of a.departments) out.push({ id: d.id, kind: "department", unit: d });
  return out;
}

export function renderItemsCsv(a: Assessment, o: CsvOptions = {}): string {
  const rows: Value[][] = [];
  for (const { id, kind, unit } of itemUnits(a)) {
    for (const i of reportedItems(a, unit)) {
      if (i.suppressed) {
        rows.push([id, kind, i.id, i.dimension, null, null, null, null, null, null, i.suppressed]);
        continue;
      }
      rows.push([
        id,
        kind,
        i.id,
        i.dimension,
        i.n,
        i.mean,
        i.dontKnow,
        i.notApplicable,
        i.blank,
        i.skipped,
        "",
      ]);
    }
  }
  return table(ITEM_COLUMNS, rows, o);
}

export function renderItemAnswersCsv(a: Assessment, o: CsvOptions = {}): string {
  const rows: Value[][] = [];
  for (const { id, kind, unit } of itemUnits(a)) {
    for (const i of visibleItems(a, unit)) {
      for (const [code, count] of Object.entries(i.counts))
        rows.push([id, kind, i.id, i.dimension, code, count]);
    }
  }
  return table(ANSWER_COLUMNS, rows, o);
}

export const TREND_COLUMNS = [
  "unit",
  "unit_kind",
  "dimension",
  "before_n",
  "before_mean",
  "before_level",
  "before_ci_half",
  "after_n",
  "after_mean",
  "after_level",
  "after_ci_half",
  "change",
  "change_ci_half",
  "beyond_noise",
  "level_change",
  "target",
  "target_score",
  "progress",
  "suppressed",
] as const;

/**
 * The change between two waves (trend.ts), one row per unit × dimension (and `overall`): before,
 * after, the change with half its 95% interval, and `beyond_noise` as true/false (read as logical
 * by R and pandas). A unit or cell withheld in either wave has `suppressed` true and no numbers.
 */
export function renderTrendCsv(t: Trend, o: CsvOptions = {}): string {
  const rows: Value[][] = [];
  const point = (p: TrendPoint | undefined): Value[] => [p?.n, p?.mean, p?.level, p?.ciHalf];
  for (const u of t.units) {
    if (u.suppressed) {
      rows.push([u.id, u.kind, null, ...Array<null>(15).fill(null), "true"]);
      continue;
    }
    for (const c of u.cells) {
      rows.push([
        u.id,
        u.kind,
        c.dimension,
        ...point(c.before),
        ...point(c.after),
        c.change,
        c.changeCiHalf,
        c.beyondNoise === undefined ? null : String(c.beyondNoise),
        c.levelChange,
        c.target,
        c.targetScore,
        c.progress,
        c.suppressed ? "true" : null,
      ]);
    }
  }
  return table(TREND_COLUMNS, rows, o);
}
