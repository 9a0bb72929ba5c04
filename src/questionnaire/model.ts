// The composed, validated questionnaire model. Everything downstream (scoring, import, interview,
// reports) reads only these types; the YAML shape lives in the loader and the JSON Schema.

/** A text in every language the questionnaire declares, e.g. { de: "…", en: "…" }. */
export type Text = Readonly<Record<string, string>>;

export type ItemType = "likert" | "single" | "multi" | "yesno" | "number" | "grid" | "text";

/** Answers that count as missing (excluded from numerator and denominator), never as zero. */
export type MissingKind = "dont_know" | "not_applicable";

export interface ScaleOption {
  /** The code stored in answer files, e.g. "1" … "5", "dk". */
  readonly code: string;
  readonly label: Text;
  /** Raw value on the scale (e.g. 1…5); undefined for special (missing) answers. */
  readonly value?: number;
  /** Set for "weiß nicht" / "nicht zutreffend". */
  readonly missing?: MissingKind;
}

export interface Scale {
  readonly id: string;
  readonly label?: Text;
  /** Ordered: scored options from worst to best, then the special answers. */
  readonly options: readonly ScaleOption[];
  /** Smallest and largest raw value of the scored options: 0–100 = 100·(x−min)/(max−min). */
  readonly min: number;
  readonly max: number;
  /** The interview's cursor starts on the middle scored option (default: on no answer). */
  readonly start?: "middle";
}

export interface Choice {
  readonly code: string;
  readonly label: Text;
  /** Score 0–100 this choice contributes (single: the item score; multi: see combine). */
  readonly score: number;
  /** Set for "weiß nicht" / "nicht zutreffend" choices: the answer counts as missing. */
  readonly missing?: MissingKind;
  /** multi: a choice like "none of these" that cannot be combined with others. */
  readonly exclusive?: boolean;
}

export interface ScoreBand {
  /** Inclusive lower bound; undefined = −∞. */
  readonly min?: number;
  /** Exclusive upper bound; undefined = +∞. */
  readonly max?: number;
  readonly score: number;
}

export interface GridRow {
  readonly id: string;
  readonly text: Text;
}

interface ItemBase {
  readonly id: string;
  readonly dimension: string;
  readonly text: Text;
  readonly help?: Text;
  readonly weight: number;
  readonly required: boolean;
  /** Respondent groups this item is asked of; undefined = every group. */
  readonly groups?: readonly string[];
  /** Skip logic: parsed `when` condition; the item is not applicable when it is false. */
  readonly when?: Condition;
  /** Source text of `when`, for display. */
  readonly whenSource?: string;
}

export interface LikertItem extends ItemBase {
  readonly type: "likert";
  readonly scale: string;
  readonly reverse: boolean;
}
export interface SingleItem extends ItemBase {
  readonly type: "single";
  readonly choices: readonly Choice[];
}
export interface MultiItem extends ItemBase {
  readonly type: "multi";
  readonly choices: readonly Choice[];
  /** sum: Σ scores of the chosen, capped at 100; share: 100 · chosen / scored choices. */
  readonly combine: "sum" | "share";
}
export interface YesNoItem extends ItemBase {
  readonly type: "yesno";
  readonly reverse: boolean;
}
export interface NumberItem extends ItemBase {
  readonly type: "number";
  readonly bands: readonly ScoreBand[];
  readonly unit?: Text;
}
export interface GridItem extends ItemBase {
  readonly type: "grid";
  readonly scale: string;
  readonly rows: readonly GridRow[];
  readonly reverse: boolean;
}
export interface TextItem extends ItemBase {
  readonly type: "text";
}

export type Item =
  | LikertItem
  | SingleItem
  | MultiItem
  | YesNoItem
  | NumberItem
  | GridItem
  | TextItem;

export interface Level {
  readonly id: string;
  /** 1-based position among the levels. */
  readonly rank: number;
  readonly name: Text;
  readonly description?: Text;
  /** Lowest score (0–100) at this level; the first level starts at 0. */
  readonly min: number;
}

export interface Dimension {
  readonly id: string;
  readonly name: Text;
  readonly description?: Text;
  readonly weight: number;
  /** Target level id. */
  readonly target?: string;
  readonly aggregate: "mean" | "min";
  readonly area?: string;
  /** Measures that lift the dimension from a level to the next: level id → measures. */
  readonly recommendations: Readonly<Record<string, readonly Text[]>>;
}

export interface Area {
  readonly id: string;
  readonly name: Text;
  readonly weight: number;
}

export interface Group {
  readonly id: string;
  readonly name: Text;
  /** staff answer about themselves; external groups give the outside view. */
  readonly perspective: "internal" | "external";
}

/** The parts of the notice a survey opens with (purpose, controller, …), each per language. */
export type NoticePart = "purpose" | "controller" | "voluntariness" | "retention" | "contact";

export interface Questionnaire {
  readonly id: string;
  readonly version: string;
  readonly title: Text;
  readonly description?: Text;
  /** The data-protection notice, part by part along the `extends` chain (defaults: src/survey). */
  readonly notice?: Readonly<Partial<Record<NoticePart, Text>>>;
  readonly languages: readonly string[];
  /** Set on a department questionnaire (it extends the core). */
  readonly department?: { readonly id: string; readonly name: Text };
  /** The respondent group the questionnaire is meant for (e.g. staff, citizens). */
  readonly group: string;
  readonly groups: readonly Group[];
  /** Ids of the chain this questionnaire was composed from, base first. */
  readonly extendsChain: readonly string[];
  readonly scales: ReadonlyMap<string, Scale>;
  readonly levels: readonly Level[];
  readonly areas: readonly Area[];
  readonly dimensions: readonly Dimension[];
  /** In questionnaire order; `when` may only refer to earlier items. */
  readonly items: readonly Item[];
  /** How dimension scores form the overall index. */
  readonly overall: { readonly aggregate: "mean" | "min" };
  /** sha256 of the canonical composed content, set by the loader (hex). */
  readonly contentHash: string;
  /** The file this questionnaire came from (for messages only). */
  readonly source?: string;
}

// ---- `when` expressions (parsed, never eval'd) -------------------------------------------------

export type Literal = string | number | boolean;

export type Condition =
  | { readonly kind: "and" | "or"; readonly left: Condition; readonly right: Condition }
  | { readonly kind: "not"; readonly operand: Condition }
  | {
      readonly kind: "compare";
      readonly item: string;
      readonly op: "==" | "!=" | "<" | "<=" | ">" | ">=";
      readonly value: Literal;
    }
  | { readonly kind: "in"; readonly item: string; readonly values: readonly Literal[] }
  | { readonly kind: "answered"; readonly item: string };
