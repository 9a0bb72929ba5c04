// The labels of the two missing answers ("don't know", "not applicable") a questionnaire uses for
// the items that have no answer list of their own (yes/no, numbers) and in its default notice: the
// questionnaire's own, from its scales, so a citizen reads "trifft auf mich nicht zu" wherever the
// citizens' questionnaire says so; a built-in default only when it defines none.
import type { Questionnaire, Text } from "./model.js";

export interface MissingLabels {
  readonly dk: Text;
  readonly na: Text;
}

/**
 * The built-in labels: the staff wording of the bundled questionnaires. Not "nicht zutreffend",
 * which reads like the Likert answer "trifft nicht zu" beside it.
 */
export const DEFAULT_MISSING: MissingLabels = {
  dk: { de: "weiß nicht", en: "don't know" },
  na: { de: "trifft auf meine Tätigkeit nicht zu", en: "not relevant to my work" },
};

/** The label of the first scale answer of each missing kind (scales in order), else the default. */
export function missingLabels(q: Pick<Questionnaire, "scales">): MissingLabels {
  let dk: Text | undefined;
  let na: Text | undefined;
  for (const scale of q.scales.values()) {
    for (const o of scale.options) {
      if (o.missing === "dont_know") dk ??= o.label;
      else if (o.missing === "not_applicable") na ??= o.label;
    }
  }
  return { dk: dk ?? DEFAULT_MISSING.dk, na: na ?? DEFAULT_MISSING.na };
}
