// `reifegrad report <assessment.json>`: renders the reports from a saved assessment alone (no raw
// answers needed), or with --check verifies that the committed reports are current.
import { resolve } from "node:path";
import { Command } from "commander";
import { readFileOrFail } from "../../io/files.js";
import { UserError } from "../../io/user-error.js";
import { parseAssessment } from "../../report/read-assessment.js";
import type { Assessment } from "../../scoring/assessment.js";
import type { CliContext } from "../context.js";
import type { ExitHolder } from "../main.js";
import { loadProjectContext } from "../project-context.js";
import { addReportOptions, emitReports, type ReportFlags } from "../write-reports.js";

/** Reads and checks an assessment file; a broken file is a one-line error naming it. */
export async function readAssessmentFile(file: string): Promise<Assessment> {
  const text = (await readFileOrFail(file)).toString("utf8");
  const parsed = parseAssessment(text);
  if ("error" in parsed) throw new UserError(`${file}: ${parsed.error}`, 1);
  return parsed.assessment;
}

export function reportCommand(ctx: CliContext, exit: ExitHolder): Command {
  const cmd = new Command("report")
    .description(
      "render the reports from a saved assessment.json (no raw answers needed); in a project folder without an argument, from its committed reports/assessment.json — with --check, name every stale report file (for CI)",
    )
    .argument("[assessment]", "assessment.json written by `reifegrad score`")
    .option("--config <file>", "project file (default: reifegrad.yaml here or in a parent folder)");
  return addReportOptions(cmd, "folder for the reports").action(
    async (file: string | undefined, o: ReportFlags & { config?: string }, command: Command) => {
      if (file !== undefined) {
        const assessment = await readAssessmentFile(file);
        exit.code = await emitReports(ctx, assessment, o);
        return;
      }
      const pc = await loadProjectContext(ctx, o.config);
      if (!pc) {
        throw new UserError(
          {
            de: "nennen Sie eine assessment.json, oder rufen Sie es in einem Bewertungsordner mit reifegrad.yaml auf",
            en: "name an assessment.json, or run inside an assessment folder with reifegrad.yaml",
          },
          2,
        );
      }
      // In a project: from committed files alone (reifegrad.yaml, questionnaires, the committed
      // assessment.json), never the raw answers. Paths are relative to the project folder, as in
      // `score`, so the messages are the same from any subfolder.
      const { checkProject, renderProject } = await import("../check-project.js");
      const own = { ...o };
      if (own.out !== undefined && own.out !== "-") own.out = resolve(ctx.cwd, own.out);
      const previous = process.cwd();
      process.chdir(pc.dir);
      try {
        const inProject = { ...ctx, cwd: pc.dir };
        exit.code = o.check
          ? await checkProject(inProject, pc, own, command)
          : await renderProject(inProject, pc, own, command);
      } finally {
        process.chdir(previous);
      }
    },
  );
}
