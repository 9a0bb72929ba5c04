// Scales: unique option codes, at least two scored options with ascending values, and each
// option either scored (`value`) or special (`missing`).
import { originAt } from "../compose.js";
import { key, type Rule, rawList } from "./rule.js";

export const scalesRule: Rule = {
  name: "scales",
  scope: "part",
  check({ composed, report }) {
    for (const [id, origin] of composed.origins.scales) {
      const options = rawList(origin, "options");
      const codes = new Set<string>();
      let scored = 0;
      let previous: number | undefined;
      options.forEach((opt, i) => {
        const code = key(opt.code);
        if (code !== undefined) {
          if (codes.has(code)) {
            report(
              "duplicate-code.scale",
              { code, scale: id },
              originAt(origin, "options", i, "code"),
            );
          }
          codes.add(code);
        }
        const hasValue = opt.value !== undefined;
        const hasMissing = opt.missing !== undefined;
        if (hasValue === hasMissing) {
          report(
            "invalid-option",
            { code: String(code), scale: id, both: hasValue },
            originAt(origin, "options", i),
          );
        }
        if (typeof opt.value === "number" && !hasMissing) {
          scored++;
          if (previous !== undefined && opt.value <= previous) {
            report(
              "scale-not-ascending",
              { code: String(code), scale: id, value: opt.value, previous },
              originAt(origin, "options", i, "value"),
            );
          }
          previous = opt.value;
        }
      });
      if (options.length > 0 && scored < 2) {
        report("scale-too-small", { scale: id, scored }, originAt(origin));
      }
    }
  },
};
