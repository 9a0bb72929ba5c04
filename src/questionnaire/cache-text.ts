// The loaded questionnaires as text and back, for the load cache (src/io/questionnaire-cache.ts):
// parsing and composing the YAML is most of a small run's time, the same result read back as
// JSON a tenth of it. Pure: the cache file is the shell's.
import type { Problem } from "../problem.js";
import type { LoadResult } from "./load.js";
import type { Questionnaire } from "./model.js";

/** Bumped when the shape of the text changes, so an old cache is never read as a new one. */
const FORMAT = 2;

export function loadResultToText(key: string, r: LoadResult): string {
  const questionnaires = r.questionnaires.map((q) => ({ ...q, scales: [...q.scales] }));
  return JSON.stringify({ format: FORMAT, key, questionnaires, problems: r.problems });
}

/** The result stored under `key`, or undefined when the text is another key's or unreadable. */
export function loadResultFromText(key: string, text: string): LoadResult | undefined {
  let v: {
    format?: unknown;
    key?: unknown;
    questionnaires?: (Omit<Questionnaire, "scales"> & { scales: [string, unknown][] })[];
    problems?: Problem[];
  };
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (v.format !== FORMAT || v.key !== key || !v.questionnaires || !v.problems) return undefined;
  return {
    questionnaires: v.questionnaires.map(
      (q) => ({ ...q, scales: new Map(q.scales) }) as unknown as Questionnaire,
    ),
    problems: v.problems,
  };
}
