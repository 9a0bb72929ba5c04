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
          report("duplicate-id", `level id "${id}" is used twice`, originAt(origin, i, "id"), {
            hint: "give every level its own id",
          });
        }
        seen.add(id);
      }
      if (typeof level.min !== "number") return;
      if (i === 0 && level.min !== 0) {
        report(
          "levels-not-from-zero",
          `the first level starts at ${level.min}, not at 0`,
          originAt(origin, i, "min"),
          {
            hint: "write `min: 0` on the first level, so every score has a level",
          },
        );
      }
      if (previous !== undefined && level.min <= previous) {
        report(
          "levels-not-ascending",
          `level "${id ?? i + 1}" starts at ${level.min}, not above the previous level (${previous})`,
          originAt(origin, i, "min"),
          {
            hint: "list levels from lowest to highest with strictly increasing `min` values up to 100",
          },
        );
      }
      previous = level.min;
    });
  },
};
