// The published schema of assessment.json, as the CLI reads it (parseAssessment's second argument).
import { readFileSync } from "node:fs";
import type { Schema } from "../../src/util/json-schema-check.js";

export const ASSESSMENT_SCHEMA: Schema = JSON.parse(
  readFileSync(new URL("../../schema/assessment.schema.json", import.meta.url), "utf8"),
);
