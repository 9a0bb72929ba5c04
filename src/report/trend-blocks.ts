// The trend as report blocks: the table `compare` shows per unit, and the report's "change since
// the previous wave" (a sentence and a matrix in the summary, a table per dimension and per
// department). Numbers only where both waves publish the cell; a cell or unit withheld in either
// wave says "suppressed", never a number a difference could give away.
import type { Assessment } from "../scoring/assessment.js";
import type { Block, Cell, Inline, TableBlock } from "./document.js";
import { fmt, fmtDate, fmtPct, fmtSigned, type Lang, pick } from "./format.js";
import { fill, labels } from "./labels.js";
import type { Trend, TrendCell, TrendUnit } from "./trend.js";
import { dimensionName, levelLabel, rootDimensions } from "./view.js";

/** "+16,7 ±12,8", or without an interval "+16,7"; "" without a change. */
export function changeText(c: TrendCell, lang: Lang): string {
  if (c.suppressed || c.change === undefined) return "";
  return c.changeCiHalf === undefined
    ? fmtSigned(c.change, 1, lang)
    : `${fmtSigned(c.change, 1, lang)} ±${fmt(c.changeCiHalf, 1, lang)}`;
}

/** "ja" when the change's interval excludes 0, "nein" when not, "–" without intervals. */
function noiseText(c: TrendCell, lang: Lang): string {
  const L = labels(lang);
  return c.beyondNoise === undefined ? "–" : c.beyondNoise ? L.yes : L.no;
}

function levelMove(c: TrendCell, lang: Lang): string {
  const L = labels(lang);
  if (c.levelChange === undefined) return "–";
  return c.levelChange > 0
    ? `${L.up} (+${c.levelChange})`
    : c.levelChange < 0
      ? `${L.down} (${c.levelChange})`
      : L.same;
}

export interface TrendRow {
  readonly label: string;
  readonly strong?: boolean;
  readonly cell: TrendCell;
}

/**
 * Before, after, change ± interval, beyond noise, level change, target and progress: one row per
 * cell (`compare`'s table per unit, the report's per dimension and per department).
 */
export function trendTable(
  first: string,
  rows: readonly TrendRow[],
  after: Assessment,
  lang: Lang,
): TableBlock {
  const L = labels(lang);
  return {
    kind: "table",
    head: [first, L.before, L.after, L.change, L.beyondNoise, L.levelChange, L.target, L.progress],
    numeric: [false, true, true, true, false, false, false, true],
    rows: rows.map(({ label, strong, cell: c }): Cell[] => [
      { text: label, ...(strong ? { strong: true } : {}) },
      c.suppressed
        ? { text: L.suppressed, suppressed: true }
        : { text: c.before ? `${fmt(c.before.mean, 1, lang)} ${c.before.level}` : "–" },
      c.suppressed
        ? { text: "" }
        : {
            text: c.after ? `${fmt(c.after.mean, 1, lang)} ${c.after.level}` : "–",
            ...(c.after ? { level: c.after.level } : {}),
          },
      { text: changeText(c, lang) },
      { text: c.suppressed ? "" : noiseText(c, lang) },
      { text: c.suppressed ? "" : levelMove(c, lang) },
      { text: c.target ? levelLabel(after, c.target, lang) : "" },
      { text: c.suppressed || c.progress === undefined ? "" : fmtPct(c.progress, 0, lang) },
    ]),
  };
}

const unitLabel = (u: TrendUnit, lang: Lang) =>
  u.kind === "administration" ? labels(lang).administration : pick(u.names, lang) || u.id;

const suppressedCell = (dimension: string): TrendCell => ({ dimension, suppressed: true });

/** The unit's cell of a dimension ("overall" for the overall score); suppressed units have none. */
function cellIn(u: TrendUnit, dimension: string): TrendCell {
  return u.suppressed
    ? suppressedCell(dimension)
    : (u.cells.find((c) => c.dimension === dimension) ?? { dimension });
}

/** "Veränderung seit der Vorerhebung (15. Oktober 2024)" */
export function trendHeading(t: Trend, lang: Lang): string {
  const L = labels(lang);
  return t.before.date
    ? fill(L.trendSinceDate, { date: fmtDate(t.before.date, lang) })
    : L.trendSince;
}

/**
 * Page one: the administration's overall change with its noise judgement, the dimensions whose
 * change is beyond noise, and a departments × dimensions matrix of changes (* beyond noise).
 */
export function summaryTrendBlocks(t: Trend, a: Assessment, lang: Lang): Block[] {
  const L = labels(lang);
  const admin = t.units.find((u) => u.kind === "administration");
  const blocks: Block[] = [{ kind: "heading", text: trendHeading(t, lang) }];
  if (admin && !admin.suppressed) {
    const overall = cellIn(admin, "overall");
    if (overall.change !== undefined) {
      const parts: Inline[] = [
        `${L.overall}: `,
        { strong: changeText(overall, lang) },
        ` ${L.points}`,
      ];
      if (overall.beyondNoise !== undefined)
        parts.push(` – ${overall.beyondNoise ? L.trendBeyondNoise : L.trendWithinNoise}`);
      parts.push(".");
      blocks.push({ kind: "paragraph", parts });
    }
    const clear = admin.cells.filter((c) => c.dimension !== "overall" && c.beyondNoise);
    blocks.push({
      kind: "paragraph",
      parts:
        clear.length === 0
          ? [L.trendNoneBeyondNoise]
          : [
              `${L.trendClearChanges}: `,
              clear
                .map(
                  (c) => `${dimensionName(a, c.dimension, lang)} ${fmtSigned(c.change, 1, lang)}`,
                )
                .join(", "),
              ".",
            ],
    });
  }
  const dims = rootDimensions(a);
  const order = [...t.units.filter((u) => u.kind !== "administration"), ...(admin ? [admin] : [])];
  blocks.push({
    kind: "table",
    caption: L.trendMatrixCaption,
    head: [L.department, ...dims.map((d) => dimensionName(a, d.id, lang)), L.overall],
    numeric: [false, ...dims.map(() => true), true],
    rows: order.map((u) => {
      const name: Cell = {
        text: unitLabel(u, lang),
        ...(u.kind === "administration" ? { strong: true } : {}),
      };
      if (u.suppressed)
        return [name, { text: L.suppressed, suppressed: true }, ...dims.map(() => ({ text: "" }))];
      return [
        name,
        ...[...dims.map((d) => d.id), "overall"].map((id): Cell => {
          const c = cellIn(u, id);
          if (c.suppressed) return { text: L.suppressed, suppressed: true };
          if (c.change === undefined) return { text: "–" };
          return {
            text: `${fmtSigned(c.change, 1, lang)}${c.beyondNoise ? "*" : ""}`,
            ...(id === "overall" ? { strong: true } : {}),
          };
        }),
      ];
    }),
  });
  blocks.push({ kind: "paragraph", parts: [`${L.noiseMark}. ${L.trendBothWaves}`] });
  return blocks;
}

/** In a dimension's details: every unit's change in that dimension. */
export function dimensionTrendBlocks(
  t: Trend,
  dimension: string,
  a: Assessment,
  lang: Lang,
): Block[] {
  const L = labels(lang);
  const order = [
    ...t.units.filter((u) => u.kind !== "administration"),
    ...t.units.filter((u) => u.kind === "administration"),
  ];
  return [
    { kind: "heading", text: trendHeading(t, lang) },
    trendTable(
      L.department,
      order.map((u) => ({
        label: unitLabel(u, lang),
        strong: u.kind === "administration",
        cell: cellIn(u, dimension),
      })),
      a,
      lang,
    ),
  ];
}

/** In a department's details: its change per dimension and overall. */
export function unitTrendBlocks(t: Trend, unit: string, a: Assessment, lang: Lang): Block[] {
  const L = labels(lang);
  const u = t.units.find((x) => x.id === unit);
  if (!u) return [];
  const heading: Block = { kind: "heading", text: trendHeading(t, lang) };
  if (u.suppressed) return [heading, { kind: "paragraph", parts: [`${L.trendUnitSuppressed}.`] }];
  return [
    heading,
    trendTable(
      L.dimension,
      u.cells.map((c) => ({
        label: c.dimension === "overall" ? L.overall : dimensionName(a, c.dimension, lang),
        strong: c.dimension === "overall",
        cell: c,
      })),
      a,
      lang,
    ),
  ];
}

/** The methodology's note on reading the trend. */
export function trendNotes(t: Trend, lang: Lang): Block[] {
  const L = labels(lang);
  const blocks: Block[] = [
    { kind: "heading", text: L.trendSince },
    { kind: "paragraph", parts: [L.noiseNote] },
    { kind: "paragraph", parts: [L.progressNote] },
  ];
  if (t.versionChanged)
    blocks.push({
      kind: "paragraph",
      parts: [
        fill(L.versionWarning, {
          before: t.before.questionnaire.version,
          after: t.after.questionnaire.version,
        }),
      ],
    });
  return blocks;
}
