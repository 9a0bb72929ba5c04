import { dirname } from "node:path";
import { Command } from "commander";
import { readQuestionnaireSources } from "../../io/files.js";
import { defaultQuestionnairePath } from "../../io/paths.js";
import { findProjectFile, readProjectSource } from "../../io/project-files.js";
import { UserError } from "../../io/user-error.js";
import { hasErrors, type Problem } from "../../problem.js";
import { parseProject } from "../../project/load.js";
import { loadQuestionnaires } from "../../questionnaire/load.js";
import type { CliContext } from "../context.js";
import type { ExitHolder } from "../main.js";
import { formatProblems } from "../problems.js";
import { projectQuestionnairePaths } from "../project-context.js";

export function validateCommand(ctx: CliContext, exit: ExitHolder): Command {
  return new Command("validate")
    .description("check questionnaire files and report every problem with file:line:column")
    .argument(
      "[paths...]",
      "files or folders (default: the project's questionnaires, else questionnaires/)",
    )
    .action(async (paths: string[]) => {
      // In an assessment folder, validate also checks reifegrad.yaml (and reads its questionnaires).
      const projectProblems: Problem[] = [];
      let fromProject: string[] | undefined;
      const projectFile = paths.length === 0 ? findProjectFile(ctx.cwd) : undefined;
      if (projectFile) {
        const r = parseProject(await readProjectSource(projectFile, ctx.cwd));
        projectProblems.push(...r.problems);
        if (r.project && r.parsed) {
          fromProject = projectQuestionnairePaths(
            { project: r.project, dir: dirname(projectFile), parsed: r.parsed },
            ctx,
          );
        }
      }
      const sources = await readQuestionnaireSources(
        paths.length > 0 ? paths : (fromProject ?? [defaultQuestionnairePath(ctx.cwd)]),
        ctx.cwd,
      );
      if (sources.length === 0) {
        throw new UserError(
          `no questionnaire files (*.yaml, *.yml) in ${paths.join(", ") || "questionnaires/"}`,
        );
      }
      // All files load together, so `extends` finds its base among them.
      const loaded = loadQuestionnaires(sources);
      const { questionnaires } = loaded;
      const problems = [...projectProblems, ...loaded.problems];
      ctx.stderr(formatProblems(problems, ctx.colorErr));
      const errors = problems.filter((p) => p.severity === "error").length;
      const warnings = problems.length - errors;
      ctx.stderr(
        `${sources.length} file(s), ${questionnaires.length} questionnaire(s) valid, ${errors} error(s), ${warnings} warning(s)\n`,
      );
      if (hasErrors(problems)) exit.code = 1;
    });
}
