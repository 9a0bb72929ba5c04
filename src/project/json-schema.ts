// The JSON Schema of reifegrad.yaml, generated from the same shape definition the loader checks.
import { jsonSchemaOf } from "../questionnaire/json-schema.js";
import { PROJECT } from "./format.js";

export function projectJsonSchemaText(): string {
  const schema = jsonSchemaOf(
    PROJECT,
    "reifegrad project",
    "reifegrad.yaml: the questionnaires, departments, targets, inputs, settings and outputs of an assessment; see docs/project-format.md.",
  );
  return `${JSON.stringify(schema, null, 2)}\n`;
}
