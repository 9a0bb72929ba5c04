// Skip rules as printed instructions: the answers named are exactly those for which reifegrad's
// own evaluation asks the item (table-driven, de and en).
import { describe, expect, it } from "vitest";
import { parseCondition } from "../../src/questionnaire/when.js";
import { conditionInstruction, referents } from "../../src/survey/instructions.js";
import { planFor } from "../../src/survey/plan.js";
import { bundled } from "./fixtures.js";

const ALL = bundled();
const q = ALL.find((x) => x.id === "buergeramt")!;
const multi = q.items.find((i) => i.type === "multi")!;
const number = q.items.find((i) => i.type === "number")!;

const CASES: [string, string, string][] = [
  [
    "str_01 >= 4",
    "Nur wenn Sie bei str_01 „trifft eher zu“ oder „trifft voll zu“ angekreuzt haben.",
    "Only if you ticked “rather applies” or “fully applies” at str_01.",
  ],
  [
    "str_01 == 'dk' or str_02 in [1, 2]",
    "Nur wenn Sie bei str_01 „weiß nicht“ angekreuzt haben oder Sie bei str_02 „trifft überhaupt nicht zu“ oder „trifft eher nicht zu“ angekreuzt haben.",
    "Only if you ticked “don't know” at str_01 or you ticked “does not apply at all” or “rather does not apply” at str_02.",
  ],
  [
    "str_01 != 3",
    "Nur wenn Sie bei str_01 „trifft überhaupt nicht zu“, „trifft eher nicht zu“, „trifft eher zu“, „trifft voll zu“, „weiß nicht“ oder „trifft auf meine Tätigkeit nicht zu“ angekreuzt haben.",
    "Only if you ticked “does not apply at all”, “rather does not apply”, “rather applies”, “fully applies”, “don't know” or “not relevant to my work” at str_01.",
  ],
  [
    `${number.id} >= 50 and not answered(str_03)`,
    `Nur wenn Sie bei ${number.id} eine Zahl von mindestens 50 angegeben haben und nicht (Sie bei str_03 eine Antwort gegeben haben).`,
    `Only if you entered a number of at least 50 at ${number.id} and not (you gave an answer at str_03).`,
  ],
];

describe("conditionInstruction", () => {
  for (const lang of ["de", "en"] as const) {
    const plan = planFor(q, lang);
    const refer = referents(plan, lang, (id) => (lang === "de" ? `bei ${id}` : `at ${id}`));
    for (const [source, de, en] of CASES) {
      it(`${lang}: ${source}`, () => {
        const parsed = parseCondition(source);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed));
        expect(conditionInstruction(parsed.condition, lang, refer)).toBe(lang === "de" ? de : en);
      });
    }
    it(`${lang}: a multiple-choice item names the choice to tick`, () => {
      const choice = multi.type === "multi" ? multi.choices[0]! : undefined;
      const parsed = parseCondition(`${multi.id} == '${choice!.code}'`);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed));
      const text = conditionInstruction(parsed.condition, lang, refer);
      expect(text).toContain(choice!.label[lang]!);
    });
  }
});
