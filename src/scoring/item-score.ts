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
  | { readonly kind: "score"; readonly score: number }
  | { readonly kind: "blank" }
  | { readonly kind: MissingKind }
  | { readonly kind: "invalid"; readonly value: string };

export const BLANK: Outcome = { kind: "blank" };
const DONT_KNOW: Outcome = { kind: "dont_know" };
const NOT_APPLICABLE: Outcome = { kind: "not_applicable" };

export type AnswerGetter = (key: string) => string | undefined;

/** Scores one item for one respondent; undefined for free-text items (never scored). */
export type ItemScorer = (get: AnswerGetter) => Outcome;

/** 100·(x−min)/(max−min), mirrored for reverse items. */
export function normalise(value: number, min: number, max: number, reverse: boolean): number {
  const s = max === min ? 100 : (100 * (value - min)) / (max - min);
  return reverse ? 100 - s : s;
}

function missing(kind: MissingKind): Outcome {
  return kind === "dont_know" ? DONT_KNOW : NOT_APPLICABLE;
}

/** Precomputes code → outcome for a scale, so scoring a cell is one map lookup. */
export function scaleOutcomes(scale: Scale, reverse: boolean): Map<string, Outcome> {
  const m = new Map<string, Outcome>();
  for (const o of scale.options) {
    m.set(
      o.code,
      o.missing
        ? missing(o.missing)
        : { kind: "score", score: normalise(o.value ?? scale.min, scale.min, scale.max, reverse) },
    );
  }
  return m;
}

function choiceOutcomes(choices: readonly Choice[]): Map<string, Outcome> {
  return new Map(
    choices.map(
      (c) => [c.code, c.missing ? missing(c.missing) : { kind: "score", score: c.score }] as const,
    ),
  );
}

const YES_NO = new Map<string, Outcome>([
  ["yes", { kind: "score", score: 100 }],
  ["no", { kind: "score", score: 0 }],
  ["dk", DONT_KNOW],
  ["na", NOT_APPLICABLE],
]);
const NO_YES = new Map<string, Outcome>([
  ["yes", { kind: "score", score: 0 }],
  ["no", { kind: "score", score: 100 }],
  ["dk", DONT_KNOW],
  ["na", NOT_APPLICABLE],
]);

function lookup(table: Map<string, Outcome>, id: string): ItemScorer {
  return (get) => {
    const v = get(id);
    if (v === undefined || v === "") return BLANK;
    return table.get(v) ?? { kind: "invalid", value: v };
  };
}

export function compileItemScorer(item: Item, q: Questionnaire): ItemScorer | undefined {
  switch (item.type) {
    case "text":
      return undefined;
    case "likert": {
      const scale = q.scales.get(item.scale);
      if (!scale) throw new Error(`unknown scale ${item.scale}`);
      return lookup(scaleOutcomes(scale, item.reverse), item.id);
    }
    case "yesno":
      return lookup(item.reverse ? NO_YES : YES_NO, item.id);
    case "single":
      return lookup(choiceOutcomes(item.choices), item.id);
    case "multi":
      return multiScorer(item.id, item.choices, item.combine);
    case "number":
      return numberScorer(item);
    case "grid":
      return gridScorer(item, q);
  }
}

function multiScorer(id: string, choices: readonly Choice[], combine: "sum" | "share"): ItemScorer {
  const byCode = new Map(choices.map((c) => [c.code, c]));
  const scored = choices.filter((c) => !c.missing && !c.exclusive).length;
  return (get) => {
    const v = get(id);
    if (v === undefined || v === "") return BLANK;
    let sum = 0;
    let chosen = 0;
    for (const raw of v.split(";")) {
      const code = raw.trim();
      if (code === "") continue;
      const c = byCode.get(code);
      if (!c) return { kind: "invalid", value: v };
      if (c.missing) return missing(c.missing);
      if (c.exclusive) continue;
      sum += c.score;
      chosen++;
    }
    if (combine === "sum") return { kind: "score", score: Math.min(100, sum) };
    return { kind: "score", score: scored === 0 ? 0 : (100 * chosen) / scored };
  };
}

function numberScorer(item: NumberItem): ItemScorer {
  return (get) => {
    const v = get(item.id);
    if (v === undefined || v === "") return BLANK;
    if (v === "dk") return DONT_KNOW;
    if (v === "na") return NOT_APPLICABLE;
    const x = Number(v.replace(",", "."));
    if (!Number.isFinite(x) || v.trim() === "") return { kind: "invalid", value: v };
    const band = item.bands.find(
      (b) => (b.min === undefined || x >= b.min) && (b.max === undefined || x < b.max),
    );
    return band ? { kind: "score", score: band.score } : { kind: "invalid", value: v };
  };
}

function gridScorer(item: GridItem, q: Questionnaire): ItemScorer {
  const scale = q.scales.get(item.scale);
  if (!scale) throw new Error(`unknown scale ${item.scale}`);
  const table = scaleOutcomes(scale, item.reverse);
  const keys = item.rows.map((r) => gridKey(item.id, r.id));
  return (get) => {
    let sum = 0;
    let answered = 0;
    let dk = 0;
    let na = 0;
    for (const key of keys) {
      const v = get(key);
      if (v === undefined || v === "") continue;
      const o = table.get(v);
      if (!o) return { kind: "invalid", value: v };
      if (o.kind === "score") {
        sum += o.score;
        answered++;
      } else if (o.kind === "dont_know") dk++;
      else na++;
    }
    if (answered > 0) return { kind: "score", score: sum / answered };
    if (dk > 0) return DONT_KNOW;
    if (na > 0) return NOT_APPLICABLE;
    return BLANK;
  };
}
