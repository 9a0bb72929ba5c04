import { relative, resolve } from "node:path";
import { Command, Option } from "commander";
import { checkOutFolder } from "../../io/files.js";
import { defaultQuestionnairePath, PACKAGE_VERSION } from "../../io/paths.js";
import { UserError } from "../../io/user-error.js";
import { coded, hasErrors } from "../../problem.js";
import { DEFAULT_SETTINGS, type Settings } from "../../scoring/assessment.js";
import { Scorer } from "../../scoring/score.js";
import type { CliContext } from "../context.js";
import { addImportOptions, type ImportOptions, importExports } from "../import-exports.js";
import { loadValidQuestionnaires } from "../load-questionnaires.js";
import { messageLang, say } from "../locale.js";
import type { ExitHolder } from "../main.js";
import { formatProblems } from "../problems.js";
import {
  applyProjectDefaults,
  loadProjectContext,
  type ProjectContext,
  projectOutDir,
  projectQuestionnairePaths,
  resolveInputs,
} from "../project-context.js";
import {
  addReportOptions,
  checkOutputFlags,
  emitReports,
  type ReportFlags,
} from "../write-reports.js";
import { keepYoungGenerationSmall } from "../young-generation.js";
import { readPreviousFile, recordPrevious } from "./report.js";

export interface ScoreOptions extends ReportFlags, ImportOptions {
  questionnaires?: string;
  config?: string;
  minGroupSize: string;
  minCoverage: string;
  weighting: "respondent" | "department";
  date?: string;
  previous?: string;
}

/** YYYY-MM-DD naming a day that exists (no 2026-02-30). */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function parseSettings(o: ScoreOptions): Settings {
  // Digits only: Number() would also take 1e9 and 0x10.
  const k = /^\s*\d+\s*$/.test(o.minGroupSize) ? Number(o.minGroupSize) : Number.NaN;
  if (!Number.isInteger(k) || k < 3) {
    throw new UserError(
      {
        de: `--min-group-size muss eine ganze Zahl ab 3 sein (angegeben: „${o.minGroupSize}“)`,
        en: `--min-group-size must be a whole number of at least 3 (got "${o.minGroupSize}")`,
      },
      2,
    );
  }
  const cov = Number(o.minCoverage);
  if (!Number.isFinite(cov) || cov <= 0 || cov > 1) {
    throw new UserError(
      {
        de: `--min-coverage muss ein Anteil zwischen 0 und 1 sein, z. B. 0.5 (angegeben: „${o.minCoverage}“)`,
        en: `--min-coverage must be a share between 0 and 1, e.g. 0.5 (got "${o.minCoverage}")`,
      },
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
    .argument(
      "[exports...]",
      "export files (CSV, TSV) or folders of them (default: the inputs of reifegrad.yaml)",
    )
    .option(
      "-q, --questionnaires <path>",
      "questionnaire folder or file (default: questionnaires/)",
    )
    .option("--config <file>", "project file (default: reifegrad.yaml here or in a parent folder)")
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
    .option("--date <YYYY-MM-DD>", "report date (never taken from the clock)")
    .option(
      "--previous <assessment.json>",
      "the previous wave's assessment.json: recorded in assessment.json, the reports show the change since then (default: previous: in reifegrad.yaml)",
    );
  return addReportOptions(addImportOptions(cmd)).action(
    async (exports: string[], o: ScoreOptions, command: Command) => {
      keepYoungGenerationSmall();
      const pc = await loadProjectContext(ctx, o.config);
      exit.code = await runScore(ctx, exports, o, command, pc);
    },
  );
}

/**
 * The whole pipeline: questionnaires → import → score → reports. With a project file its
 * settings, departments, targets, inputs and outputs apply wherever no flag was given.
 */
export async function runScore(
  ctx: CliContext,
  exports: readonly string[],
  o: ScoreOptions,
  command: Command,
  pc: ProjectContext | undefined,
): Promise<number> {
  // Output flags fail before any work (a project run takes --out from reifegrad.yaml later).
  if (!pc) checkOutputFlags(o);
  if (!pc || exports.length > 0) return scorePipeline(ctx, exports, o, command, pc);
  // A project run works inside the project folder, so every path it prints or records (inputs,
  // reports) is relative to the project and the reports are the same from any subfolder.
  // Paths given as flags are made absolute first.
  const own = { ...o };
  for (const key of ["out", "questionnaires", "mapping", "previous"] as const) {
    if (own[key] !== undefined && own[key] !== "-") own[key] = resolve(ctx.cwd, own[key]);
  }
  const previous = process.cwd();
  process.chdir(pc.dir);
  try {
    return await scorePipeline({ ...ctx, cwd: pc.dir }, exports, own, command, pc);
  } finally {
    process.chdir(previous);
  }
}

async function scorePipeline(
  ctx: CliContext,
  exports: readonly string[],
  o: ScoreOptions,
  command: Command,
  pc: ProjectContext | undefined,
): Promise<number> {
  if (exports.length === 0 && !pc) {
    throw new UserError(
      {
        de: "keine Exporte angegeben und keine reifegrad.yaml hier oder in einem übergeordneten Ordner; nennen Sie die Exportdateien oder legen Sie mit `reifegrad init` einen Bewertungsordner an",
        en: "no exports given and no reifegrad.yaml here or in a parent folder; name the export files, or run `reifegrad init`",
      },
      2,
    );
  }
  if (pc) {
    const s = pc.project.settings;
    const formats = pc.project.outputs.formats;
    applyProjectDefaults(command, o as unknown as Record<string, unknown>, {
      minGroupSize: s.minGroupSize === undefined ? undefined : String(s.minGroupSize),
      minCoverage: s.minCoverage === undefined ? undefined : String(s.minCoverage),
      weighting: s.weighting,
      lang: s.lang,
      date: s.date,
      out: projectOutDir(pc, ctx),
      format: formats ? formats.join(",") : undefined,
    });
  }
  // A file in the way of the reports fails now, not after the import (rejects.csv goes there).
  if (o.out && o.out !== "-") checkOutFolder(o.out, o.check);
  const settings = {
    ...parseSettings(o),
    ...(pc?.project.settings.minResponseRate !== undefined
      ? { minResponseRate: pc.project.settings.minResponseRate }
      : {}),
    includeFreeText: Boolean(o.includeFreeText),
  };
  if (o.date !== undefined && !isCalendarDate(o.date)) {
    throw new UserError(
      {
        de: `--date muss ein Tag wie 2026-11-25 sein (angegeben: „${o.date}“)`,
        en: `--date must be a day like 2026-11-25 (got "${o.date}")`,
      },
      2,
    );
  }
  const questionnairePaths = o.questionnaires
    ? [o.questionnaires]
    : pc
      ? projectQuestionnairePaths(pc, ctx)
      : [defaultQuestionnairePath(ctx.cwd)];
  // The previous wave is read before the scoring, so a wrong path fails at once.
  const previousPath =
    o.previous ??
    (pc?.project.previous !== undefined
      ? relative(ctx.cwd, resolve(pc.dir, pc.project.previous))
      : undefined);
  const previous = previousPath === undefined ? undefined : await readPreviousFile(previousPath);
  const questionnaires = await loadValidQuestionnaires(questionnairePaths, ctx.cwd);
  const departments = pc?.project.departments ?? [];
  const scorer = new Scorer(questionnaires, {
    settings,
    generatorVersion: PACKAGE_VERSION,
    ...(o.date ? { date: o.date } : {}),
    ...(pc
      ? {
          targets: pc.project.targets,
          departmentNames: Object.fromEntries(
            departments.flatMap((d) => (d.name ? [[d.id, d.name]] : [])),
          ),
          headcounts: Object.fromEntries(
            departments.flatMap((d) => (d.headcount !== undefined ? [[d.id, d.headcount]] : [])),
          ),
          interviewed: departments.filter((d) => d.method === "interview").map((d) => d.id),
        }
      : {}),
  });
  if (pc) {
    // The project loader (and the YAML parser) only for a project run.
    const { checkTargets } = await import("../../project/load.js");
    const problems = checkTargets(pc.project, pc.parsed, (d) =>
      scorer.questionnaireFor(d, scorer.root.group),
    );
    if (hasErrors(problems))
      throw new UserError(
        {
          de: "die Ziele in der Projektdatei enthalten Fehler",
          en: "the targets in the project file have errors",
        },
        1,
        problems,
      );
  }
  let input: unknown;
  if (exports.length > 0 || !pc) {
    input = await importExports(exports, { ...o, departments }, scorer, ctx);
  } else {
    const inputs = await resolveInputs(pc, ctx);
    const accounts: unknown[] = [];
    for (const [i, r] of inputs.entries()) {
      accounts.push(
        await importExports(
          r.files,
          {
            ...o,
            departments,
            ...(r.input.preset ? { preset: r.input.preset as ScoreOptions["preset"] } : {}),
            ...(r.input.mapping
              ? { mapping: relative(ctx.cwd, resolve(pc.dir, r.input.mapping)) }
              : {}),
            ...(r.input.department ? { department: r.input.department } : {}),
            ...(r.input.group ? { group: r.input.group } : {}),
            ...(inputs.length > 1 ? { rejectsName: `rejects-${i + 1}.csv` } : {}),
          },
          scorer,
          ctx,
        ),
      );
    }
    input = accounts.length === 1 ? accounts[0] : { inputs: accounts };
  }
  if (pc) {
    const { checkHeadcounts } = await import("../../project/load.js");
    const problems = checkHeadcounts(pc.project, pc.parsed, scorer.respondentsByDepartment());
    if (hasErrors(problems))
      throw new UserError(
        {
          de: "Beschäftigtenzahlen in der Projektdatei sind zu niedrig",
          en: "headcounts in the project file are too low",
        },
        1,
        problems,
      );
  }
  const assessment = scorer.finish(input);
  // A report of nobody would look like a result: a run that scored no row fails instead.
  if (assessment.counts.respondents === 0)
    throw new UserError(
      {
        de: "keine Zeile gewertet: keine Zeile enthält eine Antwort auf eine Frage des Fragebogens (siehe die Aufstellung oben); haben die Spalten des Exports andere Überschriften als die Fragen-Kennungen, entwerfen Sie mit `reifegrad map <export>` eine Zuordnung und geben Sie sie mit --mapping an",
        en: "no row was scored: no row holds an answer to a questionnaire item (see the account above); if the export's columns have other headings than the item ids, draft a mapping with `reifegrad map <export>` and pass it with --mapping",
      },
      1,
    );
  // Reports without a single score could pass for a result: said plainly (the item counts,
  // rejects and free text are still written), and under --strict the run fails.
  if (!scorer.hasScores()) {
    const lang = messageLang(ctx.env);
    const percent = Math.round(settings.minCoverage * 100);
    ctx.stderr(
      formatProblems(
        [coded("no-scores", { percent }, { severity: "warning" })],
        ctx.colorErr,
        lang,
      ),
    );
    if (o.strict)
      throw new UserError(
        say(lang, "--strict: nichts geschrieben", "--strict: nothing written"),
        1,
      );
  }
  return emitReports(ctx, previous ? recordPrevious(ctx, assessment, previous) : assessment, o);
}
