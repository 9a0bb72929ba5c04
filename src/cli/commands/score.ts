import { Command, Option } from "commander";
import { readQuestionnaireSources } from "../../io/files.js";
import { defaultQuestionnairePath, PACKAGE_VERSION } from "../../io/paths.js";
import { UserError } from "../../io/user-error.js";
import { hasErrors } from "../../problem.js";
import { loadQuestionnaires } from "../../questionnaire/load.js";
import { DEFAULT_SETTINGS, type Settings } from "../../scoring/assessment.js";
import { Scorer } from "../../scoring/score.js";
import type { CliContext } from "../context.js";
import { addImportOptions, type ImportOptions, importExports } from "../import-exports.js";
import type { ExitHolder } from "../main.js";
import { addReportOptions, emitReports, type ReportFlags } from "../write-reports.js";

interface ScoreOptions extends ReportFlags, ImportOptions {
  questionnaires?: string;
  minGroupSize: string;
  minCoverage: string;
  weighting: "respondent" | "department";
  date?: string;
}

export function parseSettings(o: ScoreOptions): Settings {
  const k = Number(o.minGroupSize);
  if (!Number.isInteger(k) || k < 3) {
    throw new UserError(
      `--min-group-size must be a whole number of at least 3 (got "${o.minGroupSize}")`,
      2,
    );
  }
  const cov = Number(o.minCoverage);
  if (!Number.isFinite(cov) || cov <= 0 || cov > 1) {
    throw new UserError(
      `--min-coverage must be a share between 0 and 1, e.g. 0.5 (got "${o.minCoverage}")`,
      2,
    );
  }
  return {
    ...DEFAULT_SETTINGS,
    minGroupSize: k,
    minCoverage: cov,
    administrationWeighting: o.weighting,
  };
}

export function scoreCommand(ctx: CliContext, exit: ExitHolder): Command {
  const cmd = new Command("score")
    .description("score survey exports per department and dimension and write reports")
    .argument("<exports...>", "export files (CSV, TSV) or folders of them")
    .option(
      "-q, --questionnaires <path>",
      "questionnaire folder or file (default: questionnaires/)",
    )
    .option(
      "--min-group-size <k>",
      "suppress groups smaller than this (at least 3)",
      String(DEFAULT_SETTINGS.minGroupSize),
    )
    .option(
      "--min-coverage <share>",
      "share of a dimension's items a respondent must answer",
      String(DEFAULT_SETTINGS.minCoverage),
    )
    .addOption(
      new Option(
        "--weighting <how>",
        "administration total: pool respondents or weigh departments equally",
      )
        .choices(["respondent", "department"])
        .default("respondent"),
    )
    .option("--date <YYYY-MM-DD>", "report date (never taken from the clock)");
  return addReportOptions(addImportOptions(cmd)).action(
    async (exports: string[], o: ScoreOptions) => {
      const settings = parseSettings(o);
      if (o.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.date)) {
        throw new UserError(`--date must look like 2026-11-25 (got "${o.date}")`, 2);
      }
      const sources = await readQuestionnaireSources(
        [o.questionnaires ?? defaultQuestionnairePath(ctx.cwd)],
        ctx.cwd,
      );
      const loaded = loadQuestionnaires(sources);
      if (hasErrors(loaded.problems)) {
        throw new UserError(
          "the questionnaires have errors; run `reifegrad validate`",
          1,
          loaded.problems,
        );
      }
      if (loaded.questionnaires.length === 0) throw new UserError("no questionnaires found");
      const scorer = new Scorer(loaded.questionnaires, {
        settings,
        generatorVersion: PACKAGE_VERSION,
        ...(o.date ? { date: o.date } : {}),
      });
      const input = await importExports(exports, o, scorer, ctx);
      const assessment = scorer.finish(input);
      exit.code = await emitReports(ctx, assessment, o);
    },
  );
}
