import { readFileSync } from "node:fs";
import type { SourceFile } from "../../src/questionnaire/yaml-source.js";

export const FIXTURES = "fixtures/questionnaires";

export function source(path: string): SourceFile {
  return { path, text: readFileSync(path, "utf8") };
}

/** An inline source, for cases too small to deserve a fixture file. */
export function inline(path: string, lines: readonly string[]): SourceFile {
  return { path, text: `${lines.join("\n")}\n` };
}
