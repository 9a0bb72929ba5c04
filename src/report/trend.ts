// The trend between two survey waves, the one core behind `compare` and the reports' "change
// since the previous wave": comparability of the items, change per unit × dimension with its 95%
// interval (noise marks), level changes and progress to the target. Pure.
//
// A report shows the trend from the previous wave that assessment.json records (`previousWave`,
// written by `score --previous` or a project's `previous:`): the earlier wave's published numbers
// for the cells the current wave publishes too, so `report` renders the trend from
// assessment.json alone, byte for byte as `score` did.

import type { Text } from "../questionnaire/model.js";
import type {
  Assessment,
  DimensionResult,
  ItemInfo,
  Overall,
  SuppressionReason,
  Unit,
} from "../scoring/assessment.js";
import { compareStrings } from "../util/order.js";
import { levelIndex, rootDimensions } from "./view.js";

export interface ItemDifference {
  readonly item: string;
  /** What differs: "only-before", "only-after", "type", "dimension", "reverse", "options", "rows". */
  readonly reasons: readonly string[];
}

export interface Comparability {
  readonly comparable: boolean;
  readonly differences: readonly ItemDifference[];
  /** Root questionnaire versions differ (fine when the items are identical: a warning). */
  readonly versionChanged: boolean;
}

const optionKey = (i: ItemInfo) =>
  i.options.map((o) => `${o.code}${o.missing ? `(${o.missing})` : ""}`).join("|");
const rowKey = (i: ItemInfo) => (i.rows ?? []).map((r) => r.id).join("|");

/** Compares the item definitions (ids, type, options/codes, reverse, dimension, grid rows). */
export function comparability(before: Assessment, after: Assessment): Comparability {
  const b = new Map(before.items.map((i) => [i.id, i]));
  const a = new Map(after.items.map((i) => [i.id, i]));
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort(compareStrings);
  const differences: ItemDifference[] = [];
  for (const id of ids) {
    const x = b.get(id);
    const y = a.get(id);
    if (!x || !y) {
      differences.push({ item: id, reasons: [x ? "only-before" : "only-after"] });
      continue;
    }
    const reasons: string[] = [];
    if (x.type !== y.type) reasons.push("type");
    if (x.dimension !== y.dimension) reasons.push("dimension");
    if (x.reverse !== y.reverse) reasons.push("reverse");
    if (optionKey(x) !== optionKey(y)) reasons.push("options");
    if (rowKey(x) !== rowKey(y)) reasons.push("rows");
    if (reasons.length > 0) differences.push({ item: id, reasons });
  }
  return {
    comparable: differences.length === 0,
    differences,
    versionChanged: before.questionnaire.version !== after.questionnaire.version,
  };
}

/** A dimension cell of a wave, as far as the trend reads it (a DimensionResult is one). */
export type WaveCell = Pick<
  DimensionResult,
  "id" | "n" | "mean" | "level" | "ciLow" | "ciHigh" | "suppressed" | "target" | "targetScore"
>;

/** A unit of a wave, as far as the trend reads it (a Unit is one). */
export interface WaveUnit {
  readonly id: string;
  readonly names?: Text;
  readonly respondents: number | null;
  readonly suppressed?: SuppressionReason;
  readonly overall: Pick<Overall, "score" | "level" | "ciLow" | "ciHigh">;
  readonly dimensions: readonly WaveCell[];
}

/** A wave, as far as the trend reads it: an Assessment, or the previous wave it records. */
export interface Wave {
  readonly date?: string;
  readonly questionnaire: Assessment["questionnaire"];
  readonly administration: WaveUnit;
  readonly departments: readonly WaveUnit[];
}

export interface TrendPoint {
  readonly mean: number;
  readonly level: string;
  readonly n: number;
  /** Half the width of the mean's 95% confidence interval, when the wave published it. */
  readonly ciHalf?: number;
}

export interface TrendCell {
  readonly dimension: string;
  readonly before?: TrendPoint;
  readonly after?: TrendPoint;
  /** after − before. */
  readonly change?: number;
  /**
   * Half the width of the change's 95% confidence interval, √(h₁² + h₂²) from the two waves'
   * intervals (independent samples); absent when a wave withheld its interval (small cells).
   */
  readonly changeCiHalf?: number;
  /** The change's interval excludes 0: a change larger than sampling noise. */
  readonly beyondNoise?: boolean;
  /** Difference of level positions (+1 = one level up). */
  readonly levelChange?: number;
  readonly target?: string;
  readonly targetScore?: number;
  /** Share of the earlier gap closed: (after − before) / (target − before); 1 = target reached. */
  readonly progress?: number;
  /** True when a cell is suppressed in either wave (no numbers). */
  readonly suppressed?: boolean;
}

export interface TrendUnit {
  readonly id: string;
  readonly kind: "administration" | "department";
  readonly names: Text;
  readonly suppressed?: boolean;
  readonly cells: readonly TrendCell[];
}

export interface Trend {
  readonly before: { readonly date?: string; readonly questionnaire: Assessment["questionnaire"] };
  readonly after: { readonly date?: string; readonly questionnaire: Assessment["questionnaire"] };
  readonly versionChanged: boolean;
  readonly units: readonly TrendUnit[];
}

const half = (x: { ciLow?: number; ciHigh?: number }) =>
  x.ciLow !== undefined && x.ciHigh !== undefined ? { ciHalf: (x.ciHigh - x.ciLow) / 2 } : {};

const cellOfUnit = (u: WaveUnit, id: string) => u.dimensions.find((d) => d.id === id);

/** The cell has numbers that may be shown. */
const scored = (d: WaveCell | undefined): d is WaveCell & { mean: number } =>
  d !== undefined && !d.suppressed && d.mean !== undefined;

function point(d: WaveCell | undefined): TrendPoint | undefined {
  return scored(d) && d.level ? { mean: d.mean, level: d.level, n: d.n, ...half(d) } : undefined;
}

function overallPoint(u: WaveUnit): TrendPoint | undefined {
  return u.overall.score !== null && u.overall.level
    ? {
        mean: u.overall.score,
        level: u.overall.level,
        n: u.respondents ?? 0,
        ...half(u.overall),
      }
    : undefined;
}

function cellOf(
  a: Assessment,
  dimension: string,
  x: TrendPoint | undefined,
  y: TrendPoint | undefined,
  target: WaveCell | undefined,
  suppressed: boolean,
): TrendCell {
  if (suppressed) return { dimension, suppressed: true };
  const targetScore = target?.targetScore;
  const change = x && y ? y.mean - x.mean : undefined;
  let progress: number | undefined;
  if (x && y && targetScore !== undefined)
    progress = x.mean >= targetScore ? 1 : Math.min(1, (y.mean - x.mean) / (targetScore - x.mean));
  const noise =
    x?.ciHalf !== undefined && y?.ciHalf !== undefined ? Math.hypot(x.ciHalf, y.ciHalf) : undefined;
  return {
    dimension,
    ...(x ? { before: x } : {}),
    ...(y ? { after: y } : {}),
    ...(change !== undefined ? { change } : {}),
    ...(change !== undefined && noise !== undefined
      ? { changeCiHalf: noise, beyondNoise: Math.abs(change) > noise }
      : {}),
    ...(x && y ? { levelChange: levelIndex(a, y.level) - levelIndex(a, x.level) } : {}),
    ...(target?.target ? { target: target.target } : {}),
    ...(targetScore !== undefined ? { targetScore } : {}),
    ...(progress !== undefined ? { progress } : {}),
  };
}

/**
 * The trend per unit (administration, then departments present in either wave) × dimension (the
 * later wave's root dimensions, then "overall"). A cell suppressed in either wave has no numbers;
 * a unit suppressed in either wave has no cells.
 */
export function buildTrend(before: Wave, after: Assessment): Trend {
  const dims = rootDimensions(after);
  const pairs: {
    id: string;
    kind: "administration" | "department";
    x?: WaveUnit;
    y?: WaveUnit;
  }[] = [
    {
      id: "administration",
      kind: "administration",
      x: before.administration,
      y: after.administration,
    },
  ];
  const ids = [...new Set([...before.departments, ...after.departments].map((d) => d.id))].sort(
    compareStrings,
  );
  for (const id of ids) {
    const x = before.departments.find((d) => d.id === id);
    const y = after.departments.find((d) => d.id === id);
    pairs.push({ id, kind: "department", ...(x ? { x } : {}), ...(y ? { y } : {}) });
  }
  const units = pairs.map((p): TrendUnit => {
    const names = p.y?.names ?? p.x?.names ?? {};
    const suppressed = Boolean(p.x?.suppressed || p.y?.suppressed);
    if (suppressed) return { id: p.id, kind: p.kind, names, suppressed: true, cells: [] };
    const cells = dims.map((d) => {
      const dx = p.x ? cellOfUnit(p.x, d.id) : undefined;
      const dy = p.y ? cellOfUnit(p.y, d.id) : undefined;
      return cellOf(
        after,
        d.id,
        point(dx),
        point(dy),
        dy ?? dx,
        Boolean(dx?.suppressed || dy?.suppressed),
      );
    });
    cells.push(
      cellOf(
        after,
        "overall",
        p.x ? overallPoint(p.x) : undefined,
        p.y ? overallPoint(p.y) : undefined,
        undefined,
        false,
      ),
    );
    return { id: p.id, kind: p.kind, names, cells };
  });
  return {
    before: { ...(before.date ? { date: before.date } : {}), questionnaire: before.questionnaire },
    after: { ...(after.date ? { date: after.date } : {}), questionnaire: after.questionnaire },
    versionChanged: before.questionnaire.version !== after.questionnaire.version,
    units,
  };
}

// ---------------------------------------------------------------------------------------------
// The previous wave a report shows its trend against.

/** What assessment.json records of the previous wave (`previousWave`); units carry no names. */
export type PreviousWave = Wave;

/** An assessment that may carry the previous wave (assessment.json's optional `previousWave`). */
export type WithPreviousWave = Assessment & { readonly previousWave?: PreviousWave };

/** The previous wave assessment.json records, if any. */
export function previousWaveOf(a: Assessment): PreviousWave | undefined {
  return (a as WithPreviousWave).previousWave;
}

/** A cell of the current wave that publishes a score. */
const published = (d: WaveCell | undefined) => scored(d) && d.level !== undefined;

/**
 * The previous wave's unit as recorded: its published numbers only where the current wave
 * publishes the same cell, so the record adds nothing a reader could not pair up from the two
 * published waves — and a cell the current wave withholds keeps no earlier number beside it.
 */
function recordUnit(x: Unit, y: Unit): WaveUnit {
  // Nothing to pair with a unit the current wave withholds.
  if (x.suppressed || y.suppressed)
    return {
      id: x.id,
      respondents: null,
      ...(x.suppressed ? { suppressed: x.suppressed } : {}),
      overall: { score: null, level: null },
      dimensions: [],
    };
  const dimensions: WaveCell[] = [];
  for (const d of x.dimensions) {
    if (!published(cellOfUnit(y, d.id))) continue;
    if (d.suppressed) dimensions.push({ id: d.id, n: d.n, suppressed: d.suppressed });
    else if (published(d))
      dimensions.push({
        id: d.id,
        n: d.n,
        mean: d.mean!,
        level: d.level!,
        ...(d.ciLow !== undefined && d.ciHigh !== undefined
          ? { ciLow: d.ciLow, ciHigh: d.ciHigh }
          : {}),
      });
  }
  const o = x.overall;
  const overall =
    y.overall.score !== null && o.score !== null && o.level !== null
      ? {
          score: o.score,
          level: o.level,
          ...(o.ciLow !== undefined && o.ciHigh !== undefined
            ? { ciLow: o.ciLow, ciHigh: o.ciHigh }
            : {}),
        }
      : { score: null, level: null };
  return { id: x.id, respondents: x.respondents, overall, dimensions };
}

/**
 * The previous wave as `current` records it: date, questionnaire and, for the administration and
 * every department the current wave publishes, the earlier published numbers of the cells both
 * publish. Numbers are copied as the earlier assessment.json has them (nothing is derived).
 */
export function recordPreviousWave(previous: Assessment, current: Assessment): PreviousWave {
  const departments: WaveUnit[] = [];
  for (const y of current.departments) {
    const x = previous.departments.find((d) => d.id === y.id);
    if (x && !y.suppressed) departments.push(recordUnit(x, y));
  }
  return {
    ...(previous.date ? { date: previous.date } : {}),
    questionnaire: {
      id: previous.questionnaire.id,
      version: previous.questionnaire.version,
      contentHash: previous.questionnaire.contentHash,
    },
    administration: recordUnit(previous.administration, current.administration),
    departments,
  };
}

/** The current assessment with the previous wave recorded (replacing one recorded before). */
export function withPreviousWave(current: Assessment, previous: Assessment): WithPreviousWave {
  const { previousWave: _, ...rest } = current as WithPreviousWave;
  return { ...rest, previousWave: recordPreviousWave(previous, current) };
}

/** The trend the report shows: against the recorded previous wave, if any. */
export function reportTrend(a: Assessment): Trend | undefined {
  const p = previousWaveOf(a);
  return p ? buildTrend(p, a) : undefined;
}
