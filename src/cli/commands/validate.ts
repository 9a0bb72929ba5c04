import { Command } from "commander";
import { readQuestionnaireSources } from "../../io/files.js";
import { defaultQuestionnairePath } from "../../io/paths.js";
import { UserError } from "../../io/user-error.js";
import { hasErrors } from "../../problem.js";
import { loadQuestionnaires } from "../../questionnaire/load.js";
import type { CliContext } from "../context.js";
import type { ExitHolder } from "../main.js";
import { formatProblems } from "../problems.js";

export function validateCommand(ctx: CliContext, exit: ExitHolder): Command {
  return new Command("validate")
    .description("check questionnaire files and report every problem with file:line:column")
    .argument("[paths...]", "files or folders (default: questionnaires/)")
    .action(async (paths: string[]) => {
      const sources = await readQuestionnaireSources(
        paths.length > 0 ? paths : [defaultQuestionnairePath(ctx.cwd)],
        ctx.cwd,
      );
      if (sources.length === 0) {
        throw new UserError(
          `no questionnaire files (*.yaml, *.yml) in ${paths.join(", ") || "questionnaires/"}`,
        );
      }
      // All files load together, so `extends` finds its base among them.
      const { questionnaires, problems } = loadQuestionnaires(sources);
      ctx.stderr(formatProblems(problems, ctx.colorErr));
      const errors = problems.filter((p) => p.severity === "error").length;
      const warnings = problems.length - errors;
      ctx.stderr(
        `${sources.length} file(s), ${questionnaires.length} questionnaire(s) valid, ${errors} error(s), ${warnings} warning(s)\n`,
      );
      if (hasErrors(problems)) exit.code = 1;
    });
}
