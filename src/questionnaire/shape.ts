// Structure rules: checks a parsed file against the format definition (format.ts) and reports
// unknown keys (with "did you mean"), wrong types, missing fields, bad ids, codes, enums and
// ranges, and texts lacking a declared language. Every problem of a file, not just the first.

import type { Expected, ValueKind } from "../messages/questionnaire.js";
import {
  CODE,
  COMMON_ITEM_KEYS,
  type Field,
  ITEM,
  ITEM_TYPE_KEYS,
  QUESTIONNAIRE,
  type Shape,
} from "./format.js";
import { pathName, type Report } from "./reporter.js";
import { closest } from "./suggest.js";
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
  const where = () => pathName(path);
  const wrongType = (expected: Expected, name?: string) =>
    report(
      "wrong-type",
      { path: where(), expected, ...(name ? { shape: name } : {}), ...wrongValue(value) },
      parsed.at(path),
    );
  switch (shape.kind) {
    case "object":
      if (!isRecord(value)) {
        wrongType("mapping", shape.name);
        return;
      }
      checkObject(ctx, value, shape.name, shape.fields, path);
      return;
    case "list":
      if (!Array.isArray(value)) {
        wrongType("list");
        return;
      }
      if (shape.minItems && value.length < shape.minItems) {
        report("empty-list", { path: where(), min: shape.minItems }, parsed.at(path));
      }
      for (const [i, v] of value.entries()) check(ctx, v, shape.of, [...path, i]);
      return;
    case "map":
      if (!isRecord(value)) {
        wrongType("mapping");
        return;
      }
      for (const [key, v] of Object.entries(value)) {
        if (shape.keyPattern && !shape.keyPattern.test(key)) {
          report("invalid-id.key", { key, path: where() }, parsed.keyAt([...path, key]));
        }
        check(ctx, v, shape.values, [...path, key]);
      }
      return;
    case "string":
      if (typeof value !== "string") {
        wrongType("string");
        return;
      }
      if (shape.enum && !shape.enum.includes(value)) {
        report(
          "invalid-value",
          {
            path: where(),
            value,
            closest: closest(value, shape.enum),
            allowed: shape.enum,
          },
          parsed.at(path),
          shape.enumCode ? { code: shape.enumCode } : {},
        );
      } else if (shape.pattern && !shape.pattern.test(value)) {
        report(
          "invalid-id",
          {
            path: where(),
            value,
            pattern: shape.patternText ?? `an id matching ${String(shape.pattern)}`,
          },
          parsed.at(path),
        );
      }
      return;
    case "code":
      if (typeof value !== "string" && !(typeof value === "number" && Number.isFinite(value))) {
        wrongType("code");
        return;
      }
      if (!CODE.test(String(value))) {
        report("invalid-code", { path: where(), value: String(value) }, parsed.at(path));
      }
      return;
    case "version":
      if (typeof value !== "string" && typeof value !== "number") {
        wrongType("string");
        return;
      }
      return;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) {
        wrongType("number");
        return;
      }
      if (
        (shape.min !== undefined &&
          (shape.exclusiveMin ? value <= shape.min : value < shape.min)) ||
        (shape.max !== undefined && value > shape.max)
      ) {
        report(
          "out-of-range",
          {
            path: where(),
            value,
            min: shape.min,
            max: shape.max,
            exclusiveMin: shape.exclusiveMin === true,
          },
          parsed.at(path),
          { code: shape.rangeCode },
        );
      }
      return;
    case "const":
      if (value !== shape.value) {
        report(
          "unsupported-format",
          { path: where(), value: String(JSON.stringify(value)), format: shape.value },
          parsed.at(path),
        );
      }
      return;
    case "boolean":
      if (typeof value !== "boolean") {
        wrongType("boolean");
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
        { key, shape: name, closest: closest(key, known), keys: known },
        parsed.keyAt([...path, key]),
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
        { shape: name, key, path: pathName(path), description: field.description },
        parsed.at(path),
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
        { key, type, keys: [...keys.required, ...keys.optional] },
        ctx.parsed.keyAt([...path, key]),
      );
    }
  }
  for (const key of keys.required) {
    if (item[key] === undefined) {
      ctx.report(
        "missing-field.item-type",
        { type, key, path: pathName(path), description: ITEM.fields[key]?.description ?? "" },
        ctx.parsed.at(path),
      );
    }
  }
}

function checkText(ctx: ShapeContext, value: unknown, path: Path): void {
  const { parsed, report, languages } = ctx;
  // Built only for a problem: most nodes have none, and a file has thousands of nodes.
  const where = () => pathName(path);
  if (typeof value === "string") {
    if (languages.length !== 1) {
      report("missing-translation.plain", { path: where(), languages }, parsed.at(path));
    } else if (value.trim() === "") {
      report("missing-translation.empty", { path: where() }, parsed.at(path));
    }
    return;
  }
  if (!isRecord(value)) {
    report(
      "wrong-type",
      { path: where(), expected: "text", ...wrongValue(value) },
      parsed.at(path),
    );
    return;
  }
  for (const [lang, v] of Object.entries(value)) {
    if (!languages.includes(lang)) {
      report(
        "unknown-language",
        { path: where(), lang, closest: closest(lang, languages), languages },
        parsed.keyAt([...path, lang]),
        { severity: "warning" },
      );
    } else if (typeof v !== "string") {
      report(
        "wrong-type",
        { path: pathName([...path, lang]), expected: "string", ...wrongValue(v) },
        parsed.at([...path, lang]),
      );
    }
  }
  for (const lang of languages) {
    const v = value[lang];
    if (v === undefined || (typeof v === "string" && v.trim() === "")) {
      report("missing-translation", { path: where(), lang }, parsed.at(path));
    }
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** What a wrong value is, for the message: its kind and, for a scalar, its text. */
function wrongValue(v: unknown): { got: ValueKind; value?: string } {
  if (v === null || v === undefined) return { got: "empty" };
  if (Array.isArray(v)) return { got: "list" };
  if (typeof v === "object") return { got: "mapping" };
  if (typeof v === "string")
    return { got: "string", value: v.length > 30 ? `${v.slice(0, 30)}…` : v };
  if (typeof v === "number") return { got: "number", value: String(v) };
  if (typeof v === "boolean") return { got: "boolean", value: String(v) };
  return { got: "other", value: `${typeof v} ${String(v)}` };
}

/** Checks any value against a shape (used for other YAML formats, e.g. the project file). */
export function checkShape(ctx: ShapeContext, value: unknown, shape: Shape, path: Path = []): void {
  check(ctx, value, shape, path);
}
