// Turns questionnaire sources into composed, validated models and every problem found on the way.
// Pure: sources come in as {path, text}. Steps: parse YAML (yaml-source.ts) → check structure
// (shape.ts) → follow `extends` and compose (compose.ts) → semantic rules (rules/).
import { type Problem, sortProblems } from "../problem.js";
import { compareStrings } from "../util/order.js";
import { compose, languagesOf, type QuestionnaireFile, resolveChain } from "./compose.js";
import { contentHash } from "./hash.js";
import type { Questionnaire } from "./model.js";
import { reporterInto, uniqueProblems } from "./reporter.js";
import { runRules } from "./rules/index.js";
import { checkQuestionnaireShape, isRecord } from "./shape.js";
import { parseYaml, type SourceFile } from "./yaml-source.js";

export { contentHash } from "./hash.js";

export interface LoadResult {
  /** Composed questionnaires, sorted by id; only those whose whole chain is free of errors. */
  readonly questionnaires: readonly Questionnaire[];
  /** Every problem, sorted by file, line, column. */
  readonly problems: readonly Problem[];
}

export function loadQuestionnaires(sources: readonly SourceFile[]): LoadResult {
  const problems: Problem[] = [];
  const report = reporterInto(problems);
  const files: QuestionnaireFile[] = [];
  /** Files with errors of their own (syntax, structure). */
  const broken = new Set<QuestionnaireFile>();
  const byId = new Map<string, QuestionnaireFile>();

  for (const source of sources) {
    const { parsed, problems: parseProblems } = parseYaml(source);
    problems.push(...parseProblems);
    if (!parsed) continue;
    if (!isRecord(parsed.data)) {
      report("not-a-mapping", {}, parsed.at([]));
      continue;
    }
    const id = typeof parsed.data.id === "string" ? parsed.data.id : "";
    const file: QuestionnaireFile = { parsed, data: parsed.data, id };
    files.push(file);
    if (id === "") continue; // the structure check reports the missing id
    const existing = byId.get(id);
    if (existing) {
      report("duplicate-questionnaire", { id, file: existing.parsed.file }, parsed.at(["id"]));
      broken.add(file);
      continue;
    }
    byId.set(id, file);
  }

  for (const file of files) {
    const before = problems.length;
    checkQuestionnaireShape({
      parsed: file.parsed,
      languages: languagesOf(file, byId),
      isRoot: file.data.extends === undefined,
      report,
    });
    if (hasError(problems, before)) broken.add(file);
  }

  const questionnaires: Questionnaire[] = [];
  const ids = [...byId.keys()].sort(compareStrings);
  for (const id of ids) {
    const file = byId.get(id)!;
    const before = problems.length;
    const { chain, complete } = resolveChain(file, byId, report);
    const composed = compose(chain, complete, languagesOf(file, byId), report);
    runRules({ composed, report });
    const ok = complete && !hasError(problems, before) && !chain.some((f) => broken.has(f));
    if (ok)
      questionnaires.push({
        ...composed.questionnaire,
        contentHash: contentHash(composed.questionnaire),
      });
  }
  return { questionnaires, problems: sortProblems(uniqueProblems(problems)) };
}

function hasError(problems: readonly Problem[], from: number): boolean {
  return problems.slice(from).some((p) => p.severity === "error");
}
