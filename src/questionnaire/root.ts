// Which questionnaire of a set is the root (the administration's view: its dimensions, weights
// and levels) and which are external perspectives (citizens, businesses), for scoring, interviews
// and the project check alike.
import { compareStrings } from "../util/order.js";
import type { Questionnaire } from "./model.js";

/** Picks the root questionnaire: the base the department questionnaires extend. */
export function findRoot(questionnaires: readonly Questionnaire[]): Questionnaire {
  const bases = questionnaires.filter((q) => q.extendsChain.length === 1 && !q.department);
  const extended = new Map<string, number>();
  for (const q of questionnaires) {
    const base = q.extendsChain[0];
    if (base && q.extendsChain.length > 1) extended.set(base, (extended.get(base) ?? 0) + 1);
  }
  const sorted = [...bases].sort(
    (a, b) => (extended.get(b.id) ?? 0) - (extended.get(a.id) ?? 0) || compareStrings(a.id, b.id),
  );
  const internal = sorted.filter((q) => !isExternal(q));
  const root =
    internal.find((q) => q.id === "core") ?? internal[0] ?? sorted[0] ?? questionnaires[0];
  if (!root) throw new Error("no questionnaire to score with");
  return root;
}

/** A questionnaire of an outside perspective: its group is marked `perspective: external`. */
export function isExternal(q: Questionnaire): boolean {
  return q.groups.find((g) => g.id === q.group)?.perspective === "external";
}
