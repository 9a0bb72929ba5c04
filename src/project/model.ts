// An assessment folder's project file (reifegrad.yaml) as a validated model.
import type { Text } from "../questionnaire/model.js";
import type { AdministrationWeighting } from "../scoring/assessment.js";

export const PROJECT_FILE = "reifegrad.yaml";

/**
 * Where `reifegrad run` adds finished interviews in an assessment folder (relative to it), and
 * where `init` lists them as an input, so `score` reads them like any export.
 */
export const INTERVIEW_ANSWERS = "interviews/answers.csv";

export interface ProjectDepartment {
  readonly id: string;
  readonly name?: Text;
  /** Other names the department has in exports ("Amt 33", "Bürgerbüro"). */
  readonly aliases: readonly string[];
  readonly headcount?: number;
  /**
   * How the department is assessed: by survey (default), or by interview — an expert assessment
   * (a workshop with its head, say), reported as such and never pooled with survey respondents.
   */
  readonly method?: "survey" | "interview";
}

export interface ProjectInput {
  /** A file, a folder, or a pattern with * and ? in its last part, relative to the project. */
  readonly path: string;
  readonly preset?: string;
  readonly mapping?: string;
  readonly department?: string;
  readonly group?: string;
  /** An input that may match no file yet (e.g. interviews not held yet): a warning, not an error. */
  readonly optional?: boolean;
}

export type ReportFormat = "terminal" | "md" | "html" | "json" | "csv";

export interface ProjectSettings {
  readonly minGroupSize?: number;
  readonly minCoverage?: number;
  readonly minResponseRate?: number;
  readonly weighting?: AdministrationWeighting;
  readonly lang?: "de" | "en";
  /** Report date YYYY-MM-DD. */
  readonly date?: string;
}

export interface Project {
  /** The project file, as given (for messages). */
  readonly file: string;
  readonly title?: Text;
  /** Questionnaire files or folders relative to the project, or "bundled". */
  readonly questionnaires: readonly string[];
  readonly departments: readonly ProjectDepartment[];
  /** department id → dimension id → target level id. */
  readonly targets: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly inputs: readonly ProjectInput[];
  readonly settings: ProjectSettings;
  readonly outputs: { readonly dir: string; readonly formats?: readonly ReportFormat[] };
  /**
   * The previous wave's assessment.json, relative to the project: `score` records it in the new
   * assessment.json and the reports show the change since then.
   */
  readonly previous?: string;
}
