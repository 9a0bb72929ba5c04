// Issue 19: an XLSForm generated from a questionnaire comes back from KoboToolbox without a mapping
// file. For every bundled department and both external questionnaires: generate the workbook with
// the built CLI, let simulated respondents fill in the form (its `relevant` evaluated as XPath),
// export as KoboToolbox writes CSV (XML values and headers, with and without group paths,
// select_multiple as one column, 1/0 columns or both), and score: the same assessment.json as the
// same answers in reifegrad's own CSV. The workbook's bytes do not depend on clock or time zone.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Questionnaire } from "../../src/questionnaire/model.js";
import { bundled, type Respondent, respondents } from "../survey/fixtures.js";
import { ownCsv, scored, scoreFile } from "../survey/scoring.js";
import { exportKobo, fill, type KoboExport, type Row, readForm } from "../survey/xlsform-sim.js";
import { cli, tempDir } from "./cli.js";

const ALL = bundled();
const CASES = ALL.filter(
  (q) => q.department || q.groups.find((g) => g.id === q.group)?.perspective === "external",
);

/** A respondent answers by field name; every answer must be a choice of the question's list. */
function answerer(q: Questionnaire, r: Respondent, choices: readonly Row[]) {
  const gridRow = new Map<string, string>();
  for (const item of q.items)
    if (item.type === "grid")
      for (const row of item.rows) gridRow.set(`${item.id}_${row.id}`, `${item.id}[${row.id}]`);
  return (row: Row): string | undefined => {
    const name = row.name!;
    const v =
      name === "group"
        ? r.group
        : name === "department"
          ? r.department
          : r.answers.get(gridRow.get(name) ?? name);
    if (v === undefined) return undefined;
    const [type, list] = row.type!.split(" ");
    if (type === "select_one" || type === "select_multiple") {
      const names = new Set(choices.filter((c) => c.list_name === list).map((c) => c.name));
      const picked = v.split(";");
      for (const c of picked) if (!names.has(c)) throw new Error(`${name}: no choice ${c}`);
      return picked.join(" ");
    }
    return v;
  };
}

describe("XLSForm: workbook → KoboToolbox → simulated CSV export → score, no mapping file", () => {
  for (const q of CASES) {
    const external = !q.department;
    const id = external ? q.id : q.department!.id;
    const flag = external ? ["--questionnaire", q.id] : ["--department", id];
    it(`${id}: field names as headings, with and without group paths`, async () => {
      const dir = tempDir();
      const gen = cli(["survey", "xlsform", ...flag, "--out", dir]);
      expect(gen.status, gen.stderr).toBe(0);
      expect(gen.stderr).not.toContain("note [");
      const form = await readForm(readFileSync(join(dir, `xlsform-${id}.xlsx`)));
      const rs = respondents(q, external ? [q.group] : ["staff", "management"], 6, 47);
      writeFileSync(join(dir, "own.csv"), ownCsv(q, rs));
      const own = scoreFile(join(dir, "own.csv"));
      expect(own.status, own.stderr).toBe(0);
      const stored = rs.map((r) => fill(form, answerer(q, r, form.choices)));
      const variants: KoboExport[] = [
        { groups: true, multi: "both" },
        { groups: false, multi: "single" },
        ...(id === "bauen" || id === "buergeramt"
          ? [
              { groups: true, multi: "separate" } as const,
              { groups: false, multi: "both" } as const,
            ]
          : []),
      ];
      for (const v of variants) {
        const file = join(dir, `kobo-${v.groups}-${v.multi}.csv`);
        writeFileSync(file, exportKobo(form, stored, v));
        const k = scoreFile(file);
        expect(k.status, `${JSON.stringify(v)}\n${k.stderr}`).toBe(0);
        expect(k.stderr).toContain("kobotoolbox");
        expect(k.stderr, JSON.stringify(v)).not.toMatch(/warning|error/);
        expect((k.a.input as { totals: unknown }).totals).toEqual(
          (own.a.input as { totals: unknown }).totals,
        );
        expect(scored(k.a), JSON.stringify(v)).toEqual(scored(own.a));
      }
    });
  }

  it("the same bytes on a second run, at another time and in another time zone", async () => {
    const a = tempDir();
    const b = tempDir();
    expect(cli(["survey", "xlsform", "--all", "--out", a], { env: { TZ: "UTC" } }).status).toBe(0);
    await new Promise((r) => setTimeout(r, 2100)); // zip times have a 2-second resolution
    const r = cli(["survey", "xlsform", "--all", "--lang", "de", "--out", b], {
      env: { TZ: "Pacific/Kiritimati" },
    });
    expect(r.status, r.stderr).toBe(0);
    const bytes = readFileSync(join(a, "xlsform-all.xlsx"));
    expect(readFileSync(join(b, "xlsform-all.xlsx")).equals(bytes)).toBe(true);
    const form = await readForm(bytes);
    const dep = form.survey.find((x) => x.name === "department")!;
    expect(dep.type).toBe("select_one departments");
    const bau01 = form.survey.find((x) => x.name === "bau_01")!;
    expect(bau01.relevant).toContain("${department} = 'bauen'");
  });
});
