// References between parts: an item's dimension, scale and groups; a dimension's target level,
// area and recommendation levels; the questionnaire's group. Also dimensions left without items.
import { type Origin, originAt, originKeyAt } from "../compose.js";
import { didYouMean, listing } from "../suggest.js";
import type { Rule } from "./rule.js";

export const referencesRule: Rule = {
  name: "references",
  scope: "whole",
  check({ composed, report }) {
    const q = composed.questionnaire;
    const { origins } = composed;
    const dims = q.dimensions.map((d) => d.id);
    const levels = q.levels.map((l) => l.id);
    const areas = q.areas.map((a) => a.id);
    const groups = q.groups.map((g) => g.id);
    const unknown = (
      code: string,
      kind: string,
      id: string,
      known: readonly string[],
      at: ReturnType<typeof originAt>,
      hint: string,
    ) =>
      report(
        code,
        `${kind} "${id}" is not defined${didYouMean(id, known)} (defined: ${listing(known)})`,
        at,
        { hint },
      );

    for (const item of q.items) {
      const origin = origins.items.get(item.id);
      if (!origin) continue;
      if (item.dimension !== "" && !dims.includes(item.dimension)) {
        unknown(
          "unknown-dimension",
          "dimension",
          item.dimension,
          dims,
          originAt(origin, "dimension"),
          "add the dimension under `dimensions:` or use a defined one",
        );
      }
      if (
        (item.type === "likert" || item.type === "grid") &&
        item.scale !== "" &&
        !q.scales.has(item.scale)
      ) {
        unknown(
          "unknown-scale",
          "scale",
          item.scale,
          [...q.scales.keys()],
          originAt(origin, "scale"),
          "define it under `scales:` or use one of the defined scales",
        );
      }
      if (q.groups.length > 0) {
        item.groups?.forEach((g, i) => {
          if (!groups.includes(g)) {
            unknown(
              "unknown-group",
              "group",
              g,
              groups,
              originAt(origin, "groups", i),
              "add the group under `groups:` or use a defined one",
            );
          }
        });
      }
    }

    for (const dim of q.dimensions) {
      const fields = origins.dimensionFields.get(dim.id);
      const set = (field: string): Origin | undefined => fields?.get(field);
      const target = set("target");
      if (dim.target !== undefined && target && !levels.includes(dim.target)) {
        unknown(
          "unknown-level",
          "level",
          dim.target,
          levels,
          originAt(target, "target"),
          "a target names one of the levels",
        );
      }
      const area = set("area");
      if (dim.area !== undefined && area && !areas.includes(dim.area)) {
        unknown(
          "unknown-area",
          "area",
          dim.area,
          areas,
          originAt(area, "area"),
          "add the area under `areas:` or use a defined one",
        );
      }
      const recs = set("recommendations");
      if (recs) {
        for (const level of Object.keys(dim.recommendations)) {
          // Looked up only for a problem: a position walks the YAML document from its root.
          const at = () => originKeyAt(recs, "recommendations", level);
          if (!levels.includes(level)) {
            unknown(
              "unknown-level",
              "level",
              level,
              levels,
              at(),
              "recommendations are keyed by level id",
            );
          } else if (level === levels[levels.length - 1]) {
            report(
              "recommendation-for-top-level",
              `recommendations for "${level}", the highest level, are never shown`,
              at(),
              {
                severity: "warning",
                hint: "recommendations lift a dimension from a level to the next; the highest level has no next",
              },
            );
          }
        }
      }
      const dimOrigin = origins.dimensions.get(dim.id);
      if (dimOrigin && !q.items.some((it) => it.dimension === dim.id)) {
        report("empty-dimension", `dimension "${dim.id}" has no items`, originAt(dimOrigin, "id"), {
          severity: "warning",
          hint: "add items for it, or remove the dimension",
        });
      }
    }

    const groupOrigin = origins.fields.get("group");
    if (groupOrigin && q.groups.length > 0 && !groups.includes(q.group)) {
      unknown(
        "unknown-group",
        "group",
        q.group,
        groups,
        originAt(groupOrigin, "group"),
        "add the group under `groups:` or use a defined one",
      );
    }
  },
};
