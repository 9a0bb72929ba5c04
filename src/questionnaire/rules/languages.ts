// A file that extends another may not declare a language the inherited texts lack.
import { originAt } from "../compose.js";
import type { Rule } from "./rule.js";

export const languagesRule: Rule = {
  name: "languages",
  scope: "whole",
  check({ composed, report }) {
    const languages = composed.questionnaire.languages;
    const top = composed.chain[composed.chain.length - 1]!;
    if (!Array.isArray(top.data.languages)) return;
    for (const base of composed.chain.slice(0, -1)) {
      const own = base.data.languages;
      if (!Array.isArray(own)) continue;
      const lacking = languages.filter((l) => !own.includes(l));
      if (lacking.length > 0) {
        report(
          "missing-translation.inherited",
          { lacking, base: base.id, own: own.map(String) },
          originAt({ parsed: top.parsed, path: [] }, "languages"),
        );
      }
    }
  },
};
