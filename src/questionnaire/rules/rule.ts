// What a rule is: a named check over a composed questionnaire that reports problems.
import type { Composed, Origin } from "../compose.js";
import type { Report } from "../reporter.js";
import { isRecord } from "../shape.js";

export interface RuleContext {
  readonly composed: Composed;
  readonly report: Report;
}

export interface Rule {
  readonly name: string;
  /**
   * part: looks at single parts (a scale, an item) and runs even when `extends` is broken;
   * whole: needs the composed questionnaire (references, order).
   */
  readonly scope: "part" | "whole";
  readonly check: (ctx: RuleContext) => void;
}

/** The raw YAML value at an origin (rules that point at list entries read the file's own order). */
export function rawAt(origin: Origin, ...sub: (string | number)[]): unknown {
  let v: unknown = origin.parsed.data;
  for (const seg of [...origin.path, ...sub]) {
    if (Array.isArray(v) && typeof seg === "number") v = v[seg];
    else if (isRecord(v)) v = v[String(seg)];
    else return undefined;
  }
  return v;
}

export function rawList(origin: Origin, ...sub: (string | number)[]): Record<string, unknown>[] {
  const v = rawAt(origin, ...sub);
  return Array.isArray(v) ? v.map((x) => (isRecord(x) ? x : {})) : [];
}

export function key(v: unknown): string | undefined {
  return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
}
