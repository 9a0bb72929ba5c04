// Structure rules: checks a parsed file against the format definition (format.ts) and reports
// unknown keys (with "did you mean"), wrong types, missing fields, bad ids, codes, enums and
// ranges, and texts lacking a declared language. Every problem of a file, not just the first.
import {
  CODE,
  COMMON_ITEM_KEYS,
  type Field,
  ITEM,
  ITEM_TYPE_KEYS,
  QUESTIONNAIRE,
  type Shape,
} from "./format.js";
import { describePath, type Report } from "./reporter.js";
import { didYouMean, listing } from "./suggest.js";
import type { ParsedYaml, Path } from "./yaml-source.js";

export interface ShapeContext {
  readonly parsed: ParsedYaml;
  /** Languages every text must provide (the file's own or inherited). */
  readonly languages: readonly string[];
  /** A file without `extends`: fields marked "root" are required. */
  readonly isRoot: boolean;
  readonly report: Report;
}

export function checkQuestionnaireShape(ctx: ShapeContext): void {
  check(ctx, ctx.parsed.data, QUESTIONNAIRE, []);
}

function check(ctx: ShapeContext, value: unknown, shape: Shape, path: Path): void {
  const { parsed, report } = ctx;
  // Built only for a problem: most nodes have none, and a file has thousands of nodes.
  const where = () => describePath(path);
  const wrongType = (expected: string, hint?: string) =>
    report(
      "wrong-type",
      `${where()} must be ${expected}, not ${typeName(value)}`,
      parsed.at(path),
      {
        ...(hint ? { hint } : {}),
      },
    );
  switch (shape.kind) {
    case "object":
      if (!isRecord(value)) {
        wrongType(`a mapping (${shape.name})`, "write `key: value` lines, indented");
        return;
      }
      checkObject(ctx, value, shape.name, shape.fields, path);
      return;
    case "list":
      if (!Array.isArray(value)) {
        wrongType("a list", 'write each entry on its own line starting with "- "');
        return;
      }
      if (shape.minItems && value.length < shape.minItems) {
        report("empty-list", `${where()} needs at least ${shape.minItems} entry`, parsed.at(path));
      }
      for (const [i, v] of value.entries()) check(ctx, v, shape.of, [...path, i]);
      return;
    case "map":
      if (!isRecord(value)) {
        wrongType("a mapping", "write `id:` followed by indented entries");
        return;
      }
      for (const [key, v] of Object.entries(value)) {
        if (shape.keyPattern && !shape.keyPattern.test(key)) {
          report(
            "invalid-id",
            `"${key}" is not a valid id in ${where()}`,
            parsed.keyAt([...path, key]),
            {
              hint: "ids start with a letter, then letters, digits, _ or -",
            },
          );
        }
        check(ctx, v, shape.values, [...path, key]);
      }
      return;
    case "string":
      if (typeof value !== "string") {
        wrongType("a string", quoteHint(value));
        return;
      }
      if (shape.enum && !shape.enum.includes(value)) {
        report(
          shape.enumCode ?? "invalid-value",
          `${where()} is "${value}"${didYouMean(value, shape.enum)}; allowed: ${listing(shape.enum)}`,
          parsed.at(path),
          { hint: `use one of: ${listing(shape.enum)}` },
        );
      } else if (shape.pattern && !shape.pattern.test(value)) {
        report("invalid-id", `${where()} "${value}" is not a valid id`, parsed.at(path), {
          hint: `use ${shape.patternText ?? `an id matching ${shape.pattern}`}`,
        });
      }
      return;
    case "code":
      if (typeof value !== "string" && !(typeof value === "number" && Number.isFinite(value))) {
        wrongType("a code (string or number)");
        return;
      }
      if (!CODE.test(String(value))) {
        report(
          "invalid-code",
          `${where()} "${String(value)}" is not a valid answer code`,
          parsed.at(path),
          {
            hint: "codes are letters and digits (also _ . + -) without spaces, commas or semicolons",
          },
        );
      }
      return;
    case "version":
      if (typeof value !== "string" && typeof value !== "number") {
        wrongType("a string");
        return;
      }
      return;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) {
        wrongType("a number", "write digits without quotes");
        return;
      }
      if (
        (shape.min !== undefined &&
          (shape.exclusiveMin ? value <= shape.min : value < shape.min)) ||
        (shape.max !== undefined && value > shape.max)
      ) {
        const range = `${shape.exclusiveMin ? "greater than" : "at least"} ${shape.min}${shape.max !== undefined ? ` and at most ${shape.max}` : ""}`;
        report(shape.rangeCode, `${where()} is ${value}; it must be ${range}`, parsed.at(path));
      }
      return;
    case "const":
      if (value !== shape.value) {
        report(
          "unsupported-format",
          `${where()} is ${JSON.stringify(value)}; this version reads format ${shape.value}`,
          parsed.at(path),
          {
            hint: `write \`format: ${shape.value}\``,
          },
        );
      }
      return;
    case "boolean":
      if (typeof value !== "boolean") {
        wrongType("true or false");
        return;
      }
      return;
    case "text": {
      checkText(ctx, value, path);
      return;
    }
  }
}

function checkObject(
  ctx: ShapeContext,
  value: Record<string, unknown>,
  name: string,
  fields: Readonly<Record<string, Field>>,
  path: Path,
): void {
  const { parsed, report } = ctx;
  const known = Object.keys(fields);
  for (const [key, v] of Object.entries(value)) {
    const field = fields[key];
    if (!field) {
      report(
        "unknown-key",
        `unknown key "${key}" in ${name}${didYouMean(key, known)}`,
        parsed.keyAt([...path, key]),
        {
          hint: `keys of ${name}: ${listing(known)}`,
        },
      );
      continue;
    }
    check(ctx, v, field.shape, [...path, key]);
  }
  for (const [key, field] of Object.entries(fields)) {
    const required = field.required === true || (field.required === "root" && ctx.isRoot);
    if (required && value[key] === undefined) {
      report(
        "missing-field",
        `${name} has no \`${key}\`${path.length > 0 ? ` (${describePath(path)})` : ""}`,
        parsed.at(path),
        {
          hint: `add \`${key}:\` — ${field.description}`,
        },
      );
    }
  }
  if (fields === ITEM.fields) checkItemTypeKeys(ctx, value, path);
}

/** Keys that belong to another item type (`choices` on a likert item) and keys a type needs. */
function checkItemTypeKeys(ctx: ShapeContext, item: Record<string, unknown>, path: Path): void {
  const type = item.type;
  if (typeof type !== "string" || !Object.hasOwn(ITEM_TYPE_KEYS, type)) return;
  const keys = ITEM_TYPE_KEYS[type as keyof typeof ITEM_TYPE_KEYS];
  const allowed = new Set([...COMMON_ITEM_KEYS, ...keys.required, ...keys.optional]);
  for (const key of Object.keys(item)) {
    if (Object.hasOwn(ITEM.fields, key) && !allowed.has(key)) {
      ctx.report(
        "field-not-allowed",
        `\`${key}\` is not used by ${type} items`,
        ctx.parsed.keyAt([...path, key]),
        {
          hint: `remove it, or change the type; ${type} items take: ${listing([...keys.required, ...keys.optional])}`,
        },
      );
    }
  }
  for (const key of keys.required) {
    if (item[key] === undefined) {
      ctx.report(
        "missing-field",
        `${type} item has no \`${key}\` (${describePath(path)})`,
        ctx.parsed.at(path),
        {
          hint: `add \`${key}:\` — ${ITEM.fields[key]?.description ?? ""}`,
        },
      );
    }
  }
}

function checkText(ctx: ShapeContext, value: unknown, path: Path): void {
  const { parsed, report, languages } = ctx;
  // Built only for a problem: most nodes have none, and a file has thousands of nodes.
  const where = () => describePath(path);
  if (typeof value === "string") {
    if (languages.length !== 1) {
      report(
        "missing-translation",
        `${where()} is a plain string, but the file declares languages ${listing(languages)}`,
        parsed.at(path),
        { hint: `write { ${languages.map((l) => `${l}: "…"`).join(", ")} }` },
      );
    } else if (value.trim() === "") {
      report("missing-translation", `${where()} is empty`, parsed.at(path), {
        hint: "write the text",
      });
    }
    return;
  }
  if (!isRecord(value)) {
    report(
      "wrong-type",
      `${where()} must be a text (a string or { de: …, en: … }), not ${typeName(value)}`,
      parsed.at(path),
    );
    return;
  }
  for (const [lang, v] of Object.entries(value)) {
    if (!languages.includes(lang)) {
      report(
        "unknown-language",
        `${where()} has a "${lang}" text, but "${lang}" is not a declared language${didYouMean(lang, languages)}`,
        parsed.keyAt([...path, lang]),
        { severity: "warning", hint: `declared languages: ${listing(languages)}` },
      );
    } else if (typeof v !== "string") {
      report(
        "wrong-type",
        `${describePath([...path, lang])} must be a string, not ${typeName(v)}`,
        parsed.at([...path, lang]),
        {
          hint: quoteHint(v),
        },
      );
    }
  }
  for (const lang of languages) {
    const v = value[lang];
    if (v === undefined || (typeof v === "string" && v.trim() === "")) {
      report("missing-translation", `${where()} has no "${lang}" text`, parsed.at(path), {
        hint: `add ${lang}: "…"`,
      });
    }
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  if (v === null || v === undefined) return "empty";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string "${v.length > 30 ? `${v.slice(0, 30)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

function quoteHint(v: unknown): string | undefined {
  return typeof v === "number" || typeof v === "boolean"
    ? `put it in quotes ("${String(v)}") to make it a string`
    : undefined;
}

/** Checks any value against a shape (used for other YAML formats, e.g. the project file). */
export function checkShape(ctx: ShapeContext, value: unknown, shape: Shape, path: Path = []): void {
  check(ctx, value, shape, path);
}
