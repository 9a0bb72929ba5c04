// `reifegrad report` in an assessment folder, from committed files alone: reifegrad.yaml, the
// questionnaires and <outputs.dir>/assessment.json — never the raw answers, which stay out of git.
// `--check` (what CI runs) names every stale report file and why; without it the reports are
// rendered again from the committed assessment.json.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { PACKAGE_VERSION } from "../io/paths.js";
import { UserError } from "../io/user-error.js";
import { type StaleReason, staleReasons } from "../project/staleness.js";
import { findRoot } from "../questionnaire/root.js";
import { renderReportFiles } from "../report/render.js";
import type { Assessment } from "../scoring/assessment.js";
import { readAssessmentFile } from "./commands/report.js";
import type { CliContext } from "./context.js";
import { loadValidQuestionnaires } from "./load-questionnaires.js";
import { type MessageLang, messageLang, say } from "./locale.js";
import {
  applyProjectDefaults,
  type ProjectContext,
  projectOutDir,
  projectQuestionnairePaths,
} from "./project-context.js";
import { checkFiles, emitReports, formatsOf, type ReportFlags } from "./write-reports.js";

export type ProjectReportFlags = ReportFlags;

/** The output flags a project sets where none was given: lang, formats, folder. */
function projectFlags(
  ctx: CliContext,
  pc: ProjectContext,
  o: ProjectReportFlags,
  command: Command,
): ProjectReportFlags & { out: string } {
  const flags = { ...o };
  const formats = pc.project.outputs.formats;
  applyProjectDefaults(command, flags as unknown as Record<string, unknown>, {
    lang: pc.project.settings.lang,
    format: formats ? formats.join(",") : undefined,
    out: projectOutDir(pc, ctx),
  });
  return flags as ProjectReportFlags & { out: string };
}

/** <out>/assessment.json as committed; undefined when there is none (a broken one is an error). */
async function committedAssessment(ctx: CliContext, out: string): Promise<Assessment | undefined> {
  const file = join(out, "assessment.json");
  if (!existsSync(resolve(ctx.cwd, file))) return undefined;
  return readAssessmentFile(file);
}

/** One reason, in the user's language; the code in brackets is the same in both. */
function describeReason(lang: MessageLang, r: StaleReason): string {
  const k = r.key;
  const file = r.file ? ` (${r.file})` : "";
  const [de, en]: [string, string] = {
    "questionnaire-changed": [
      `Fragebogen „${k}“${file} geändert`,
      `questionnaire "${k}"${file} changed`,
    ],
    "questionnaire-added": [`Fragebogen „${k}“ hinzugekommen`, `questionnaire "${k}" added`],
    "questionnaire-removed": [`Fragebogen „${k}“ entfernt`, `questionnaire "${k}" removed`],
    "setting-changed": [`Einstellung ${k} geändert`, `setting ${k} changed`],
    "target-changed": [`Ziel ${k} geändert`, `target ${k} changed`],
    "name-changed": [`Name von ${k} geändert`, `name of ${k} changed`],
    "method-changed": [`Erhebungsmethode von ${k} geändert`, `method of ${k} changed`],
    "previous-changed": ["Vorerhebung (previous:) geändert", "previous wave (previous:) changed"],
    "headcount-changed":
      k === ""
        ? ["Beschäftigtenzahl der Verwaltung geändert", "headcount of the administration changed"]
        : [`Beschäftigtenzahl von ${k} geändert`, `headcount of ${k} changed`],
  }[r.code] as [string, string];
  return say(
    lang,
    `${de}: jetzt ${r.now}, in assessment.json ${r.recorded} [${r.code}]`,
    `${en}: now ${r.now}, in assessment.json ${r.recorded} [${r.code}]`,
  );
}

/**
 * Tells stale from fresh from committed files alone; returns the exit code (1 = stale). Every
 * stale file is named on its own line, `<file>: <why>`, so CI logs say what to regenerate.
 */
export async function checkProject(
  ctx: CliContext,
  pc: ProjectContext,
  o: ProjectReportFlags,
  command: Command,
): Promise<number> {
  const lang = messageLang(ctx.env);
  const flags = projectFlags(ctx, pc, o, command);
  const formats = formatsOf(flags.format);
  const assessmentFile = join(flags.out, "assessment.json");
  const assessment = await committedAssessment(ctx, flags.out);
  const regenerate = say(
    lang,
    "mit `reifegrad score` neu erzeugen (wo die Rohdaten liegen) und den Ordner committen",
    "regenerate them with `reifegrad score` (where the raw answers are) and commit the folder",
  );
  if (!assessment) {
    ctx.stderr(
      `${assessmentFile}: ${say(lang, "fehlt", "missing")}${
        formats.includes("json")
          ? ""
          : say(
              lang,
              " (outputs.formats ohne json: die Prüfung braucht assessment.json)",
              " (outputs.formats lacks json: the check needs assessment.json)",
            )
      }\n`,
    );
    ctx.stderr(
      `${ctx.colorErr.red(say(lang, "Fehler", "error"))}: ${say(lang, "die Berichte sind veraltet", "the reports are stale")}; ${regenerate}\n`,
    );
    return 1;
  }
  const questionnaires = await loadValidQuestionnaires(projectQuestionnairePaths(pc, ctx), ctx.cwd);
  const previous = pc.project.previous;
  const reasons = staleReasons({
    project: pc.project,
    questionnaires,
    root: findRoot(questionnaires),
    assessment,
    ...(previous !== undefined ? { previous: await readAssessmentFile(previous) } : {}),
  });
  const options = {
    lang: flags.lang,
    excel: flags.excel ?? false,
    includeFreeText: assessment.settings.includeFreeText,
  };
  const files = await renderReportFiles(assessment, formats, options);
  const names = files.map((f) => join(flags.out, f.name));
  let stale: string[];
  if (reasons.length > 0) {
    // The assessment no longer matches the project: it and every file rendered from it are stale.
    for (const r of reasons) ctx.stderr(`${assessmentFile}: ${describeReason(lang, r)}\n`);
    stale = names.includes(assessmentFile) ? names : [assessmentFile, ...names];
    for (const name of stale.filter((n) => n !== assessmentFile))
      ctx.stderr(
        `${name}: ${say(lang, "aus der veralteten assessment.json erzeugt", "rendered from the stale assessment.json")}\n`,
      );
  } else {
    const results = await checkFiles(files, flags.out);
    stale = [];
    for (const r of results.filter((x) => x.state !== "current")) {
      stale.push(r.file);
      ctx.stderr(
        `${r.file}: ${
          r.state === "missing"
            ? say(lang, "fehlt", "missing")
            : say(
                lang,
                "passt nicht zu assessment.json (würde sich ändern)",
                "does not match assessment.json (would change)",
              )
        }\n`,
      );
    }
  }
  if (stale.length === 0) {
    ctx.stderr(
      say(
        lang,
        `${names.length} Berichtsdatei(en) in ${flags.out} sind aktuell (geprüft gegen reifegrad.yaml, ${questionnaires.length} Fragebögen und assessment.json; Rohdaten nicht nötig)\n`,
        `${names.length} report file(s) in ${flags.out} are current (checked against reifegrad.yaml, ${questionnaires.length} questionnaires and assessment.json; no raw answers needed)\n`,
      ),
    );
    return 0;
  }
  if (assessment.generator.version !== PACKAGE_VERSION) {
    ctx.stderr(
      say(
        lang,
        `Hinweis: assessment.json stammt von reifegrad ${assessment.generator.version}, geprüft mit ${PACKAGE_VERSION}\n`,
        `note: assessment.json was written by reifegrad ${assessment.generator.version}, checked with ${PACKAGE_VERSION}\n`,
      ),
    );
  }
  ctx.stderr(
    `${ctx.colorErr.red(say(lang, "Fehler", "error"))}: ${say(
      lang,
      `${stale.length} von ${Math.max(names.length, stale.length)} Berichtsdatei(en) veraltet`,
      `${stale.length} of ${Math.max(names.length, stale.length)} report file(s) are stale`,
    )}; ${regenerate}\n`,
  );
  return 1;
}

/** `report` without --check in a project: the reports again, from the committed assessment.json. */
export async function renderProject(
  ctx: CliContext,
  pc: ProjectContext,
  o: ProjectReportFlags,
  command: Command,
): Promise<number> {
  const lang = messageLang(ctx.env);
  const flags = projectFlags(ctx, pc, o, command);
  const assessment = await committedAssessment(ctx, flags.out);
  if (!assessment) {
    throw new UserError(
      say(
        lang,
        `${join(flags.out, "assessment.json")} fehlt: zuerst \`reifegrad score\` ausführen`,
        `${join(flags.out, "assessment.json")} is missing: run \`reifegrad score\` first`,
      ),
      1,
    );
  }
  return emitReports(ctx, assessment, {
    ...flags,
    includeFreeText: flags.includeFreeText ?? assessment.settings.includeFreeText,
  });
}
