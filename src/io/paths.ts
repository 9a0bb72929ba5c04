import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The questionnaires shipped with the package (used when the working folder has none). */
export const BUNDLED_QUESTIONNAIRES = fileURLToPath(
  new URL("../../questionnaires", import.meta.url),
);

/** The JSON Schemas shipped with the package. */
export const BUNDLED_SCHEMAS = fileURLToPath(new URL("../../schema", import.meta.url));

/** `questionnaires/` of the working folder when it exists, else the bundled ones. */
export function defaultQuestionnairePath(cwd: string): string {
  const local = `${cwd}/questionnaires`;
  return existsSync(local) ? "questionnaires" : BUNDLED_QUESTIONNAIRES;
}

export const PACKAGE_VERSION: string = "0.1.0";
