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
 * Every outcome has the same four fields in the same order, so the per-row code reading them
 * stays monomorphic (V8 hidden classes); unused fields are undefined.
 */
export function outcome(
  kind: Outcome["kind"] | "skipped",
  score?: number,
  option?: number,
  value?: string,
): Outcome {
  return { kind, score, option, value, code: kindCode(kind) } as Outcome;
}

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

/** 100·(x−min)/(max−min), mirrored for reverse items. */
export function normalise(value: number, min: number, max: number, reverse: boolean): number {
  const s = max === min ? 100 : (100 * (value - min)) / (max - min);
  return reverse ? 100 - s : s;
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
        : outcome("score", normalise(o.value ?? scale.min, scale.min, scale.max, reverse), option),
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
          c.missing ? outcome(c.missing, undefined, option) : outcome("score", c.score, option),
        ] as const,
    ),
  );
}

/** Option codes of a single-code item in the order `option` indexes refer to. */
export const YES_NO_CODES = ["no", "yes", "dk", "na"] as const;
const yesNo = (reverse: boolean) =>
  new Map<string, Outcome>([
    ["no", outcome("score", reverse ? 100 : 0, 0)],
    ["yes", outcome("score", reverse ? 0 : 100, 1)],
    ["dk", outcome("dont_know", undefined, 2)],
    ["na", outcome("not_applicable", undefined, 3)],
  ]);
const YES_NO = yesNo(false);
const NO_YES = yesNo(true);

function lookup(table: Map<string, Outcome>, at: number): ItemScorer {
  // Most codes are one ASCII character ("1"–"5"): an array index is several times faster than a
  // string-keyed Map lookup, and this runs for every cell of every row.
  const byChar: (Outcome | undefined)[] = new Array(128).fill(undefined);
  for (const [code, o] of table)
    if (code.length === 1 && code.charCodeAt(0) < 128) byChar[code.charCodeAt(0)] = o;
  return (values) => {
    const v = values[at];
    if (v === undefined || v === "") return BLANK;
    if (v.length === 1) {
      const c = v.charCodeAt(0);
      const o = c < 128 ? byChar[c] : undefined;
      if (o !== undefined) return o;
    }
    return table.get(v) ?? outcome("invalid", undefined, undefined, v);
  };
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

export function compileItemScorer(
  item: Item,
  q: Questionnaire,
  keyIndex: KeyIndex,
): ItemScorer | undefined {
  switch (item.type) {
    case "text":
      return undefined;
    case "likert": {
      const scale = q.scales.get(item.scale);
      if (!scale) throw new Error(`unknown scale ${item.scale}`);
      return lookup(scaleOutcomes(scale, item.reverse), keyIndex(item.id));
    }
    case "yesno":
      return lookup(item.reverse ? NO_YES : YES_NO, keyIndex(item.id));
    case "single":
      return lookup(choiceOutcomes(item.choices), keyIndex(item.id));
    case "multi":
      return multiScorer(keyIndex(item.id), item.choices, item.combine);
    case "number":
      return numberScorer(item, keyIndex(item.id));
    case "grid":
      return gridScorer(item, q, keyIndex);
  }
}

function multiScorer(at: number, choices: readonly Choice[], combine: "sum" | "share"): ItemScorer {
  const byCode = new Map(choices.map((c) => [c.code, c]));
  const scored = choices.filter((c) => !c.missing && !c.exclusive).length;
  return (values) => {
    const v = values[at];
    if (v === undefined || v === "") return BLANK;
    let sum = 0;
    let chosen = 0;
    for (const raw of v.split(";")) {
      const code = raw.trim();
      if (code === "") continue;
      const c = byCode.get(code);
      if (!c) return outcome("invalid", undefined, undefined, v);
      if (c.missing) return missing(c.missing);
      if (c.exclusive) continue;
      sum += c.score;
      chosen++;
    }
    if (combine === "sum") return outcome("score", Math.min(100, sum));
    return outcome("score", scored === 0 ? 0 : (100 * chosen) / scored);
  };
}

function numberScorer(item: NumberItem, at: number): ItemScorer {
  return (values) => {
    const v = values[at];
    if (v === undefined || v === "") return BLANK;
    if (v === "dk") return DONT_KNOW;
    if (v === "na") return NOT_APPLICABLE;
    const x = Number(v.replace(",", "."));
    if (!Number.isFinite(x) || v.trim() === "") return outcome("invalid", undefined, undefined, v);
    const band = item.bands.find(
      (b) => (b.min === undefined || x >= b.min) && (b.max === undefined || x < b.max),
    );
    return band ? outcome("score", band.score) : outcome("invalid", undefined, undefined, v);
  };
}

function gridScorer(item: GridItem, q: Questionnaire, keyIndex: KeyIndex): ItemScorer {
  const scale = q.scales.get(item.scale);
  if (!scale) throw new Error(`unknown scale ${item.scale}`);
  const table = scaleOutcomes(scale, item.reverse);
  const keys = item.rows.map((r) => keyIndex(gridKey(item.id, r.id)));
  return (values) => {
    let sum = 0;
    let answered = 0;
    let dk = 0;
    let na = 0;
    for (const key of keys) {
      const v = values[key];
      if (v === undefined || v === "") continue;
      const o = table.get(v);
      if (!o) return outcome("invalid", undefined, undefined, v);
      if (o.kind === "score") {
        sum += o.score;
        answered++;
      } else if (o.kind === "dont_know") dk++;
      else na++;
    }
    if (answered > 0) return outcome("score", sum / answered);
    if (dk > 0) return DONT_KNOW;
    if (na > 0) return NOT_APPLICABLE;
    return BLANK;
  };
}
