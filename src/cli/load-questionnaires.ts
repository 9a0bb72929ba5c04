// The commands that need valid questionnaires (score, map, run) load them the same way: every
// problem printed, exit 1 when any is an error, so no command works on a half-valid model.
import { readQuestionnaireSources } from "../io/files.js";
import { loadQuestionnairesCached } from "../io/questionnaire-cache.js";
import { UserError } from "../io/user-error.js";
import { hasErrors } from "../problem.js";
import type { Questionnaire } from "../questionnaire/model.js";
import { findRoot } from "../questionnaire/root.js";
import { compilePlan } from "../scoring/respondent.js";
import { administrationView, checkMergedScales } from "../scoring/score.js";

export async function loadValidQuestionnaires(
  paths: readonly string[],
  cwd: string,
): Promise<readonly Questionnaire[]> {
  const loaded = await loadQuestionnairesCached(
    await readQuestionnaireSources(paths, cwd),
    async (sources) => (await import("../questionnaire/load.js")).loadQuestionnaires(sources),
  );
  if (hasErrors(loaded.problems)) {
    throw new UserError(
      {
        de: "die Fragebögen enthalten Fehler; `reifegrad validate` zeigt sie alle",
        en: "the questionnaires have errors; run `reifegrad validate`",
      },
      1,
      loaded.problems,
    );
  }
  if (loaded.questionnaires.length === 0)
    throw new UserError({ de: "keine Fragebögen gefunden", en: "no questionnaires found" });
  // Scores are exact integers over common denominators (src/scoring/denominators.ts): weights
  // or scores too fine for 2⁵³ cannot be scored exactly, so they are refused before any row.
  const root = findRoot(loaded.questionnaires);
  const refuse = (where: string, e: unknown): never => {
    if (!(e instanceof RangeError)) throw e;
    throw new UserError(
      {
        de: `${where}: ${e.message}; verwenden Sie Gewichte und Punktwerte mit weniger Nachkommastellen (z. B. 1, 2, 0.5)`,
        en: `${where}: ${e.message}; use weights and scores with fewer decimals (e.g. 1, 2, 0.5)`,
      },
      1,
    );
  };
  for (const q of loaded.questionnaires) {
    try {
      administrationView(compilePlan(q), root);
    } catch (e) {
      refuse(q.source ?? q.id, e);
    }
  }
  // Departments and groups merge cells of several questionnaires: their scales together.
  try {
    checkMergedScales(loaded.questionnaires, root);
  } catch (e) {
    refuse(root.source ?? root.id, e);
  }
  return loaded.questionnaires;
}
