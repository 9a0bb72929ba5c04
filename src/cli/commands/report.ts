// `reifegrad report <assessment.json>`: renders the reports from a saved assessment alone (no raw
// answers needed), or with --check verifies that the committed reports are current.
import { join, resolve } from "node:path";
import { Command } from "commander";
import { readFileOrFail } from "../../io/files.js";
import { BUNDLED_SCHEMAS } from "../../io/paths.js";
import { UserError } from "../../io/user-error.js";
import { parseAssessment } from "../../report/read-assessment.js";
import { comparability, withPreviousWave } from "../../report/trend.js";
import type { Assessment } from "../../scoring/assessment.js";
import type { Schema } from "../../util/json-schema-check.js";
import type { CliContext } from "../context.js";
import { messageLang, say } from "../locale.js";
import type { ExitHolder } from "../main.js";
import { loadProjectContext } from "../project-context.js";
import { addReportOptions, emitReports, type ReportFlags } from "../write-reports.js";

let schema: Promise<Schema> | undefined;

/** The published schema of assessment.json, read once: what an assessment file is checked by. */
function assessmentSchema(): Promise<Schema> {
  schema ??= readFileOrFail(join(BUNDLED_SCHEMAS, "assessment.schema.json")).then(
    (b) => JSON.parse(b.toString("utf8")) as Schema,
  );
  return schema;
}

/** Reads and checks an assessment file; a broken file is a one-line error naming it. */
export async function readAssessmentFile(file: string): Promise<Assessment> {
  const text = (await readFileOrFail(file)).toString("utf8");
  const parsed = parseAssessment(text, await assessmentSchema());
  if ("error" in parsed)
    throw new UserError({ de: `${file}: ${parsed.errorDe}`, en: `${file}: ${parsed.error}` }, 1);
  return parsed.assessment;
}

/**
 * The earlier wave's assessment.json, read before any scoring so a wrong path fails at once; the
 * questionnaire check waits for the current assessment (`recordPrevious`).
 */
export async function readPreviousFile(file: string): Promise<{ file: string; a: Assessment }> {
  return { file, a: await readAssessmentFile(file) };
}

/**
 * Records the previous wave in the assessment (`previousWave`, trend.ts), so every report — and
 * `report` from assessment.json alone — shows the change since then. Refuses (exit 1), as
 * `compare` does, when the items differ; a new version with identical items is a warning.
 */
export function recordPrevious(
  ctx: CliContext,
  current: Assessment,
  previous: { file: string; a: Assessment },
): Assessment {
  const c = comparability(previous.a, current);
  if (!c.comparable) {
    for (const d of c.differences) ctx.stderr(`  ${d.item}: ${d.reasons.join(", ")}\n`);
    const items = c.differences.map((d) => d.item).join(", ");
    throw new UserError(
      {
        de: `die Vorerhebung ${previous.file} ist nicht vergleichbar: ${c.differences.length} Frage(n) unterscheiden sich (${items})`,
        en: `the previous wave ${previous.file} is not comparable: ${c.differences.length} item(s) differ (${items})`,
      },
      1,
    );
  }
  if (c.versionChanged) versionsDiffer(ctx, previous.a, current);
  return withPreviousWave(current, previous.a);
}

/** Two waves of comparable items under different questionnaire versions: said, not refused. */
export function versionsDiffer(ctx: CliContext, before: Assessment, after: Assessment): void {
  const change = `${before.questionnaire.version} → ${after.questionnaire.version}`;
  ctx.stderr(
    `${ctx.colorErr.yellow(say(messageLang(ctx.env), "Warnung", "warning"))}: ${say(
      messageLang(ctx.env),
      `die Fragebogenversionen unterscheiden sich (${change}); die Fragen sind dieselben`,
      `questionnaire versions differ (${change}); the items are identical`,
    )}\n`,
  );
}

export function reportCommand(ctx: CliContext, exit: ExitHolder): Command {
  const cmd = new Command("report")
    .description(
      "render the reports from a saved assessment.json (no raw answers needed); in a project folder without an argument, from its committed reports/assessment.json — with --check, name every stale report file (for CI)",
    )
    .argument("[assessment]", "assessment.json written by `reifegrad score`")
    .option("--config <file>", "project file (default: reifegrad.yaml here or in a parent folder)")
    .option(
      "--previous <assessment.json>",
      "the previous wave: record it in assessment.json and show the change since then (with an assessment file; a project names it in reifegrad.yaml)",
    );
  return addReportOptions(cmd, "folder for the reports").action(
    async (
      file: string | undefined,
      o: ReportFlags & { config?: string; previous?: string },
      command: Command,
    ) => {
      if (file !== undefined) {
        const read = await readAssessmentFile(file);
        const assessment =
          o.previous === undefined
            ? read
            : recordPrevious(ctx, read, await readPreviousFile(o.previous));
        exit.code = await emitReports(ctx, assessment, o);
        return;
      }
      if (o.previous !== undefined)
        throw new UserError(
          {
            de: "--previous gilt mit einer assessment.json; in einem Bewertungsordner nennt reifegrad.yaml die Vorerhebung (previous:), und `reifegrad score` trägt sie ein",
            en: "--previous goes with an assessment.json; in an assessment folder reifegrad.yaml names the previous wave (previous:) and `reifegrad score` records it",
          },
          2,
        );
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
