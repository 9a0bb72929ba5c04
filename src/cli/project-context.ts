// Reads the project file (reifegrad.yaml) for a command and turns it into the values the
// commands take: questionnaire paths, scorer options, inputs and output settings. Flags win.

import { existsSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { BUNDLED_QUESTIONNAIRES, defaultQuestionnairePath } from "../io/paths.js";
import { expandInput, findProjectFile, readProjectSource } from "../io/project-files.js";
import { UserError } from "../io/user-error.js";
import { hasErrors, type Problem } from "../problem.js";
import type { Project, ProjectInput } from "../project/model.js";
import type { ParsedYaml } from "../questionnaire/yaml-source.js";
import type { CliContext } from "./context.js";
import { messageLang } from "./locale.js";
import { formatProblems } from "./problems.js";

export interface ProjectContext {
  readonly project: Project;
  /** Folder of the project file; paths in it are relative to this. */
  readonly dir: string;
  readonly parsed: ParsedYaml;
}

/** The project file given with --config, or found walking up from the working folder. */
export async function loadProjectContext(
  ctx: CliContext,
  config?: string,
): Promise<ProjectContext | undefined> {
  let file: string | undefined;
  if (config !== undefined) {
    file = resolve(ctx.cwd, config);
    if (!existsSync(file))
      throw new UserError(
        {
          de: `${config}: diese Projektdatei gibt es nicht`,
          en: `${config}: no such project file`,
        },
        1,
      );
  } else file = findProjectFile(ctx.cwd);
  if (!file) return undefined;
  const source = await readProjectSource(file, ctx.cwd);
  // The project loader (and with it the YAML parser) only when there is a project file.
  const { parseProject } = await import("../project/load.js");
  const { project, problems, parsed } = parseProject(source);
  if (hasErrors(problems) || !project || !parsed) {
    throw new UserError(
      { de: `${source.path} enthält Fehler`, en: `${source.path} has errors` },
      1,
      problems,
    );
  }
  if (problems.length > 0) ctx.stderr(formatProblems(problems, ctx.colorErr, messageLang(ctx.env)));
  return { project, dir: dirname(file), parsed };
}

/** Questionnaire paths of the project, relative to the working folder ("bundled" = shipped ones). */
export function projectQuestionnairePaths(pc: ProjectContext, ctx: CliContext): string[] {
  return pc.project.questionnaires.map((p) =>
    p === "bundled" ? BUNDLED_QUESTIONNAIRES : relative(ctx.cwd, resolve(pc.dir, p)) || ".",
  );
}

/**
 * Where questionnaires come from when no path is given: the project file's (found walking up
 * from the working folder), else ./questionnaires, else the bundled ones.
 */
export async function defaultQuestionnairePaths(ctx: CliContext): Promise<string[]> {
  const pc = await loadProjectContext(ctx);
  return pc ? projectQuestionnairePaths(pc, ctx) : [defaultQuestionnairePath(ctx.cwd)];
}

export interface ResolvedInput {
  readonly input: ProjectInput;
  /** Files, relative to the working folder (as they appear in messages and the assessment). */
  readonly files: readonly string[];
}

/** Every input's files; an input that matches nothing is an error at its line in the file. */
export async function resolveInputs(pc: ProjectContext, ctx: CliContext): Promise<ResolvedInput[]> {
  const problems: Problem[] = [];
  const out: ResolvedInput[] = [];
  const { missingInput } = await import("../project/load.js");
  for (const [i, input] of pc.project.inputs.entries()) {
    const files = await expandInput(pc.dir, input.path);
    if (files.length === 0) problems.push(missingInput(pc.parsed, i, input));
    // An optional input with no file yet (interviews not held) is left out, with a warning.
    if (files.length > 0 || !input.optional)
      out.push({ input, files: files.map((f) => relative(ctx.cwd, f) || f) });
  }
  if (hasErrors(problems))
    throw new UserError(
      {
        de: "zu Eingaben der Projektdatei passen keine Dateien",
        en: "inputs of the project file match no files",
      },
      1,
      problems,
    );
  if (problems.length > 0) ctx.stderr(formatProblems(problems, ctx.colorErr, messageLang(ctx.env)));
  if (out.length === 0 && pc.project.inputs.length > 0) {
    throw new UserError(
      {
        de: "zu keiner Eingabe der Projektdatei gibt es schon eine Datei: Legen Sie Umfrage-Exporte in exports/ ab oder führen Sie ein Interview mit `reifegrad run`",
        en: "no input of the project file matches a file yet: put survey exports into exports/ or hold an interview with `reifegrad run`",
      },
      1,
    );
  }
  if (out.length === 0) {
    const file = relative(ctx.cwd, resolve(pc.dir, "reifegrad.yaml"));
    throw new UserError(
      {
        de: `${file} nennt keine Eingaben; ergänzen Sie \`inputs: [{ path: exports/*.csv }]\``,
        en: `${file} lists no inputs; add \`inputs: [{ path: exports/*.csv }]\``,
      },
      1,
    );
  }
  return out;
}

/**
 * Copies project settings into the command's options where the user did not give the flag, so
 * "flags override the project file" holds for every option the same way.
 */
export function applyProjectDefaults(
  cmd: Command,
  o: Record<string, unknown>,
  values: Readonly<Record<string, unknown>>,
): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (cmd.getOptionValueSource(key) === "cli") continue;
    o[key] = value;
  }
}

export function projectOutDir(pc: ProjectContext, ctx: CliContext): string {
  return relative(ctx.cwd, resolve(pc.dir, pc.project.outputs.dir)) || ".";
}
