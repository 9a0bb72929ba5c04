// Checks a parsed JSON value against a JSON Schema (2020-12), for the keywords reifegrad's own
// schemas use: type, enum, const, properties, required, additionalProperties, items, $ref (to
// #/$defs), allOf, minimum, maximum, exclusiveMinimum, exclusiveMaximum and pattern. A published
// schema is then the one description of a file's shape, checked as it is documented; a keyword
// it does not know is refused loudly, so a schema never checks less than it says.

export type Schema = { readonly [keyword: string]: unknown };

const KNOWN = new Set([
  "$schema",
  "$id",
  "$defs",
  "title",
  "description",
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "$ref",
  "allOf",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "pattern",
]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function typeOk(type: string, v: unknown): boolean {
  switch (type) {
    case "object":
      return isObject(v);
    case "array":
      return Array.isArray(v);
    case "string":
      return typeof v === "string";
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "integer":
      return Number.isInteger(v);
    case "boolean":
      return typeof v === "boolean";
    case "null":
      return v === null;
    default:
      throw new Error(`unknown JSON Schema type ${type}`);
  }
}

/** A place in the value and what is wrong there, in English and German. */
export interface SchemaProblem {
  readonly en: string;
  readonly de: string;
}

const TYPE_NAMES: Record<string, { en: string; de: string }> = {
  object: { en: "an object", de: "ein Objekt" },
  array: { en: "a list", de: "eine Liste" },
  string: { en: "a string", de: "ein Text" },
  number: { en: "a number", de: "eine Zahl" },
  integer: { en: "a whole number", de: "eine ganze Zahl" },
  boolean: { en: "true or false", de: "true oder false" },
  null: { en: "null", de: "null" },
};

const said = (path: string, en: string, de: string): SchemaProblem => ({
  en: `${path} ${en}`,
  de: `${path} ${de}`,
});

const key = (path: string, k: string) =>
  /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;

/** The first place where `value` breaks `schema` ("$.a.b[2] must be a number"), or undefined. */
export function schemaProblem(root: Schema, value: unknown): SchemaProblem | undefined {
  const check = (s: Schema, v: unknown, path: string): SchemaProblem | undefined => {
    for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new Error(`unsupported keyword ${k}`);
    if (typeof s.$ref === "string") {
      const name = /^#\/\$defs\/(.+)$/.exec(s.$ref)?.[1];
      const target = name === undefined ? undefined : (root.$defs as Record<string, Schema>)[name];
      if (!target) throw new Error(`unresolvable $ref ${s.$ref}`);
      const e = check(target, v, path);
      if (e) return e;
    }
    for (const sub of (s.allOf as Schema[] | undefined) ?? []) {
      const e = check(sub, v, path);
      if (e) return e;
    }
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => typeOk(t, v))) {
        const names = types.map((t) => TYPE_NAMES[t]!);
        return said(
          path,
          `must be ${names.map((n) => n.en).join(" or ")}`,
          `muss ${names.map((n) => n.de).join(" oder ")} sein`,
        );
      }
    }
    if (s.const !== undefined && v !== s.const) {
      const c = JSON.stringify(s.const);
      return said(path, `must be ${c}`, `muss ${c} sein`);
    }
    if (Array.isArray(s.enum) && !s.enum.includes(v)) {
      const one = s.enum.map((x) => JSON.stringify(x)).join(", ");
      return said(path, `must be one of ${one}`, `muss eines von ${one} sein`);
    }
    if (typeof v === "number") {
      const bound = (op: string, x: unknown) =>
        said(path, `must be ${op} ${x}`, `muss ${op} ${x} sein`);
      if (typeof s.minimum === "number" && v < s.minimum) return bound("≥", s.minimum);
      if (typeof s.maximum === "number" && v > s.maximum) return bound("≤", s.maximum);
      if (typeof s.exclusiveMinimum === "number" && v <= s.exclusiveMinimum)
        return bound(">", s.exclusiveMinimum);
      if (typeof s.exclusiveMaximum === "number" && v >= s.exclusiveMaximum)
        return bound("<", s.exclusiveMaximum);
    }
    if (
      typeof v === "string" &&
      typeof s.pattern === "string" &&
      !new RegExp(s.pattern, "u").test(v)
    )
      return said(path, `must match ${s.pattern}`, `muss zum Muster ${s.pattern} passen`);
    if (Array.isArray(v) && isObject(s.items)) {
      for (let i = 0; i < v.length; i++) {
        const e = check(s.items, v[i], `${path}[${i}]`);
        if (e) return e;
      }
    }
    if (isObject(v)) {
      for (const r of (s.required as string[] | undefined) ?? [])
        if (!(r in v)) return said(key(path, r), "is missing", "fehlt");
      const props = (s.properties as Record<string, Schema> | undefined) ?? {};
      for (const [k, x] of Object.entries(v)) {
        const p = props[k];
        if (p) {
          const e = check(p, x, key(path, k));
          if (e) return e;
        } else if (s.additionalProperties === false)
          return said(key(path, k), "is not allowed here", "ist hier nicht erlaubt");
        else if (isObject(s.additionalProperties)) {
          const e = check(s.additionalProperties, x, key(path, k));
          if (e) return e;
        }
      }
    }
    return undefined;
  };
  return check(root, value, "$");
}
