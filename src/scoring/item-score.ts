// Answer code → item score on 0–100. "Don't know", "not applicable" and blanks are missing, never 0.
import type {
  Choice,
  GridItem,
  Item,
  MissingKind,
  NumberItem,
  Questionnaire,
  Scale,
} from "../questionnaire/model.js";
import { gridKey } from "../responses/model.js";
import { decimal, gcd, lcm, type Ratio, ratio, small } from "./exact.js";

export type Outcome =
  /** `option`: index of the answer in the item's option list (single-code items), for counts. */
  (
    | { readonly kind: "score"; readonly score: number; readonly option?: number }
    | { readonly kind: "blank" }
    | { readonly kind: MissingKind; readonly option?: number }
    | { readonly kind: "invalid"; readonly value: string }
  ) & {
    /** `kind` as a KIND_* number, for the per-row loops (typed arrays, no string compares). */
    readonly code: number;
    /** A score exactly: num / den in lowest terms (0 / 1 when not a score). */
    readonly num: number;
    readonly den: number;
  };

export const KIND_SCORE = 0;
export const KIND_DONT_KNOW = 1;
export const KIND_NOT_APPLICABLE = 2;
export const KIND_BLANK = 3;
export const KIND_SKIPPED = 4;
export const KIND_INVALID = 5;
export const KINDS = 6;

function kindCode(kind: Outcome["kind"] | "skipped"): number {
  switch (kind) {
    case "score":
      return KIND_SCORE;
    case "dont_know":
      return KIND_DONT_KNOW;
    case "not_applicable":
      return KIND_NOT_APPLICABLE;
    case "blank":
      return KIND_BLANK;
    case "skipped":
      return KIND_SKIPPED;
    default:
      return KIND_INVALID;
  }
}

/**
 * Every outcome has the same fields in the same order, so the per-row code reading them stays
 * monomorphic (V8 hidden classes); unused fields are undefined. A score comes as the exact
 * num / den it is; `score` is its float for display.
 */
export function outcome(
  kind: Outcome["kind"] | "skipped",
  exact?: readonly [number, number],
  option?: number,
  value?: string,
): Outcome {
  const [num, den] = exact ?? [0, 1];
  const score = exact ? num / den : undefined;
  return { kind, score, option, value, code: kindCode(kind), num, den } as Outcome;
}

/** A score outcome for num / den (reduced here). */
export function scored(num: number, den: number, option?: number): Outcome {
  const g = gcd(num, den) || 1;
  return outcome("score", [num / g, den / g], option);
}

const scoredRatio = (r: Ratio, option?: number): Outcome => outcome("score", small(r), option);

const invalid = (v: string): Outcome => outcome("invalid", undefined, undefined, v);

export const BLANK: Outcome = outcome("blank");
const DONT_KNOW: Outcome = outcome("dont_know");
const NOT_APPLICABLE: Outcome = outcome("not_applicable");

export type AnswerGetter = (key: string) => string | undefined;

/** A respondent's answers, aligned with the plan's answer keys (undefined = not answered). */
export type Values = readonly (string | undefined)[];

/** Scores one item for one respondent from the values at its key positions. */
export type ItemScorer = (values: Values) => Outcome;

/** Position of an answer key (item id or grid row `item[row]`) in the values array. */
export type KeyIndex = (key: string) => number;

/** 100·(x−min)/(max−min), mirrored for reverse items, exactly. */
export function normaliseExact(value: number, min: number, max: number, reverse: boolean): Ratio {
  const [x, lo, hi] = [decimal(value), decimal(min), decimal(max)];
  const span = ratio(hi.p * lo.q - lo.p * hi.q, hi.q * lo.q);
  if (span.p === 0n) return ratio(reverse ? 0 : 100);
  const off = reverse
    ? ratio(hi.p * x.q - x.p * hi.q, hi.q * x.q)
    : ratio(x.p * lo.q - lo.p * x.q, x.q * lo.q);
  return ratio(100n * off.p * span.q, off.q * span.p);
}

function missing(kind: MissingKind): Outcome {
  return kind === "dont_know" ? DONT_KNOW : NOT_APPLICABLE;
}

/**
 * Precomputes code → outcome for a scale, so scoring a cell is one map lookup. Each outcome is
 * created once and carries the option's index, so counting answers needs no string keys.
 */
export function scaleOutcomes(scale: Scale, reverse: boolean): Map<string, Outcome> {
  const m = new Map<string, Outcome>();
  scale.options.forEach((o, option) => {
    m.set(
      o.code,
      o.missing
        ? outcome(o.missing, undefined, option)
        : scoredRatio(normaliseExact(o.value ?? scale.min, scale.min, scale.max, reverse), option),
    );
  });
  return m;
}

function choiceOutcomes(choices: readonly Choice[]): Map<string, Outcome> {
  return new Map(
    choices.map(
      (c, option) =>
        [
          c.code,
          c.missing ? outcome(c.missing, undefined, option) : scoredRatio(decimal(c.score), option),
        ] as const,
    ),
  );
}

/** Option codes of a single-code item in the order `option` indexes refer to. */
export const YES_NO_CODES = ["no", "yes", "dk", "na"] as const;
const yesNo = (reverse: boolean) =>
  new Map<string, Outcome>([
    ["no", scored(reverse ? 100 : 0, 1, 0)],
    ["yes", scored(reverse ? 0 : 100, 1, 1)],
    ["dk", outcome("dont_know", undefined, 2)],
    ["na", outcome("not_applicable", undefined, 3)],
  ]);
const YES_NO = yesNo(false);
const NO_YES = yesNo(true);

/** The outcome of a single-code answer (scoreCodes keeps it per answer code). */
export function lookupAnswer(table: ReadonlyMap<string, Outcome>, v: string | undefined): Outcome {
  if (v === undefined || v === "") return BLANK;
  return table.get(v) ?? invalid(v);
}

/** The codes whose position `Outcome.option` gives, for single-code items; undefined otherwise. */
export function optionCodes(item: Item, q: Questionnaire): readonly string[] | undefined {
  switch (item.type) {
    case "likert":
      return q.scales.get(item.scale)?.options.map((o) => o.code);
    case "single":
      return item.choices.map((c) => c.code);
    case "yesno":
      return YES_NO_CODES;
    default:
      return undefined;
  }
}

/** An item's scorer and a denominator every score it gives divides (for exact integer sums). */
export interface CompiledItem {
  readonly score: ItemScorer;
  readonly den: number;
  /** Single-code items: code → outcome. */
  readonly table?: ReadonlyMap<string, Outcome>;
}

/** The least common denominator of a table's scores. */
function tableDen(table: ReadonlyMap<string, Outcome>): number {
  let d = 1;
  for (const o of table.values()) if (o.kind === "score") d = lcm(d, o.den);
  return d;
}

function fromTable(table: Map<string, Outcome>, at: number): CompiledItem {
  return { score: (values) => lookupAnswer(table, values[at]), den: tableDen(table), table };
}

export function compileItemScorer(
  item: Item,
  q: Questionnaire,
  keyIndex: KeyIndex,
): CompiledItem | undefined {
  switch (item.type) {
    case "text":
      return undefined;
    case "likert": {
      const scale = q.scales.get(item.scale);
      if (!scale) throw new Error(`unknown scale ${item.scale}`);
      return fromTable(scaleOutcomes(scale, item.reverse), keyIndex(item.id));
    }
    case "yesno":
      return fromTable(item.reverse ? NO_YES : YES_NO, keyIndex(item.id));
    case "single":
      return fromTable(choiceOutcomes(item.choices), keyIndex(item.id));
    case "multi":
      return multiScorer(keyIndex(item.id), item.choices, item.combine);
    case "number":
      return numberScorer(item, keyIndex(item.id));
    case "grid":
      return gridScorer(item, q, keyIndex);
  }
}

function multiScorer(
  at: number,
  choices: readonly Choice[],
  combine: "sum" | "share",
): CompiledItem {
  const byCode = new Map(choices.map((c) => [c.code, c]));
  const scoredChoices = choices.filter((c) => !c.missing && !c.exclusive);
  // Choice scores as integers over their common denominator, so a sum is an integer sum.
  const exact = scoredChoices.map((c) => small(decimal(c.score)));
  const den = exact.reduce((d, [, q]) => lcm(d, q), 1);
  const units = new Map(scoredChoices.map((c, i) => [c.code, exact[i]![0] * (den / exact[i]![1])]));
  const count = scoredChoices.length;
  const score: ItemScorer = (values) => {
    const v = values[at];
    if (v === undefined || v === "") return BLANK;
    let sum = 0;
    let chosen = 0;
    for (const raw of v.split(";")) {
      const code = raw.trim();
      if (code === "") continue;
      const c = byCode.get(code);
      if (!c) return invalid(v);
      if (c.missing) return missing(c.missing);
      if (c.exclusive) continue;
      sum += units.get(code)!;
      chosen++;
    }
    if (combine === "sum") return scored(Math.min(100 * den, sum), den);
    return count === 0 ? scored(0, 1) : scored(100 * chosen, count);
  };
  return { score, den: combine === "sum" ? den : Math.max(1, count) };
}

function numberScorer(item: NumberItem, at: number): CompiledItem {
  const bands = item.bands.map((b) => ({ ...b, outcome: scoredRatio(decimal(b.score)) }));
  const score: ItemScorer = (values) => {
    const v = values[at];
    if (v === undefined || v === "") return BLANK;
    if (v === "dk") return DONT_KNOW;
    if (v === "na") return NOT_APPLICABLE;
    const x = Number(v.replace(",", "."));
    if (!Number.isFinite(x) || v.trim() === "") return invalid(v);
    const band = bands.find(
      (b) => (b.min === undefined || x >= b.min) && (b.max === undefined || x < b.max),
    );
    return band ? band.outcome : invalid(v);
  };
  return { score, den: bands.reduce((d, b) => lcm(d, b.outcome.den), 1) };
}

function gridScorer(item: GridItem, q: Questionnaire, keyIndex: KeyIndex): CompiledItem {
  const scale = q.scales.get(item.scale);
  if (!scale) throw new Error(`unknown scale ${item.scale}`);
  const table = scaleOutcomes(scale, item.reverse);
  const rowDen = tableDen(table);
  const keys = item.rows.map((r) => keyIndex(gridKey(item.id, r.id)));
  const score: ItemScorer = (values) => {
    let sum = 0;
    let answered = 0;
    let dk = 0;
    let na = 0;
    for (const key of keys) {
      const v = values[key];
      if (v === undefined || v === "") continue;
      const o = table.get(v);
      if (!o) return invalid(v);
      if (o.kind === "score") {
        sum += o.num * (rowDen / o.den);
        answered++;
      } else if (o.kind === "dont_know") dk++;
      else na++;
    }
    if (answered > 0) return scored(sum, rowDen * answered);
    if (dk > 0) return DONT_KNOW;
    if (na > 0) return NOT_APPLICABLE;
    return BLANK;
  };
  // The mean of 1 … rows row scores.
  let den = rowDen;
  for (let k = 2; k <= keys.length; k++) den = lcm(den, rowDen * k);
  return { score, den };
}
