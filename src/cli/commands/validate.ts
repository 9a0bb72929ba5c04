import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { Command } from "commander";
import { isYaml, readQuestionnaireSources } from "../../io/files.js";
import { BUNDLED_QUESTIONNAIRES, defaultQuestionnairePath } from "../../io/paths.js";
import { findProjectFile, readProjectSource } from "../../io/project-files.js";
import { UserError } from "../../io/user-error.js";
import { hasErrors, type Problem, sortProblems } from "../../problem.js";
import { checkTargets, parseProject } from "../../project/load.js";
import { findBases, unresolvedExtends } from "../../questionnaire/bases.js";
import { loadQuestionnaires } from "../../questionnaire/load.js";
import type { Questionnaire } from "../../questionnaire/model.js";
import { findRoot } from "../../questionnaire/root.js";
import type { SourceFile } from "../../questionnaire/yaml-source.js";
import { compareStrings } from "../../util/order.js";
import type { CliContext } from "../context.js";
import { messageLang, say } from "../locale.js";
import type { ExitHolder } from "../main.js";
import { formatProblems, problemsJson } from "../problems.js";
import { type ProjectContext, projectQuestionnairePaths } from "../project-context.js";

export function validateCommand(ctx: CliContext, exit: ExitHolder): Command {
  return new Command("validate")
    .description("check questionnaire files and report every problem with file:line:column")
    .argument(
      "[paths...]",
      "files or folders (default: the project's questionnaires, else questionnaires/)",
    )
    .option("--json", "print the result as JSON on stdout (problems with code, place, message)")
    .action(async (paths: string[], o: { json?: boolean }) => {
      const lang = messageLang(ctx.env);
      // In an assessment folder, validate also checks reifegrad.yaml (and reads its questionnaires).
      const projectProblems: Problem[] = [];
      let pc: ProjectContext | undefined;
      const projectFile = findProjectFile(ctx.cwd);
      if (projectFile) {
        const r = parseProject(await readProjectSource(projectFile, ctx.cwd));
        if (paths.length === 0) projectProblems.push(...r.problems);
        if (r.project && r.parsed)
          pc = { project: r.project, dir: dirname(projectFile), parsed: r.parsed };
      }
      const given = paths.length > 0 ? paths : pc ? projectQuestionnairePaths(pc, ctx) : undefined;
      const sources = await readQuestionnaireSources(
        given ?? [defaultQuestionnairePath(ctx.cwd)],
        ctx.cwd,
      );
      if (sources.length === 0) {
        throw new UserError(
          say(
            lang,
            `keine Fragebogendateien (*.yaml, *.yml) in ${paths.join(", ") || "questionnaires/"}`,
            `no questionnaire files (*.yaml, *.yml) in ${paths.join(", ") || "questionnaires/"}`,
          ),
        );
      }
      // A file checked alone (a department file, say) is composed with the questionnaires it
      // extends: from its folder, the folder above, the project's, or the bundled ones.
      const bases =
        paths.length > 0 && unresolvedExtends(sources).length > 0
          ? findBases(sources, await candidateSources(ctx, paths, pc))
          : [];
      for (const b of bases) {
        const full = resolve(ctx.cwd, b.source.path);
        const bundled = full.startsWith(BUNDLED_QUESTIONNAIRES + sep);
        const where = bundled
          ? say(
              lang,
              `den mitgelieferten Fragebögen (${relative(BUNDLED_QUESTIONNAIRES, full)})`,
              `the bundled questionnaires (${relative(BUNDLED_QUESTIONNAIRES, full)})`,
            )
          : b.source.path;
        ctx.stderr(
          say(
            lang,
            `extends „${b.id}“: geprüft mit ${where}\n`,
            `extends "${b.id}": checked with ${where}\n`,
          ),
        );
      }
      // All files load together, so `extends` finds its base among them.
      const loaded = loadQuestionnaires([...sources, ...bases.map((b) => b.source)]);
      const givenPaths = new Set(sources.map((s) => s.path));
      const questionnaires = loaded.questionnaires.filter(
        (q) => q.source === undefined || givenPaths.has(q.source),
      );
      const problems = [...projectProblems, ...loaded.problems];
      // The project's targets name dimensions and levels of the department's questionnaire.
      if (pc && paths.length === 0 && loaded.questionnaires.length > 0) {
        problems.push(
          ...checkTargets(pc.project, pc.parsed, questionnaireFor(loaded.questionnaires)),
        );
      }
      const sorted = sortProblems(problems);
      const errors = sorted.filter((p) => p.severity === "error").length;
      const warnings = sorted.length - errors;
      if (hasErrors(sorted)) exit.code = 1;
      if (o.json) {
        const result = {
          files: sources.length,
          valid: questionnaires.map((q) => q.id),
          errors,
          warnings,
          problems: problemsJson(sorted, lang),
        };
        ctx.stdout(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      ctx.stderr(formatProblems(sorted, ctx.colorErr, lang));
      ctx.stderr(
        say(
          lang,
          `${sources.length} Datei(en), ${questionnaires.length} Fragebogen/Fragebögen gültig, ${errors} Fehler, ${warnings} Warnung(en)\n`,
          `${sources.length} file(s), ${questionnaires.length} questionnaire(s) valid, ${errors} error(s), ${warnings} warning(s)\n`,
        ),
      );
    });
}

/** The questionnaire a department is scored with: its own, else the root (as `score` does). */
function questionnaireFor(qs: readonly Questionnaire[]): (department: string) => Questionnaire {
  const root = findRoot(qs);
  return (department) => qs.find((q) => q.department?.id === department) ?? root;
}

/**
 * Where the bases of given files may be: a file's folder and the folder above, then the
 * project's questionnaires (or ./questionnaires), then the bundled ones.
 */
async function candidateSources(
  ctx: CliContext,
  paths: readonly string[],
  pc: ProjectContext | undefined,
): Promise<SourceFile[]> {
  // A file's folder and the one above (departments/ → questionnaires/), their own files only;
  // a folder given is read already.
  const near: string[] = [];
  for (const p of paths) {
    const full = resolve(ctx.cwd, p);
    if (existsSync(full) && statSync(full).isDirectory()) near.push(dirname(full));
    else near.push(dirname(full), dirname(dirname(full)));
  }
  const nearFiles = [...new Set(near)].flatMap((dir) => {
    try {
      return readdirSync(dir)
        .filter((n) => isYaml(n) && !n.startsWith("."))
        .sort(compareStrings)
        .map((n) => join(dir, n));
    } catch {
      return [];
    }
  });
  const folders = [
    ...(pc ? projectQuestionnairePaths(pc, ctx).map((p) => resolve(ctx.cwd, p)) : []),
    resolve(ctx.cwd, defaultQuestionnairePath(ctx.cwd)),
    BUNDLED_QUESTIONNAIRES,
  ];
  const out: SourceFile[] = [];
  for (const group of [nearFiles, ...[...new Set(folders)].map((f) => [f])]) {
    if (group.length === 0 || !group.every((f) => existsSync(f))) continue;
    // A file or folder that cannot be read adds nothing: the loader then reports unknown-extends.
    out.push(...(await readQuestionnaireSources(group, ctx.cwd).catch(() => [])));
  }
  return out;
}
