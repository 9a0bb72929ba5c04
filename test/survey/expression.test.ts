// Issue 19: a skip rule (`when`) and a management-only item behave the same in the generated
// LimeSurvey logic as in `reifegrad run`. Table-driven: each row is a condition and the answers;
// the relevance equation the generator writes (evaluated as ExpressionScript) must agree with
// reifegrad's own evaluation (when.ts) and with the interview's group rule.
import { describe, expect, it } from "vitest";
import type { Condition, Questionnaire } from "../../src/questionnaire/model.js";
import { evaluateCondition, parseCondition } from "../../src/questionnaire/when.js";
import { limesurveyCode } from "../../src/responses/import/presets/limesurvey.js";
import { EXPRESSION_SCRIPT, type Operand, translate } from "../../src/survey/expression.js";
import { limesurveyStructure } from "../../src/survey/limesurvey.js";
import { limesurveyAnswerCodes } from "../../src/survey/limesurvey-codes.js";
import { planFor } from "../../src/survey/plan.js";
import { evaluateExpressionScript } from "./expression-script.js";
import { bundled } from "./fixtures.js";
import { readStructure } from "./limesurvey-sim.js";

// A questionnaire-independent world: a likert item, a grid with a shortened code, a yes/no item,
// a multi item, a number and a text.
const LIST = ["1", "2", "3", "4", "5", "dk", "na"];
const GRID = ["none", "planned", "done", "dk"];
const ops = new Map<string, Operand>();
const list = (id: string, codes: readonly string[]): Operand => {
  const m = limesurveyAnswerCodes(codes);
  return { kind: "code", value: `${limesurveyCode(id)}.NAOK`, code: (c) => m.get(c) ?? c };
};
ops.set("str_01", list("str_01", LIST));
ops.set("bau_05[xplan]", { ...list("bau_05", GRID), value: "bau05_xplan.NAOK" });
ops.set("ord_01", list("ord_01", ["yes", "no", "dk", "na"]));
ops.set("bua_06", {
  kind: "multi",
  value: "bua06.NAOK",
  code: (c) => c,
  choice: (c) => `bua06_${limesurveyCode(c)}.NAOK`,
  choices: ["reminder", "waiting", "none"].map((c) => `bua06_${c}.NAOK`),
});
ops.set("fin_02", { kind: "number", value: "fin02.NAOK", code: (c) => c });
ops.set("soz_09", { kind: "text", value: "soz09.NAOK", code: (c) => c });

/** The LimeSurvey values of reifegrad answers. */
function lsVars(answers: Readonly<Record<string, string>>): (name: string) => string {
  return (name) => {
    if (name.startsWith("bua06_")) {
      const chosen = (answers.bua_06 ?? "").split(";");
      return chosen.includes(name.slice(6)) ? "Y" : "";
    }
    for (const [ref, o] of ops) {
      if (o.value === `${name}.NAOK`)
        return answers[ref] === undefined ? "" : o.code(answers[ref]!);
    }
    return "";
  };
}

const CONDITIONS = [
  "str_01 >= 3",
  "str_01 < 3",
  "str_01 == 4",
  "str_01 != 4",
  "str_01 == dk",
  "str_01 in [1, 2, na]",
  "not (str_01 >= 3)",
  "answered(str_01)",
  "not answered(str_01)",
  "bau_05[xplan] == planned",
  "bau_05[xplan] in [planned, done]",
  "bau_05[xplan] != planned",
  "ord_01 == 'yes'",
  "ord_01 == true",
  "ord_01 != no",
  "bua_06 == waiting",
  "bua_06 in [reminder, none]",
  "bua_06 != waiting",
  "answered(bua_06)",
  "fin_02 > 10",
  "fin_02 <= 10.5",
  "fin_02 == 12",
  "fin_02 != 12",
  "soz_09 == 'x'",
  "answered(soz_09)",
  "str_01 >= 3 and (ord_01 == yes or bua_06 == none)",
  "not (str_01 == 5 or fin_02 < 1)",
];
const ANSWERS: Readonly<Record<string, string>>[] = [
  {},
  {
    str_01: "4",
    "bau_05[xplan]": "planned",
    ord_01: "yes",
    bua_06: "waiting",
    fin_02: "12",
    soz_09: "x",
  },
  { str_01: "2", "bau_05[xplan]": "done", ord_01: "no", bua_06: "reminder;none", fin_02: "10.5" },
  { str_01: "dk", "bau_05[xplan]": "dk", ord_01: "dk", bua_06: "none", fin_02: "0", soz_09: "y" },
  { str_01: "na", ord_01: "na", fin_02: "11" },
  { str_01: "5", "bau_05[xplan]": "none", bua_06: "reminder;waiting" },
  { str_01: "3", fin_02: "9" },
];

describe("when → ExpressionScript agrees with reifegrad's evaluation", () => {
  for (const source of CONDITIONS) {
    it(source, () => {
      const parsed = parseCondition(source);
      expect(parsed.ok).toBe(true);
      const cond = (parsed as { condition: Condition }).condition;
      const expr = translate(cond, EXPRESSION_SCRIPT, (ref) => ops.get(ref));
      for (const answers of ANSWERS) {
        const expected = evaluateCondition(cond, (k) => answers[k]);
        expect(
          evaluateExpressionScript(expr, lsVars(answers)),
          `${expr} with ${JSON.stringify(answers)}`,
        ).toBe(expected);
      }
    });
  }
});

describe("the generated relevance of every bundled item agrees with the interview", () => {
  const all = bundled();
  const q = all.find((x) => x.id === "ordnungsamt") as Questionnaire;
  const survey = readStructure(limesurveyStructure(planFor(q, "de")).text);
  const questions = survey.groups.de!.flatMap((g) => g.questions);
  const groupCode = (g: string) =>
    questions
      .find((x) => x.code === "group")!
      .answers.find((a) => a.text === (g === "staff" ? "Beschäftigte" : "Führungskräfte"))!.code;
  it.each([
    ["staff", { str_01: "3", ord_01: "yes" }],
    ["management", { str_01: "2", ord_01: "no" }],
    ["management", { str_01: "dk" }],
    ["staff", {}],
  ] as const)("group %s, answers %j", (group, answers: Readonly<Record<string, string>>) => {
    const vars = (name: string) => {
      if (name === "group") return groupCode(group);
      const item = q.items.find((i) => limesurveyCode(i.id) === name);
      return item && answers[item.id] !== undefined ? answers[item.id]! : "";
    };
    for (const item of q.items) {
      const lq = questions.find((x) => x.code === limesurveyCode(item.id))!;
      const asked =
        (!item.groups || item.groups.includes(group)) &&
        (!item.when || evaluateCondition(item.when, (k) => answers[k]));
      expect(evaluateExpressionScript(lq.relevance, vars), `${item.id}: ${lq.relevance}`).toBe(
        asked,
      );
    }
  });
});
