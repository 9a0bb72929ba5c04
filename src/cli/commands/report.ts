// `reifegrad report <assessment.json>`: renders the reports from a saved assessment alone (no raw
// answers needed), or with --check verifies that the committed reports are current.
import { Command } from "commander";
import { readFileOrFail } from "../../io/files.js";
import { UserError } from "../../io/user-error.js";
import { parseAssessment } from "../../report/read-assessment.js";
import type { Assessment } from "../../scoring/assessment.js";
import type { CliContext } from "../context.js";
import type { ExitHolder } from "../main.js";
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
    .description("render the reports from a saved assessment.json (no raw answers needed)")
    .argument("<assessment>", "assessment.json written by `reifegrad score`");
  return addReportOptions(cmd, "folder for the reports").action(
    async (file: string, o: ReportFlags) => {
      const assessment = await readAssessmentFile(file);
      exit.code = await emitReports(ctx, assessment, o);
    },
  );
}
