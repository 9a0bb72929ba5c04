// Cell value → answer code, per item type: by code or by label in any language, decimal commas in
// numbers, multi-select cells split against the known labels (longest first). Pure and compiled
// once per column, so a cell costs one map lookup in the common case.

import { type Said, said } from "../../messages/catalogue.js";
import type { Choice, Item } from "../../questionnaire/model.js";
import type { CatalogItem } from "./catalog.js";
import { limesurveyAnswerCodes } from "./presets/limesurvey.js";
import { normalizeKey } from "./text.js";

/** Why a cell was dropped. */
export interface Invalid {
  readonly code: "value-out-of-range" | "unknown-label" | "not-a-number" | "other-text";
  /** What to say (src/messages/import.ts): in the user's language when printed. */
  readonly says: Said;
  /** What of the cell is kept: the chosen options beside an "Other" text (other-text). */
  readonly keep?: string;
  /** The parts of a multi-select cell that matched no option (unknown-label), one by one. */
  readonly unknown?: readonly string[];
}

/** Returns the answer code, or an Invalid. Never called with an empty cell. */
export type Converter = (raw: string) => string | Invalid;

export function isInvalid(v: string | Invalid): v is Invalid {
  return typeof v !== "string";
}

/** Extra labels from a mapping file: global and per item (normalised label → code). */
export interface ValueOverrides {
  readonly global: ReadonlyMap<string, string>;
  readonly byItem: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

export const NO_OVERRIDES: ValueOverrides = { global: new Map(), byItem: new Map() };

/** The bundled questionnaires' words for "not applicable" (staff, citizens, businesses). */
const NOT_RELEVANT = [
  "trifft auf meine Tätigkeit nicht zu",
  "trifft auf mich nicht zu",
  "trifft auf unser Unternehmen nicht zu",
  "not relevant to my work",
  "not relevant to me",
  "not relevant to our business",
];
const YESNO_LABELS: Readonly<Record<string, readonly string[]>> = {
  // LimeSurvey's export option "Convert Y to 1, N to 2" (its suggested values) gives 1 and 2.
  yes: ["yes", "ja", "y", "j", "true", "wahr", "1"],
  no: ["no", "nein", "n", "false", "falsch", "0", "2"],
  dk: ["dk", "weiß nicht", "weiss nicht", "don't know", "dont know", "do not know", "keine angabe"],
  na: ["na", "n/a", "nicht zutreffend", "not applicable", "trifft nicht zu", ...NOT_RELEVANT],
};
/** Missing-answer labels accepted by number items. */
const NUMBER_MISSING: Readonly<Record<string, readonly string[]>> = {
  dk: YESNO_LABELS.dk!,
  na: ["na", "n/a", "nicht zutreffend", "not applicable", ...NOT_RELEVANT],
};
/** A multi-choice column (LimeSurvey `Q[SQ001]`) is ticked with one of these (1/2: converted Y/N). */
const TICKED = new Set(["y", "yes", "ja", "j", "1", "x", "true", "wahr", "selected", "ausgewählt"]);
const UNTICKED = new Set(["n", "no", "nein", "0", "2", "false", "falsch"]);

/** Code → code, normalised code → code, normalised label (any language) → code. */
function table(
  entries: readonly { code: string; labels: readonly string[] }[],
  itemId: string,
  o: ValueOverrides,
): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of entries) m.set(e.code, e.code);
  for (const e of entries) {
    const k = normalizeKey(e.code);
    if (!m.has(k)) m.set(k, e.code);
  }
  for (const e of entries) {
    for (const l of e.labels) {
      const k = normalizeKey(l);
      if (!m.has(k)) m.set(k, e.code);
    }
  }
  // The short codes a LimeSurvey survey built from the questionnaire gives long codes ("manag").
  for (const [code, short] of limesurveyAnswerCodes(entries.map((e) => e.code))) {
    const k = normalizeKey(short);
    if (short !== code && !m.has(k)) m.set(k, code);
  }
  const codes = new Set(entries.map((e) => e.code));
  const add = (from: ReadonlyMap<string, string>) => {
    for (const [label, code] of from) if (codes.has(code)) m.set(label, code);
  };
  add(o.global);
  const own = o.byItem.get(itemId);
  if (own) add(own);
  return m;
}

function entriesOf(c: CatalogItem): { code: string; labels: string[] }[] {
  const item = c.item;
  switch (item.type) {
    case "likert":
    case "grid":
      return (c.scale?.options ?? []).map((o) => ({
        code: o.code,
        labels: Object.values(o.label),
      }));
    case "single":
    case "multi":
      return item.choices.map((ch: Choice) => ({ code: ch.code, labels: Object.values(ch.label) }));
    case "yesno":
      return withOwnMissing(c, YESNO_LABELS);
    default:
      return [];
  }
}

/** Yes/no and number codes with labels; the questionnaire's own missing labels match first. */
function withOwnMissing(c: CatalogItem, labels: Readonly<Record<string, readonly string[]>>) {
  return Object.entries(labels).map(([code, l]) => {
    const own = code === "dk" ? c.missing?.dk : code === "na" ? c.missing?.na : undefined;
    return { code, labels: [...(own ? Object.values(own) : []), ...l] };
  });
}

/** The codes an item accepts, for messages. */
export function codesOf(c: CatalogItem): string[] {
  return entriesOf(c).map((e) => e.code);
}

/** Every code a mapping's `values:` can give some item (a number item: its missing answers). */
export function mappableCodes(items: Iterable<CatalogItem>): string[] {
  const codes = new Set<string>();
  for (const c of items)
    for (const e of c.item.type === "number" ? withOwnMissing(c, NUMBER_MISSING) : entriesOf(c))
      codes.add(e.code);
  return [...codes];
}

/** Compiles the converter for a whole-item or grid-row column. */
export function compileConverter(
  c: CatalogItem,
  multiSeparator: string,
  o: ValueOverrides,
): Converter {
  const item = c.item;
  switch (item.type) {
    case "text":
      return (raw) => raw;
    case "number":
      return numberConverter(c, o);
    case "multi":
      return multiConverter(c, multiSeparator, o);
    default:
      return lookupConverter(c, o);
  }
}

function lookupConverter(c: CatalogItem, o: ValueOverrides): Converter {
  const entries = entriesOf(c);
  const t = table(entries, c.item.id, o);
  const numericCodes = [...t.values()].filter((v) => /^-?\d+$/.test(v));
  // Once, not per rejected value: planColumns tries every one-byte value on each column.
  const codes = entries.map((e) => e.code);
  return (raw) => {
    const hit = t.get(raw);
    if (hit !== undefined) return hit;
    const k = normalizeKey(raw);
    const byKey = t.get(k);
    if (byKey !== undefined) return byKey;
    if (raw === "-oth-") return chosenOther(raw, c.item.id);
    const x = parseNumber(raw);
    if (x !== undefined) {
      const asCode = t.get(String(x));
      if (asCode !== undefined) return asCode;
      if (numericCodes.length > 0) {
        return {
          code: "value-out-of-range",
          says: said("value-out-of-range.scale", { raw, item: c.item.id, codes }),
        };
      }
    }
    return { code: "unknown-label", says: said("unknown-label", { raw, item: c.item.id, codes }) };
  };
}

function numberConverter(c: CatalogItem, o: ValueOverrides): Converter {
  const item = c.item as Extract<Item, { type: "number" }>;
  const missing = table(withOwnMissing(c, NUMBER_MISSING), item.id, o);
  return (raw) => {
    const x = parseNumber(raw);
    if (x === undefined) {
      const m = missing.get(raw) ?? missing.get(normalizeKey(raw));
      if (m !== undefined) return m;
      return {
        code: "not-a-number",
        says: said("not-a-number", {
          raw,
          item: item.id,
          unitEn: item.unit?.en,
          unitDe: item.unit?.de,
        }),
      };
    }
    const inBand = item.bands.some(
      (b) => (b.min === undefined || x >= b.min) && (b.max === undefined || x < b.max),
    );
    if (!inBand) {
      return {
        code: "value-out-of-range",
        says: said("value-out-of-range.band", { raw, item: item.id }),
      };
    }
    return String(x);
  };
}

/**
 * A number written the German or English way: "12,5", "12.5", "1.234,5", "1,234.5", " 40 % ".
 * Undefined when the text is not a number.
 */
export function parseNumber(raw: string): number | undefined {
  let s = raw.trim().replace(/\s*%$/, "").replace(/\s/g, "");
  if (s === "") return undefined;
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
  else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  else if (/^[-+]?\d*,\d+$/.test(s)) s = s.replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const x = Number(s);
  return Number.isFinite(x) ? x : undefined;
}

function multiConverter(c: CatalogItem, separator: string, o: ValueOverrides): Converter {
  const item = c.item as Extract<Item, { type: "multi" }>;
  const entries = entriesOf(c);
  const t = table(entries, item.id, o);
  const itemCodes = entries.map((e) => e.code); // once, as in lookupConverter
  const order = new Map(item.choices.map((ch, i) => [ch.code, i]));
  // Labels and codes, longest first, for splitting "a, b, c" where a label may contain ", ".
  const labels = [...t.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return (raw) => {
    const direct = t.get(raw);
    if (direct !== undefined) return direct;
    const codes: string[] = [];
    const other: string[] = [];
    for (const p of splitMulti(raw, separator, labels)) {
      const code = t.get(p) ?? t.get(normalizeKey(p));
      if (code === undefined) other.push(p);
      else if (!codes.includes(code)) codes.push(code);
    }
    codes.sort((a, b) => order.get(a)! - order.get(b)!);
    if (other.length === 0) return codes.join(";");
    // Forms write an "Other" answer's text among the chosen options: keep the options.
    return codes.length > 0
      ? {
          code: "other-text",
          says: said("other-text", { parts: other, raw, item: item.id, kept: codes }),
          keep: codes.join(";"),
        }
      : {
          code: "unknown-label",
          unknown: other,
          says: said("unknown-label.multi", {
            parts: other,
            raw,
            item: item.id,
            codes: itemCodes,
          }),
        };
  };
}

/** LimeSurvey's "Other" in export languages: full answers and headings (`[Sonstiges]`). */
export const OTHER_WORDS = new Set([
  "other",
  "sonstiges",
  "sonstige",
  "andere",
  "anderer",
  "autre",
]);

/**
 * A list question's "Other" chosen (LimeSurvey `-oth-`, or "Other" in its full answers): no option
 * of the item, so the item is unanswered in this row; reported, not counted invalid.
 */
export function otherChosen(convert: Converter, item: string): Converter {
  return (raw) => {
    const v = convert(raw);
    return typeof v === "string" || !OTHER_WORDS.has(normalizeKey(raw))
      ? v
      : chosenOther(raw, item);
  };
}

const chosenOther = (raw: string, item: string): Invalid => ({
  code: "other-text",
  says: said("other-text.chosen", { raw, item }),
  keep: "",
});

/**
 * LimeSurvey's free text beside a question ([other], [comment]): reported as free text, kept as
 * no answer (""), so never invalid. "Convert N to" also writes its N value (2) into the empty
 * free-text columns of a multiple-choice question: that is no text.
 */
export function freeTextConverter(
  item: string,
  text: "other" | "comment",
  choice: string | undefined,
  multi: boolean,
): Converter {
  return (raw) =>
    multi && (raw === "2" || raw === "0" || raw === "N")
      ? ""
      : {
          code: "other-text",
          says: said(`other-text.${text}`, { raw, item, choice }),
          keep: "",
        };
}

/**
 * Splits a multi-select cell. Own format and Microsoft Forms join by ";" (maybe with a trailing
 * ";"), Google Forms by ", ". At each position the longest known label wins, so labels that contain
 * the separator stay whole; unknown text runs to the next separator.
 */
export function splitMulti(raw: string, separator: string, labels: readonly string[]): string[] {
  const norm = raw.normalize("NFC");
  const lower = norm.toLowerCase();
  const same = lower.length === norm.length;
  const out: string[] = [];
  const sep = separator.trim() || separator;
  let i = 0;
  while (i < lower.length) {
    while (i < lower.length && (lower[i] === " " || lower.startsWith(sep, i)))
      i += lower.startsWith(sep, i) ? sep.length : 1;
    if (i >= lower.length) break;
    let taken = -1;
    for (const l of labels) {
      if (l.length > 0 && lower.startsWith(l, i)) {
        const end = i + l.length;
        const rest = lower.slice(end).trimStart();
        if (rest === "" || rest.startsWith(sep)) {
          taken = end;
          break;
        }
      }
    }
    if (taken < 0) {
      const next = lower.indexOf(sep, i);
      taken = next < 0 ? lower.length : next;
    }
    const part = (same ? norm : lower).slice(i, taken).trim();
    if (part !== "") out.push(part);
    i = taken;
  }
  return out;
}

/** A LimeSurvey-style choice column: ticked → true, empty or "N" → false, else undefined. */
export function tickOf(raw: string, choiceLabels: readonly string[]): boolean | undefined {
  const k = normalizeKey(raw);
  if (k === "") return false;
  if (TICKED.has(k)) return true;
  if (UNTICKED.has(k)) return false;
  if (choiceLabels.some((l) => normalizeKey(l) === k)) return true;
  return undefined;
}
