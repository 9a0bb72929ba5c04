// Levels: unique ids, the first starts at 0, strictly ascending (≤ 100 is a structure rule).
import { originAt } from "../compose.js";
import { key, type Rule, rawList } from "./rule.js";

export const levelsRule: Rule = {
  name: "levels",
  scope: "part",
  check({ composed, report }) {
    const first = composed.origins.levels.get(composed.questionnaire.levels[0]?.id ?? "");
    if (!first) return;
    const origin = { parsed: first.parsed, path: ["levels"] };
    const levels = rawList(origin);
    const seen = new Set<string>();
    let previous: number | undefined;
    levels.forEach((level, i) => {
      const id = key(level.id);
      if (id !== undefined) {
        if (seen.has(id)) {
          report("duplicate-id.level", { id }, originAt(origin, i, "id"));
        }
        seen.add(id);
      }
      if (typeof level.min !== "number") return;
      if (i === 0 && level.min !== 0) {
        report("levels-not-from-zero", { min: level.min }, originAt(origin, i, "min"));
      }
      if (previous !== undefined && level.min <= previous) {
        report(
          "levels-not-ascending",
          { level: id ?? String(i + 1), min: level.min, previous },
          originAt(origin, i, "min"),
        );
      }
      previous = level.min;
    });
  },
};
