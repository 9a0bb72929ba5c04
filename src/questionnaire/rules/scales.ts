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
              "duplicate-code",
              `code "${code}" appears twice in scale "${id}"`,
              originAt(origin, "options", i, "code"),
              {
                hint: "every option of a scale needs its own code",
              },
            );
          }
          codes.add(code);
        }
        const hasValue = opt.value !== undefined;
        const hasMissing = opt.missing !== undefined;
        if (hasValue === hasMissing) {
          report(
            "invalid-option",
            hasValue
              ? `option "${code}" of scale "${id}" has both \`value\` and \`missing\``
              : `option "${code}" of scale "${id}" has neither \`value\` nor \`missing\``,
            originAt(origin, "options", i),
            {
              hint: "a scored option has `value: <number>`; a don't-know/not-applicable option has `missing:`",
            },
          );
        }
        if (typeof opt.value === "number" && !hasMissing) {
          scored++;
          if (previous !== undefined && opt.value <= previous) {
            report(
              "scale-not-ascending",
              `option "${code}" of scale "${id}" has value ${opt.value}, not above the previous option (${previous})`,
              originAt(origin, "options", i, "value"),
              {
                hint: "list scored options from worst to best with increasing values; use `reverse: true` on negatively worded items",
              },
            );
          }
          previous = opt.value;
        }
      });
      if (options.length > 0 && scored < 2) {
        report(
          "scale-too-small",
          `scale "${id}" has ${scored} scored option(s); it needs at least two`,
          originAt(origin),
          {
            hint: "add options with `value:` from worst to best",
          },
        );
      }
    }
  },
};
