// Checks that parsed JSON is an assessment the renderers can use: schemaVersion 1, and the shape
// its published JSON Schema (schema/assessment.schema.json, passed in) describes. Pure: returns
// the first problem as a message with a JSON path, or the assessment.
import { type Assessment, SCHEMA_VERSION } from "../scoring/assessment.js";
import { type Schema, schemaProblem } from "../util/json-schema-check.js";

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Parses assessment JSON text: the assessment, or a one-line reason (English, and German). */
export function parseAssessment(
  textIn: string,
  schema: Schema,
): { assessment: Assessment } | { error: string; errorDe: string } {
  let v: unknown;
  try {
    v = JSON.parse(textIn.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = (e as Error).message.split("\n")[0];
    return { error: `not valid JSON (${why})`, errorDe: `kein gültiges JSON (${why})` };
  }
  if (!isObj(v))
    return {
      error: "not an assessment (expected a JSON object)",
      errorDe: "keine Bewertung (erwartet: ein JSON-Objekt)",
    };
  if (v.schemaVersion !== SCHEMA_VERSION) {
    const got = JSON.stringify(v.schemaVersion ?? null);
    return {
      error: `unsupported schemaVersion ${got} (this reifegrad reads ${SCHEMA_VERSION})`,
      errorDe: `schemaVersion ${got} wird nicht unterstützt (diese reifegrad-Version liest ${SCHEMA_VERSION})`,
    };
  }
  // The place in the file ($.departments[0]…) and what it should hold, as the check says it.
  const e = schemaProblem(schema, v);
  if (e) return { error: `not an assessment: ${e.en}`, errorDe: `keine Bewertung: ${e.de}` };
  return { assessment: v as unknown as Assessment };
}
