// Issue 19: a LimeSurvey survey generated from a questionnaire comes back without a mapping file.
// For every bundled department and both external questionnaires: generate the survey with the
// built CLI, let simulated respondents fill it in (LimeSurvey's relevance, as ExpressionScript),
// export as LimeSurvey writes it, and score it: the same assessment.json as the same answers in
// reifegrad's own CSV format.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { answerHeader } from "../../src/questionnaire/answer-columns.js";
import type { Item, Questionnaire } from "../../src/questionnaire/model.js";
import { textIn } from "../../src/questionnaire/text.js";
import { limesurveyCode } from "../../src/responses/import/presets/limesurvey.js";
import { bundled, type Respondent, respondents, yesnoLabel } from "../survey/fixtures.js";
import {
  type ExportOptions,
  exportResponses,
  fill,
  type LsAnswer,
  type LsQuestion,
  readStructure,
} from "../survey/limesurvey-sim.js";
import { cli, tempDir } from "./cli.js";

const ALL = bundled();

function ownCsv(q: Questionnaire, rs: readonly Respondent[]): string {
  const header = answerHeader(q);
  const rows = rs.map((r) =>
    header.map((h) =>
      h === "respondent"
        ? r.id
        : h === "department"
          ? (r.department ?? "")
          : h === "group"
            ? r.group
            : (r.answers.get(h) ?? ""),
    ),
  );
  return stringify([header, ...rows], { record_delimiter: "\n" });
}

/** A respondent answers the LimeSurvey questions by the texts shown in the base language. */
function picker(q: Questionnaire, r: Respondent, lang: string) {
  const t = (x: Parameters<typeof textIn>[0]) => textIn(x, lang, q.languages);
  const byCode = new Map(q.items.map((i) => [limesurveyCode(i.id), i]));
  const label = (item: Item, code: string | undefined): string | undefined => {
    if (code === undefined) return undefined;
    switch (item.type) {
      case "likert":
      case "grid":
        return t(q.scales.get(item.scale)!.options.find((o) => o.code === code)!.label);
      case "single":
        return t(item.choices.find((c) => c.code === code)!.label);
      case "yesno":
        return yesnoLabel(q, code, lang);
      default:
        return code;
    }
  };
  return (lq: LsQuestion, sub?: LsAnswer): string | undefined => {
    if (lq.code === "group") return t(q.groups.find((g) => g.id === r.group)!.name);
    if (lq.code === "department") return t(q.department!.name);
    const item = byCode.get(lq.code);
    if (!item) throw new Error(`no item for LimeSurvey question ${lq.code}`);
    if (item.type === "grid") {
      const row = item.rows.find((x) => limesurveyCode(x.id) === sub!.code)!;
      return label(item, r.answers.get(`${item.id}[${row.id}]`));
    }
    if (item.type === "multi") {
      const choice = item.choices.find((c) => limesurveyCode(c.code) === sub!.code)!;
      return (r.answers.get(item.id) ?? "").split(";").includes(choice.code) ? "Y" : undefined;
    }
    return label(item, r.answers.get(item.id));
  };
}

function score(file: string): { status: number; stderr: string; a: Record<string, unknown> } {
  const out = tempDir();
  const r = cli(["score", file, "--out", out, "--format", "json", "--date", "2026-03-31"]);
  const a = r.status === 0 ? JSON.parse(readFileSync(join(out, "assessment.json"), "utf8")) : {};
  return { status: r.status, stderr: r.stderr, a };
}

/** The assessment without the account of the input files (names, presets, column counts). */
function scored(a: Record<string, unknown>): Record<string, unknown> {
  const { input, ...rest } = a;
  return rest;
}

const CASES = ALL.filter(
  (q) => q.department || q.groups.find((g) => g.id === q.group)?.perspective === "external",
);

describe("LimeSurvey: generated survey → simulated export → score, no mapping file", () => {
  for (const q of CASES) {
    const external = !q.department;
    const flag = external ? ["--questionnaire", q.id] : ["--department", q.department!.id];
    it(`${q.id}: codes or full-text headings, answer texts (and codes where they fit), de and en`, () => {
      const dir = tempDir();
      const gen = cli(["survey", "limesurvey", ...flag, "--lang", "de", "--out", dir]);
      expect(gen.status, gen.stderr).toBe(0);
      const survey = readStructure(
        readFileSync(join(dir, `limesurvey-${external ? q.id : q.department!.id}.txt`), "utf8"),
      );
      const groups = external ? [q.group] : ["staff", "management"];
      const rs = respondents(q, groups, 6, 19);
      const stored = rs.map((r) => fill(survey, picker(q, r, "de")));
      writeFileSync(join(dir, "own.csv"), ownCsv(q, rs));
      const own = score(join(dir, "own.csv"));
      expect(own.status, own.stderr).toBe(0);
      expect((own.a.input as { totals: { scored: number } }).totals.scored).toBe(rs.length);
      // Every heading style and export language for one department, two for the others (time).
      const variants: ExportOptions[] =
        q.id === "bauen"
          ? [
              { headings: "code", answers: "long", lang: "de" },
              { headings: "full", answers: "long", lang: "de" },
              { headings: "full", answers: "long", lang: "en" },
              { headings: "code", answers: "long", lang: "en" },
            ]
          : [
              { headings: "code", answers: "long", lang: "de" },
              { headings: "full", answers: "long", lang: "en" },
            ];
      // Answer codes read back too: long codes get LimeSurvey's short ones by the shared rule.
      variants.push({ headings: "code", answers: "short", lang: "de" });
      for (const v of variants) {
        const file = join(dir, `results-${v.headings}-${v.answers}-${v.lang}.csv`);
        writeFileSync(file, exportResponses(survey, stored, v));
        const ls = score(file);
        expect(ls.status, `${JSON.stringify(v)}\n${ls.stderr}`).toBe(0);
        expect(ls.stderr, JSON.stringify(v)).not.toMatch(/warning|error/);
        expect((ls.a.input as { totals: unknown }).totals).toEqual(
          (own.a.input as { totals: unknown }).totals,
        );
        expect(scored(ls.a), JSON.stringify(v)).toEqual(scored(own.a));
      }
    });
  }
});

describe("survey: usage errors and determinism", () => {
  it("an unknown department or target is a usage error (exit 2) without a stack trace", () => {
    const dir = tempDir();
    const dep = cli(["survey", "limesurvey", "--department", "nope", "--out", dir]);
    expect(dep.status).toBe(2);
    expect(dep.stderr).toContain('unknown department "nope" (known: bauen, bildung');
    expect(dep.stderr).not.toMatch(/\n\s+at /);
    const target = cli(["survey", "surveymonkey", "--department", "bauen", "--out", dir]);
    expect(target.status).toBe(2);
    expect(target.stderr).toContain('unknown survey target "surveymonkey"');
    const both = cli(["survey", "limesurvey", "--department", "bauen", "--all", "--out", dir]);
    expect(both.status).toBe(2);
  });

  it("the same inputs give the same bytes (one survey for all departments)", () => {
    const a = tempDir();
    const b = tempDir();
    expect(cli(["survey", "limesurvey", "--all", "--out", a]).status).toBe(0);
    expect(cli(["survey", "limesurvey", "--all", "--out", b, "--lang", "de"]).status).toBe(0);
    const text = readFileSync(join(a, "limesurvey-all.txt"), "utf8");
    expect(readFileSync(join(b, "limesurvey-all.txt"), "utf8")).toBe(text);
    const s = readStructure(text);
    const first = s.groups.de![0]!.questions[0]!;
    expect(first.code).toBe("department");
    expect(first.answers.length).toBe(8);
    // A department's own item is asked only of that department.
    const bau01 = s.groups.de!.flatMap((g) => g.questions).find((x) => x.code === "bau01")!;
    expect(bau01.relevance).toContain("department.NAOK == 'bauen'");
  });
});
