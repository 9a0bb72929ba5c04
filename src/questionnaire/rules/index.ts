// Every semantic rule, in the order they run. Structure rules live in ../shape.ts.
import { itemPartsRule } from "./items.js";
import { languagesRule } from "./languages.js";
import { levelsRule } from "./levels.js";
import { referencesRule } from "./references.js";
import type { Rule, RuleContext } from "./rule.js";
import { scalesRule } from "./scales.js";
import { whenReferencesRule, whenSyntaxRule } from "./when.js";

export const RULES: readonly Rule[] = [
  levelsRule,
  scalesRule,
  itemPartsRule,
  whenSyntaxRule,
  referencesRule,
  languagesRule,
  whenReferencesRule,
];

export function runRules(ctx: RuleContext): void {
  for (const rule of RULES) {
    if (rule.scope === "part" || ctx.composed.complete) rule.check(ctx);
  }
}

export type { Rule, RuleContext } from "./rule.js";
