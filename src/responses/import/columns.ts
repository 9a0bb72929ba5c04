// The column plan of one export: which column is metadata (respondent, department, group,
// submit date), which holds which item, grid row or choice, and which matched nothing.
import { coded, type Problem } from "../../problem.js";
import { type Catalog, type ColumnTarget, findSub } from "./catalog.js";
import type { Mapping } from "./mapping.js";
import { commonRole, type MetaRole, type Preset } from "./presets/index.js";
import { normalizeKey, splitBracket } from "./text.js";
import {
  type Converter,
  codesOf,
  compileConverter,
  freeTextConverter,
  OTHER_WORDS,
  otherChosen,
  type ValueOverrides,
} from "./values.js";

export interface ItemColumn {
  readonly col: number;
  readonly slot: number;
  readonly key: string;
  readonly item: string;
  readonly convert: Converter;
  /** Converted value of each one-byte cell that converts cleanly (index = the byte). */
  readonly byte: readonly (string | undefined)[];
  /** Converted value of two-byte codes ("dk", "na", "NA"…) by b0 · 256 + b1. */
  readonly byte2: ReadonlyMap<number, string>;
}

export interface ChoiceColumn {
  readonly col: number;
  readonly slot: number;
  readonly item: string;
  readonly choice: string;
  /** Choice labels (any language): a cell holding one of them counts as ticked. */
  readonly labels: readonly string[];
}

export type ColumnKind =
  | { readonly kind: "meta"; readonly role: MetaRole }
  | { readonly kind: "item"; readonly target: ColumnTarget }
  | { readonly kind: "ignored" }
  | { readonly kind: "unmatched" };

export interface ColumnPlan {
  readonly header: readonly string[];
  readonly kinds: readonly ColumnKind[];
  /** Columns holding a respondent id, best first (the first non-empty one identifies a row). */
  readonly respondentCols: readonly number[];
  /**
   * Per respondent column: does its id name a person across files (a token, e-mail address or
   * respondent column), or only a row of this file (the export's own response id: 1, 2, 3 … in
   * every survey)?
   */
  readonly acrossFiles: readonly boolean[];
  readonly departmentCol: number;
  readonly groupCol: number;
  readonly submittedCol: number;
  readonly itemCols: readonly ItemColumn[];
  readonly choiceCols: readonly ChoiceColumn[];
  /** Answer key (item id or `item[row]`) → slot in a row's values. */
  readonly keyIndex: ReadonlyMap<string, number>;
  /** Item ids that have a column. */
  readonly items: ReadonlySet<string>;
  /** Headings of the mapping file (normalised) that matched a column of this file. */
  readonly mappingKeysUsed: ReadonlySet<string>;
  readonly problems: readonly Problem[];
}

export function planColumns(
  file: string,
  header: readonly string[],
  preset: Preset,
  catalog: Catalog,
  mapping: Mapping,
  overrides: ValueOverrides,
): ColumnPlan {
  const problems: Problem[] = [];
  const cx: Classifying = { preset, catalog, mapping, used: new Set(), ignoredRoles: new Map() };
  const kinds: ColumnKind[] = header.map((h, col) => classify(h, col, cx));
  // A multi item with one column of its own needs no choice columns as well (KoboToolbox writes
  // both by default): the choice columns are ignored.
  const whole = new Set(
    kinds.flatMap((k) =>
      k.kind === "item" && !k.target.row && !k.target.choice && !k.target.text
        ? [k.target.item]
        : [],
    ),
  );
  kinds.forEach((k, col) => {
    if (k.kind === "item" && k.target.choice && !k.target.text && whole.has(k.target.item))
      kinds[col] = { kind: "ignored" };
  });
  for (const [col, role] of cx.ignoredRoles) {
    const line = mapping.lines?.get(normalizeKey(header[col]!))?.line;
    const said = { heading: header[col]!, role, mapping: mapping.file, line };
    problems.push(coded("ignored-role-column", said, { file, line: 1, column: col + 1 }));
  }
  const others = new Set(
    kinds.flatMap((k) => (k.kind === "item" && k.target.text === "other" ? [k.target.item] : [])),
  );
  const keyIndex = new Map<string, number>();
  const firstCol = new Map<string, number>();
  const itemCols: ItemColumn[] = [];
  const choiceCols: ChoiceColumn[] = [];
  const items = new Set<string>();
  const slotOf = (key: string) => {
    let s = keyIndex.get(key);
    if (s === undefined) {
      s = keyIndex.size;
      keyIndex.set(key, s);
    }
    return s;
  };
  kinds.forEach((k, col) => {
    if (k.kind === "unmatched") {
      // The VV export ends every line with a tab: an empty last column is no data.
      if (col === header.length - 1 && header[col]!.trim() === "") {
        kinds[col] = { kind: "ignored" };
        return;
      }
      const at = { file, line: 1, column: col + 1, severity: "warning" } as const;
      problems.push(coded("unmatched-column", { heading: header[col]! }, at));
      return;
    }
    if (k.kind !== "item") return;
    const t = k.target;
    const ci = catalog.items.get(t.item)!;
    const sub = t.text ? `${t.choice ?? ""}${t.text}` : (t.row ?? t.choice);
    const key = sub !== undefined ? `${t.item}[${sub}]` : t.item;
    const before = firstCol.get(key);
    if (before !== undefined) {
      const said = { heading: header[col]!, key, before: before + 1 };
      const at = { file, line: 1, column: col + 1, severity: "warning" } as const;
      problems.push(coded("duplicate-column", said, at));
      kinds[col] = { kind: "ignored" };
      return;
    }
    firstCol.set(key, col);
    const itemColumn = (convert: Converter, byte2: ReadonlyMap<number, string>) =>
      itemCols.push({
        col,
        slot: slotOf(key),
        key,
        item: t.item,
        convert,
        byte: byteTable(convert),
        byte2,
      });
    if (t.text) {
      // Free text is reported, not scored: its own key, never answered (see freeTextConverter).
      itemColumn(freeTextConverter(t.item, t.text, t.choice, ci.item.type === "multi"), new Map());
      return;
    }
    items.add(t.item);
    if (t.choice !== undefined) {
      const choice =
        ci.item.type === "multi" ? ci.item.choices.find((c) => c.code === t.choice) : undefined;
      choiceCols.push({
        col,
        slot: slotOf(t.item),
        item: t.item,
        choice: t.choice,
        labels: choice ? Object.values(choice.label) : [],
      });
    } else {
      const compiled = compileConverter(ci, preset.multiSeparator, overrides);
      // With an "Other" text column, LimeSurvey's full answers say "Other" for the code -oth-.
      const convert = others.has(t.item) ? otherChosen(compiled, t.item) : compiled;
      itemColumn(convert, pairTable(convert, codesOf(ci)));
    }
  });
  const roleCols = (role: MetaRole) =>
    kinds.flatMap((k, i) => (k.kind === "meta" && k.role === role ? [i] : []));
  const respondentCols = preset.respondentRoles.flatMap(roleCols);
  if (mapping.respondent !== undefined) respondentCols.unshift(...roleCols("respondent"));
  const idCols = [...new Set(respondentCols)];
  return {
    header,
    kinds,
    respondentCols: idCols,
    acrossFiles: idCols.map((c) => {
      const k = kinds[c]!;
      return k.kind === "meta" && k.role !== "response-id";
    }),
    departmentCol: roleCols("department")[0] ?? -1,
    groupCol: roleCols("group")[0] ?? -1,
    submittedCol: roleCols("submitted")[0] ?? -1,
    itemCols,
    choiceCols,
    keyIndex,
    items,
    mappingKeysUsed: cx.used,
    problems,
  };
}

/** What classifying a header needs, and what it notes: mapping keys used, ignored role columns. */
interface Classifying {
  readonly preset: Preset;
  readonly catalog: Catalog;
  readonly mapping: Mapping;
  readonly used: Set<string>;
  readonly ignoredRoles: Map<number, MetaRole>;
}

function classify(raw: string, col: number, cx: Classifying): ColumnKind {
  const { preset, catalog, mapping } = cx;
  const h = normalizeKey(raw);
  const mapped = mapping.columns.get(h);
  if (mapped !== undefined) cx.used.add(h);
  if (mapped && mapped !== "ignore") return { kind: "item", target: mapped };
  for (const r of ["department", "group", "respondent", "submitted"] as const) {
    if (mapping[r] === h) {
      cx.used.add(h);
      return { kind: "meta", role: r };
    }
  }
  const role = preset.meta(h) ?? commonRole(h) ?? (mapped ? preset.fixed?.[col] : undefined);
  // A role column marked `ignore` keeps its role, and the conflict is an error.
  if (mapped === "ignore") {
    if (role && role !== "meta") cx.ignoredRoles.set(col, role);
    else return { kind: "ignored" };
  }
  if (role) return { kind: "meta", role };
  const whole = itemTarget(h, catalog);
  if (whole) return { kind: "item", target: whole };
  // `Title [Row]`, `Q1[SQ001]`, and LimeSurvey's expression codes `Q1_SQ001` (VV export).
  const br = splitBracket(raw) ?? /^(?<base>[a-z][a-z0-9]*)_(?<sub>[a-z0-9]+)$/i.exec(raw)?.groups;
  if (br?.base && br.sub) {
    const base = catalog.itemByKey.get(normalizeKey(br.base)) ?? mappedItem(br.base, cx);
    const ci = base === undefined ? undefined : catalog.items.get(base);
    const sub = ci && findSub(ci.item, br.sub);
    if (sub) return { kind: "item", target: { item: ci.item.id, ...sub } };
    // LimeSurvey's free text: `Q1[other]`, `Q1[comment]`, `Q1[SQ001comment]` (`Q1_other` in the
    // VV export), `Text [Other]`, `Text [Choice] [Comment]` (the bracket before names the choice).
    const of = ci ? { kind: "item", target: { item: ci.item.id } } : classify(br.base, -1, cx);
    const text = of.kind === "item" ? freeText(of.target, br.sub, catalog) : undefined;
    if (text) return { kind: "item", target: text };
  }
  // `item_row` / `item_choice` (an XLSForm grid row: reifegrad's item id, "_", the row id).
  for (let i = raw.indexOf("_"); i > 0; i = raw.indexOf("_", i + 1)) {
    const id = catalog.itemByKey.get(normalizeKey(raw.slice(0, i)));
    const ci = id === undefined ? undefined : catalog.items.get(id);
    const sub = ci && findSub(ci.item, raw.slice(i + 1));
    if (sub) return { kind: "item", target: { item: ci.item.id, ...sub } };
  }
  // Group paths (`strategy/str_01`): the field, or `question/choice`.
  const sep = preset.groupSeparator;
  if (sep && col >= 0 && raw.includes(sep)) {
    const parts = raw.split(sep);
    const last = classify(parts.at(-1)!, -1, cx);
    if (last.kind !== "unmatched") return last;
    if (parts.length >= 2) {
      const pair = classify(`${parts.at(-2)!}[${parts.at(-1)!}]`, -1, cx);
      if (pair.kind !== "unmatched") return pair;
    }
  }
  const fixed = preset.fixed?.[col];
  if (fixed) return { kind: "meta", role: fixed };
  // "Code and text" headings (LimeSurvey `str01. Text`, `submitdate. Datum Abgeschickt`,
  // `G01Q01: Text`): the code decides, else the text.
  const ct = /^(\S+?)(?:\.|:|\s-)\s+(.+)$/.exec(raw.trim());
  for (const part of ct ? [ct[1]!, ct[2]!] : []) {
    const k = classify(part, -1, cx);
    if (k.kind !== "unmatched") return k;
  }
  // Text headings exported with spaces turned into underscores.
  if (raw.includes("_") && raw.includes(" ") === false && !ct)
    return classify(raw.replace(/_/g, " "), -1, cx);
  return { kind: "unmatched" };
}

const COMMENT = /^(.*?)(comment|kommentar|commentaire)$/;

/** The free-text column `sub` names beside a question (or a choice of it), if it is one. */
function freeText(owner: ColumnTarget, sub: string, catalog: Catalog): ColumnTarget | undefined {
  const item = catalog.items.get(owner.item)!.item;
  const k = normalizeKey(sub).replace(/[\s_-]/g, "");
  if (owner.row || owner.text || item.type === "grid") return undefined;
  if (OTHER_WORDS.has(k)) return owner.choice ? undefined : { item: item.id, text: "other" };
  const m = COMMENT.exec(k);
  if (!m || (owner.choice && m[1])) return undefined;
  const choice = !m[1]
    ? owner.choice
    : OTHER_WORDS.has(m[1])
      ? "other"
      : findSub(item, m[1])?.choice;
  return !m[1] || choice
    ? { item: item.id, ...(choice ? { choice } : {}), text: "comment" }
    : undefined;
}

function itemTarget(h: string, catalog: Catalog): ColumnTarget | undefined {
  const id = catalog.itemByKey.get(h);
  if (id === undefined) return undefined;
  // A grid needs a row; a whole-grid column cannot hold one answer.
  return catalog.items.get(id)?.item.type === "grid" ? undefined : { item: id };
}

function mappedItem(base: string, cx: Classifying): string | undefined {
  const t = cx.mapping.columns.get(normalizeKey(base));
  if (t) cx.used.add(normalizeKey(base));
  return t && t !== "ignore" ? t.item : undefined;
}

/** The converter's answer for every printable one-byte ASCII cell that it accepts as is. */
function byteTable(convert: Converter): (string | undefined)[] {
  const table = new Array<string | undefined>(256).fill(undefined);
  for (let b = 33; b < 127; b++) {
    const v = convert(String.fromCharCode(b));
    if (typeof v === "string") table[b] = v;
  }
  return table;
}

/** The converter's answer for two-character ASCII codes (and their upper case), e.g. "dk", "NA". */
function pairTable(convert: Converter, codes: readonly string[]): Map<number, string> {
  const m = new Map<number, string>();
  const candidates = [...codes, "dk", "na"].flatMap((c) => [c, c.toUpperCase()]);
  for (const c of candidates) {
    if (c.length !== 2 || !/^[\x21-\x7e]{2}$/.test(c)) continue;
    const v = convert(c);
    if (typeof v === "string") m.set(c.charCodeAt(0) * 256 + c.charCodeAt(1), v);
  }
  return m;
}
