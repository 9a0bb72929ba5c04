// References between parts: an item's dimension, scale and groups; a dimension's target level,
// area and recommendation levels; the questionnaire's group. Also dimensions left without items.
import { type Origin, originAt, originKeyAt } from "../compose.js";
import { closest } from "../suggest.js";
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
      id:
        | "unknown-dimension"
        | "unknown-scale"
        | "unknown-group"
        | "unknown-level"
        | "unknown-level.recommendation"
        | "unknown-area",
      value: string,
      known: readonly string[],
      at: ReturnType<typeof originAt>,
    ) => report(id, { id: value, closest: closest(value, known), defined: known }, at);

    for (const item of q.items) {
      const origin = origins.items.get(item.id);
      if (!origin) continue;
      if (item.dimension !== "" && !dims.includes(item.dimension)) {
        unknown("unknown-dimension", item.dimension, dims, originAt(origin, "dimension"));
      }
      if (
        (item.type === "likert" || item.type === "grid") &&
        item.scale !== "" &&
        !q.scales.has(item.scale)
      ) {
        unknown("unknown-scale", item.scale, [...q.scales.keys()], originAt(origin, "scale"));
      }
      if (q.groups.length > 0) {
        item.groups?.forEach((g, i) => {
          if (!groups.includes(g)) {
            unknown("unknown-group", g, groups, originAt(origin, "groups", i));
          }
        });
      }
    }

    for (const dim of q.dimensions) {
      const fields = origins.dimensionFields.get(dim.id);
      const set = (field: string): Origin | undefined => fields?.get(field);
      const target = set("target");
      if (dim.target !== undefined && target && !levels.includes(dim.target)) {
        unknown("unknown-level", dim.target, levels, originAt(target, "target"));
      }
      const area = set("area");
      if (dim.area !== undefined && area && !areas.includes(dim.area)) {
        unknown("unknown-area", dim.area, areas, originAt(area, "area"));
      }
      const recs = set("recommendations");
      if (recs) {
        for (const level of Object.keys(dim.recommendations)) {
          // Looked up only for a problem: a position walks the YAML document from its root.
          const at = () => originKeyAt(recs, "recommendations", level);
          if (!levels.includes(level)) {
            unknown("unknown-level.recommendation", level, levels, at());
          } else if (level === levels[levels.length - 1]) {
            report("recommendation-for-top-level", { level }, at(), { severity: "warning" });
          }
        }
      }
      const dimOrigin = origins.dimensions.get(dim.id);
      if (dimOrigin && !q.items.some((it) => it.dimension === dim.id)) {
        report("empty-dimension", { id: dim.id }, originAt(dimOrigin, "id"), {
          severity: "warning",
        });
      }
    }

    const groupOrigin = origins.fields.get("group");
    if (groupOrigin && q.groups.length > 0 && !groups.includes(q.group)) {
      unknown("unknown-group", q.group, groups, originAt(groupOrigin, "group"));
    }
  },
};
