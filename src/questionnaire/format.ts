// The structure of questionnaire format 1.0 as data: which keys exist, their types, what is
// required, and a description of each. The structure rules (shape.ts) check files against it and
// the JSON Schema (json-schema.ts) is generated from it, so the two cannot drift apart.

export type Shape =
  | {
      readonly kind: "string";
      readonly pattern?: RegExp;
      /** What the pattern means, for messages, e.g. "lowercase letters, digits and _". */
      readonly patternText?: string;
      readonly enum?: readonly string[];
      /** Problem code when not in `enum` (default "invalid-value"). */
      readonly enumCode?: string;
    }
  /** An answer code: a string, or a number written without quotes (read as its string). */
  | { readonly kind: "code" }
  /** A free string; a number written without quotes is read as its string (e.g. 2026.1). */
  | { readonly kind: "version" }
  | {
      readonly kind: "number";
      readonly min?: number;
      readonly max?: number;
      readonly exclusiveMin?: boolean;
      readonly integer?: boolean;
      /** Problem code when out of range, e.g. "invalid-weight". */
      readonly rangeCode: string;
    }
  | { readonly kind: "const"; readonly value: number }
  | { readonly kind: "boolean" }
  /** A string (one declared language) or a map language → string. */
  | { readonly kind: "text" }
  | { readonly kind: "list"; readonly of: Shape; readonly minItems?: number }
  /** A mapping with free keys (ids) whose values share one shape. */
  | { readonly kind: "map"; readonly keyPattern?: RegExp; readonly values: Shape }
  | ObjectShape;

export interface ObjectShape {
  readonly kind: "object";
  readonly name: string;
  readonly fields: Readonly<Record<string, Field>>;
}

export interface Field {
  readonly shape: Shape;
  readonly description: string;
  /** true: always; "root": only in a file without `extends`. */
  readonly required?: boolean | "root";
}

export const ITEM_TYPES = ["likert", "single", "multi", "yesno", "number", "grid", "text"] as const;
export const MISSING_KINDS = ["dont_know", "not_applicable"] as const;
export const AGGREGATES = ["mean", "min"] as const;
export const COMBINES = ["sum", "share"] as const;
export const PERSPECTIVES = ["internal", "external"] as const;
export const FORMAT_VERSION = 1;

export const QUESTIONNAIRE_ID = /^[a-z][a-z0-9_-]*$/;
export const ITEM_ID = /^[a-z][a-z0-9_]*$/;
export const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;
export const ROW_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const CODE = /^[A-Za-z0-9][A-Za-z0-9_.+-]*$/;
export const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;

const str = (pattern?: RegExp, patternText?: string): Shape => ({
  kind: "string",
  ...(pattern ? { pattern, patternText } : {}),
});
const id = str(ID, "a letter, then letters, digits, _ or -");
const itemId = str(ITEM_ID, "a lowercase letter, then lowercase letters, digits or _");
const enumOf = (values: readonly string[]): Shape => ({ kind: "string", enum: values });
const text: Shape = { kind: "text" };
const bool: Shape = { kind: "boolean" };
const weight: Shape = { kind: "number", min: 0, exclusiveMin: true, rangeCode: "invalid-weight" };
const score: Shape = { kind: "number", min: 0, max: 100, rangeCode: "score-out-of-range" };
const list = (of: Shape, minItems?: number): Shape => ({
  kind: "list",
  of,
  ...(minItems ? { minItems } : {}),
});
const obj = (name: string, fields: Record<string, Field>): ObjectShape => ({
  kind: "object",
  name,
  fields,
});

export const SCALE_OPTION = obj("scale option", {
  code: {
    shape: { kind: "code" },
    required: true,
    description: 'Code stored in answer files, e.g. "1" or "dk".',
  },
  value: {
    shape: { kind: "number", rangeCode: "invalid-value" },
    description:
      "Raw value on the scale; options are listed from worst to best with ascending values.",
  },
  missing: {
    shape: enumOf(MISSING_KINDS),
    description:
      'Marks "don\'t know" / "not applicable": the answer counts as missing, never as zero.',
  },
  label: { shape: text, required: true, description: "Label shown to respondents." },
});

export const SCALE = obj("scale", {
  label: { shape: text, description: "Name of the scale." },
  options: {
    shape: list(SCALE_OPTION, 1),
    required: true,
    description:
      "Scored options from worst to best (with `value`), then special answers (with `missing`).",
  },
  start: {
    shape: { kind: "string", enum: ["none", "middle"] },
    description:
      "Where `reifegrad run` puts the cursor on a new question: none (default: no answer picked) or middle (the middle scored option).",
  },
});

export const LEVEL = obj("level", {
  id: { shape: id, required: true, description: "Level id, e.g. L1." },
  min: {
    shape: { kind: "number", min: 0, max: 100, rangeCode: "level-out-of-range" },
    required: true,
    description:
      "Lowest score (0–100) at this level; the first level starts at 0, then strictly ascending.",
  },
  name: { shape: text, required: true, description: "Name of the level." },
  description: { shape: text, description: "What an organisation at this level looks like." },
});

export const AREA = obj("area", {
  id: { shape: id, required: true, description: "Area id." },
  name: { shape: text, required: true, description: "Name of the area." },
  weight: { shape: weight, description: "Weight of the area (> 0, default 1)." },
});

export const GROUP = obj("group", {
  id: {
    shape: id,
    required: true,
    description: "Respondent group id, e.g. staff, management, citizens.",
  },
  name: { shape: text, required: true, description: "Name of the group." },
  perspective: {
    shape: enumOf(PERSPECTIVES),
    description: "internal (self-image, default) or external (outside view).",
  },
});

export const DIMENSION = obj("dimension", {
  id: {
    shape: id,
    required: true,
    description: "Dimension id; external questionnaires reuse the core's ids.",
  },
  name: {
    shape: text,
    description:
      "Name; required for a new dimension, not allowed when overriding an inherited one.",
  },
  description: { shape: text, description: "What the dimension covers." },
  weight: { shape: weight, description: "Weight in the overall index (> 0, default 1)." },
  target: { shape: id, description: "Target level id." },
  aggregate: {
    shape: enumOf(AGGREGATES),
    description: "mean: weighted mean of the items (default); min: weakest link.",
  },
  area: { shape: id, description: "Id of the area (pillar) this dimension belongs to." },
  recommendations: {
    shape: { kind: "map", keyPattern: ID, values: list(text) },
    description:
      "Measures that lift the dimension from a level to the next: level id → list of texts.",
  },
});

export const CHOICE = obj("choice", {
  code: { shape: { kind: "code" }, required: true, description: "Code stored in answer files." },
  label: { shape: text, required: true, description: "Label shown to respondents." },
  score: { shape: score, description: "Score 0–100; required unless `missing` is set." },
  missing: {
    shape: enumOf(MISSING_KINDS),
    description: 'Marks "don\'t know" / "not applicable": the answer counts as missing.',
  },
  exclusive: {
    shape: bool,
    description: 'multi: cannot be combined with other choices (e.g. "none").',
  },
});

export const BAND = obj("band", {
  min: {
    shape: { kind: "number", rangeCode: "invalid-value" },
    description: "Inclusive lower bound; omit for no bound.",
  },
  max: {
    shape: { kind: "number", rangeCode: "invalid-value" },
    description: "Exclusive upper bound; omit for no bound.",
  },
  score: { shape: score, required: true, description: "Score 0–100 for numbers in this band." },
});

export const ROW = obj("grid row", {
  id: {
    shape: str(ROW_ID, "letters, digits, _ or -"),
    required: true,
    description: "Row id; the answer column is item[row].",
  },
  text: { shape: text, required: true, description: "Row text." },
});

export const ITEM = obj("item", {
  id: {
    shape: itemId,
    required: true,
    description: "Item id, unique across the composed questionnaire; the answer column.",
  },
  dimension: { shape: id, required: true, description: "Id of the dimension this item measures." },
  type: {
    shape: { kind: "string", enum: ITEM_TYPES, enumCode: "unknown-item-type" },
    required: true,
    description: "Kind of question.",
  },
  text: { shape: text, required: true, description: "The question or statement." },
  help: { shape: text, description: "Explanation shown on request." },
  weight: { shape: weight, description: "Weight within the dimension (> 0, default 1)." },
  required: { shape: bool, description: "The interview does not move on without an answer." },
  groups: {
    shape: list(id, 1),
    description: "Only asked of these respondent groups (default: all).",
  },
  when: {
    shape: str(),
    description:
      'Skip logic, e.g. "str_01 >= 3 and it_cloud == yes"; may refer only to earlier items.',
  },
  scale: { shape: id, description: "likert, grid: id of the scale." },
  reverse: {
    shape: bool,
    description: "likert, yesno, grid: mirror the scale (negatively worded item).",
  },
  choices: { shape: list(CHOICE, 1), description: "single, multi: the choices." },
  combine: {
    shape: enumOf(COMBINES),
    description:
      "multi: share (100 · chosen / scored choices, default) or sum (Σ scores, capped at 100).",
  },
  unit: { shape: text, description: "number: unit shown after the input." },
  bands: { shape: list(BAND, 1), description: "number: score bands; must not overlap." },
  rows: { shape: list(ROW, 1), description: "grid: the rows, all answered on the item's scale." },
});

/** Keys every item may have; the rest depends on the type. */
export const COMMON_ITEM_KEYS = [
  "id",
  "dimension",
  "type",
  "text",
  "help",
  "weight",
  "required",
  "groups",
  "when",
];

/** Per item type: keys that must be present and keys that may be present (besides the common ones). */
export const ITEM_TYPE_KEYS: Readonly<
  Record<
    (typeof ITEM_TYPES)[number],
    { readonly required: readonly string[]; readonly optional: readonly string[] }
  >
> = {
  likert: { required: ["scale"], optional: ["reverse"] },
  single: { required: ["choices"], optional: [] },
  multi: { required: ["choices"], optional: ["combine"] },
  yesno: { required: [], optional: ["reverse"] },
  number: { required: ["bands"], optional: ["unit"] },
  grid: { required: ["scale", "rows"], optional: ["reverse"] },
  text: { required: [], optional: [] },
};

export const QUESTIONNAIRE = obj("questionnaire", {
  format: {
    shape: { kind: "const", value: FORMAT_VERSION },
    required: true,
    description: "Format version; must be 1.",
  },
  id: {
    shape: str(QUESTIONNAIRE_ID, "a lowercase letter, then lowercase letters, digits, _ or -"),
    required: true,
    description: "Questionnaire id, unique across all loaded questionnaires.",
  },
  extends: {
    shape: str(QUESTIONNAIRE_ID),
    description: "Id of the questionnaire this one builds on (e.g. core).",
  },
  version: {
    shape: { kind: "version" },
    required: "root",
    description: "Free version string, recorded in every assessment.",
  },
  languages: {
    shape: list(str(LANGUAGE, "a language code like de or en"), 1),
    required: "root",
    description: "Languages every text provides, e.g. [de, en]. Inherited when extending.",
  },
  title: { shape: text, required: true, description: "Title of the questionnaire." },
  description: { shape: text, description: "What the questionnaire is for." },
  notice: {
    shape: obj("notice", {
      purpose: { shape: text, description: "Why the survey asks and what the results are for." },
      controller: { shape: text, description: "Who is responsible for the survey (with address)." },
      voluntariness: {
        shape: text,
        description: "That taking part is voluntary and questions may be skipped.",
      },
      retention: {
        shape: text,
        description: "What is stored, who sees what (minimum group size), when it is deleted.",
      },
      contact: {
        shape: text,
        description: "Whom to ask: the unit and the data protection officer.",
      },
    }),
    description:
      "The data-protection notice surveys open with; a file that extends another inherits the parts it leaves out. Not part of the content hash: editing it makes no report stale.",
  },
  group: {
    shape: id,
    description: "Respondent group the questionnaire is meant for (default: staff, or inherited).",
  },
  department: {
    shape: obj("department", {
      id: {
        shape: str(QUESTIONNAIRE_ID),
        required: true,
        description: "Department id used in answer files.",
      },
      name: { shape: text, required: true, description: "Name of the department." },
    }),
    description: "Set on a department questionnaire.",
  },
  groups: {
    shape: list(GROUP),
    description: "Respondent groups; a file that extends another may add groups.",
  },
  scales: {
    shape: { kind: "map", keyPattern: ID, values: SCALE },
    description: "Answer scales by id; a file that extends another may add scales.",
  },
  levels: {
    shape: list(LEVEL, 1),
    required: "root",
    description: "Maturity levels, ascending; inherited (not redefinable) when extending.",
  },
  areas: {
    shape: list(AREA),
    description: "Optional pillars between dimensions and the overall index.",
  },
  overall: {
    shape: obj("overall", {
      aggregate: {
        shape: enumOf(AGGREGATES),
        description: "mean: weighted by dimension weight (default); min: weakest link.",
      },
    }),
    description: "How dimension scores form the overall index.",
  },
  dimensions: {
    shape: list(DIMENSION),
    description: "New dimensions, or overrides (weight, target, aggregate) of inherited ones.",
  },
  remove: { shape: list(itemId), description: "Ids of inherited items that do not apply here." },
  items: { shape: list(ITEM), description: "Items in the order they are asked." },
});

/** Keys allowed when a dimension overrides an inherited one. */
export const DIMENSION_OVERRIDE_KEYS = ["id", "weight", "target", "aggregate"];
