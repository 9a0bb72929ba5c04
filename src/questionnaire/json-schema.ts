// Generates the JSON Schema (draft 2020-12) of the questionnaire format from format.ts, for
// editors (yaml-language-server). The hand-written rules stay the real check; the schema helps
// while typing. test/questionnaire/json-schema.test.ts keeps schema/questionnaire.schema.json
// equal to this output.
import {
  COMMON_ITEM_KEYS,
  type Field,
  ITEM,
  ITEM_TYPE_KEYS,
  LANGUAGE,
  type ObjectShape,
  QUESTIONNAIRE,
  type Shape,
} from "./format.js";

type Json = { [key: string]: unknown };

export function questionnaireJsonSchema(): Json {
  const { type, properties, additionalProperties, required } = objectSchema(QUESTIONNAIRE);
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "reifegrad questionnaire",
    description:
      "A questionnaire in reifegrad format 1.0; see docs/questionnaire-format.md. `reifegrad validate` checks everything this schema cannot (references, order, `when`).",
    type,
    properties,
    additionalProperties,
    required,
    // A file without `extends` needs the fields every questionnaire inherits from its root.
    if: { not: { required: ["extends"] } },
    // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a promise
    then: { required: rootRequired() },
    $defs: { text: TEXT },
  };
}

const TEXT: Json = {
  description: 'A text: a plain string (one declared language) or { de: "…", en: "…" }.',
  oneOf: [
    { type: "string", minLength: 1 },
    {
      type: "object",
      propertyNames: { pattern: LANGUAGE.source },
      additionalProperties: { type: "string", minLength: 1 },
      minProperties: 1,
    },
  ],
};

function rootRequired(): string[] {
  return Object.entries(QUESTIONNAIRE.fields)
    .filter(([, f]) => f.required === "root")
    .map(([k]) => k);
}

function objectSchema(shape: ObjectShape, description?: string): Json {
  const properties: Json = {};
  for (const [key, field] of Object.entries(shape.fields)) properties[key] = fieldSchema(field);
  const required = Object.entries(shape.fields)
    .filter(([, f]) => f.required === true)
    .map(([k]) => k);
  const out: Json = {
    type: "object",
    ...(description ? { description } : {}),
    properties,
    additionalProperties: false,
    ...(required.length > 0 ? { required } : {}),
  };
  if (shape === ITEM) out.allOf = itemTypeRules();
  return out;
}

function fieldSchema(field: Field): Json {
  return { description: field.description, ...shapeSchema(field.shape) };
}

function shapeSchema(shape: Shape): Json {
  switch (shape.kind) {
    case "string":
      return {
        type: "string",
        ...(shape.enum ? { enum: [...shape.enum] } : {}),
        ...(shape.pattern ? { pattern: shape.pattern.source } : {}),
      };
    case "code":
      return { type: ["string", "number"], pattern: "^[A-Za-z0-9][A-Za-z0-9_.+-]*$" };
    case "version":
      return { type: ["string", "number"] };
    case "number":
      return {
        type: "number",
        ...(shape.min !== undefined
          ? { [shape.exclusiveMin ? "exclusiveMinimum" : "minimum"]: shape.min }
          : {}),
        ...(shape.max !== undefined ? { maximum: shape.max } : {}),
      };
    case "const":
      return { const: shape.value };
    case "boolean":
      return { type: "boolean" };
    case "text":
      return { $ref: "#/$defs/text" };
    case "list":
      return {
        type: "array",
        items: shapeSchema(shape.of),
        ...(shape.minItems ? { minItems: shape.minItems } : {}),
      };
    case "map":
      return {
        type: "object",
        ...(shape.keyPattern ? { propertyNames: { pattern: shape.keyPattern.source } } : {}),
        additionalProperties: shapeSchema(shape.values),
      };
    case "object":
      return objectSchema(shape);
  }
}

/** Per item type: the keys it needs, and `false` for the keys of other types. */
function itemTypeRules(): Json[] {
  const typeSpecific = Object.keys(ITEM.fields).filter((k) => !COMMON_ITEM_KEYS.includes(k));
  return Object.entries(ITEM_TYPE_KEYS).map(([type, keys]) => {
    const allowed = new Set([...keys.required, ...keys.optional]);
    const forbidden = Object.fromEntries(
      typeSpecific.filter((k) => !allowed.has(k)).map((k) => [k, false]),
    );
    return {
      if: { properties: { type: { const: type } }, required: ["type"] },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, not a promise
      then: {
        ...(keys.required.length > 0 ? { required: [...keys.required] } : {}),
        ...(Object.keys(forbidden).length > 0 ? { properties: forbidden } : {}),
      },
    };
  });
}

/** A draft 2020-12 schema for another YAML format described with the same shapes. */
export function jsonSchemaOf(shape: ObjectShape, title: string, description: string): Json {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title,
    description,
    ...objectSchema(shape),
    $defs: { text: TEXT },
  };
}

/** The schema as the committed file holds it. */
export function questionnaireJsonSchemaText(): string {
  return `${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`;
}
