// Issue 19, XLSForm: the workbook is well-formed XLSForm (xlsform.org: sheets and columns, names,
// choice lists, relevant syntax), and a skip rule or a management-only item behaves in the form as
// in `reifegrad run` (table-driven over the translator, evaluated as XPath).
import { describe, expect, it } from "vitest";
import type { Condition, Questionnaire } from "../../src/questionnaire/model.js";
import { evaluateCondition, parseCondition } from "../../src/questionnaire/when.js";
import { type Operand, translate, XLSFORM_XPATH } from "../../src/survey/expression.js";
import { planFor, planForAll } from "../../src/survey/plan.js";
import { XLSFORM_NAME, xlsform } from "../../src/survey/xlsform.js";
import { xlsxWorkbook } from "../../src/survey/xlsx.js";
import { bundled } from "./fixtures.js";
import { evaluateXPath, type Form, readForm } from "./xlsform-sim.js";

const ALL = bundled();
const CASES = ALL.filter(
  (q) => q.department || q.groups.find((g) => g.id === q.group)?.perspective === "external",
);

async function formOf(plan: Parameters<typeof xlsform>[0]): Promise<Form> {
  return readForm(await xlsxWorkbook(xlsform(plan).sheets));
}

describe("the workbook is well-formed XLSForm", () => {
  const plans = [
    ...CASES.map((q) => planFor(q, "de")),
    planFor(ALL.find((q) => q.id === "citizens")!, "en"),
    planForAll(
      ALL.filter((q) => q.department),
      "de",
    ),
  ];
  for (const plan of plans) {
    it(`${plan.id} (${plan.languages[0]})`, async () => {
      const form = await formOf(plan);
      const langs = plan.languages.map((l) => (l === "de" ? "Deutsch (de)" : "English (en)"));
      for (const col of ["type", "name", "required", "relevant", "appearance"])
        expect(form.headers.survey).toContain(col);
      for (const l of langs) {
        expect(form.headers.survey).toContain(`label::${l}`);
        expect(form.headers.survey).toContain(`hint::${l}`);
        expect(form.headers.choices).toContain(`label::${l}`);
      }
      expect(form.headers.choices!.slice(0, 2)).toEqual(["list_name", "name"]);
      expect(form.headers.settings).toEqual([
        "form_title",
        "form_id",
        "version",
        "default_language",
      ]);
      expect(form.settings[0]!.default_language).toBe(langs[0]);
      expect(form.settings[0]!.form_id).toMatch(XLSFORM_NAME);
      // The notice first; names legal and unique; groups balanced.
      expect(form.survey[0]!.type).toBe("note");
      expect(form.survey[0]![`label::${langs[0]}`]).toContain(
        plan.languages[0] === "de" ? "Freiwilligkeit:" : "Voluntary participation:",
      );
      const names = form.survey.filter((r) => r.type !== "end_group").map((r) => r.name!);
      for (const n of names) expect(n, n).toMatch(XLSFORM_NAME);
      expect(new Set(names).size).toBe(names.length);
      let depth = 0;
      for (const r of form.survey) {
        depth += r.type === "begin_group" ? 1 : r.type === "end_group" ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
      const lists = new Set(form.choices.map((c) => c.list_name));
      const known = /^(note|begin_group|end_group|calculate|decimal|integer|text)$/;
      for (const r of form.survey) {
        const [type, list] = r.type!.split(" ");
        if (type === "select_one" || type === "select_multiple") {
          expect(lists.has(list!), `${r.name}: list ${list}`).toBe(true);
        } else expect(r.type, r.name).toMatch(known);
        if (r.type !== "calculate" && r.type !== "end_group")
          expect(r[`label::${langs[0]}`], r.name).not.toBe("");
        // relevant parses (evaluated on an empty form) and yields a boolean.
        if (r.relevant) expect(typeof evaluateXPath(r.relevant, () => "")).toBe("boolean");
      }
      for (const c of form.choices) expect(c.name, c.list_name).toMatch(/^\S+$/);
      // Scale items are select_one with dk and na among the choices.
      const scale = form.survey.find((r) => r.type === "select_one scale_agree5");
      if (scale)
        expect(
          form.choices.filter((c) => c.list_name === "scale_agree5").map((c) => c.name),
        ).toEqual(["1", "2", "3", "4", "5", "dk", "na"]);
    });
  }
});

// A questionnaire-independent world, as test/survey/expression.test.ts: a likert item, a grid
// row, a yes/no item, a multi item, a number and a text.
const ops = new Map<string, Operand>();
const code = (c: string) => c;
ops.set("str_01", { kind: "code", value: "${str_01}", code });
ops.set("bau_05[xplan]", { kind: "code", value: "${bau_05_xplan}", code });
ops.set("ord_01", { kind: "code", value: "${ord_01}", code });
ops.set("bua_06", { kind: "multi", value: "${bua_06}", code });
ops.set("fin_02", { kind: "number", value: "${fin_02}", code });
ops.set("soz_09", { kind: "text", value: "${soz_09}", code });
const FIELD: Readonly<Record<string, string>> = {
  str_01: "str_01",
  bau_05_xplan: "bau_05[xplan]",
  ord_01: "ord_01",
  bua_06: "bua_06",
  fin_02: "fin_02",
  soz_09: "soz_09",
};

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

describe("when → XLSForm relevant agrees with reifegrad's evaluation", () => {
  for (const source of CONDITIONS) {
    it(source, () => {
      const parsed = parseCondition(source);
      expect(parsed.ok).toBe(true);
      const cond = (parsed as { condition: Condition }).condition;
      const expr = translate(cond, XLSFORM_XPATH, (ref) => ops.get(ref));
      for (const answers of ANSWERS) {
        const vars = (name: string) => (answers[FIELD[name]!] ?? "").split(";").join(" ");
        expect(evaluateXPath(expr, vars), `${expr} with ${JSON.stringify(answers)}`).toBe(
          evaluateCondition(cond, (k) => answers[k]),
        );
      }
    });
  }
});

describe("the generated relevant of every bundled item agrees with the interview", () => {
  const q = ALL.find((x) => x.id === "ordnungsamt") as Questionnaire;
  it.each([
    ["staff", { str_01: "3", ord_01: "yes" }],
    ["management", { str_01: "2", ord_01: "no" }],
    ["management", { str_01: "dk" }],
    ["staff", {}],
  ] as const)("group %s, answers %j", async (group, answers: Readonly<Record<string, string>>) => {
    const form = await formOf(planFor(q, "de"));
    const vars = (name: string) =>
      name === "group" ? group : name === "department" ? "ordnungsamt" : (answers[name] ?? "");
    for (const item of q.items) {
      const row = form.survey.find((x) => x.name === item.id)!;
      const asked =
        (!item.groups || item.groups.includes(group)) &&
        (!item.when || evaluateCondition(item.when, (k) => answers[k]));
      const relevant = row.relevant ? evaluateXPath(row.relevant, vars) : true;
      expect(relevant, `${item.id}: ${row.relevant}`).toBe(asked);
    }
  });
});
