// Issue 19: a Google Form created by the generated Apps Script comes back without a mapping file.
// For every bundled department and both external questionnaires: generate the script with the
// built CLI, run it against a stand-in FormApp that knows only Google's documented methods, let
// simulated respondents fill in the form by its titles and labels, download the responses as
// Google Forms writes them, and score: the same assessment.json as the same answers in
// reifegrad's own CSV.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Item, Questionnaire } from "../../src/questionnaire/model.js";
import { textIn } from "../../src/questionnaire/text.js";
import { bundled, type Respondent, respondents, yesnoLabel } from "../survey/fixtures.js";
import { exportCsv, type GfAnswer, runScript } from "../survey/googleforms-sim.js";
import { ownCsv, scored, scoreFile } from "../survey/scoring.js";
import { cli, tempDir } from "./cli.js";

const ALL = bundled();
const CASES = ALL.filter(
  (q) => q.department || q.groups.find((g) => g.id === q.group)?.perspective === "external",
);

/** A respondent answers the form by what it shows: titles, row texts and labels. */
function answerer(q: Questionnaire, r: Respondent, lang: string): GfAnswer {
  const t = (x: Parameters<typeof textIn>[0]) => textIn(x, lang, q.languages);
  const byTitle = new Map(q.items.map((i) => [t(i.text), i]));
  const label = (item: Item, code: string): string => {
    switch (item.type) {
      case "likert":
      case "grid":
        return t(q.scales.get(item.scale)!.options.find((o) => o.code === code)!.label);
      case "single":
      case "multi":
        return t(item.choices.find((c) => c.code === code)!.label);
      case "yesno":
        return yesnoLabel(q, code, lang);
      default:
        return code;
    }
  };
  return (gi, row) => {
    if (gi.title === (lang === "de" ? "Amt" : "Department")) return gi.choices[0];
    if (gi.title === (lang === "de" ? "Befragtengruppe" : "Respondent group"))
      return t(q.groups.find((g) => g.id === r.group)!.name);
    const item = byTitle.get(gi.title);
    if (!item) throw new Error(`no item titled "${gi.title}"`);
    if (item.type === "grid") {
      const rowId = item.rows.find((x) => t(x.text) === row)!.id;
      const code = r.answers.get(`${item.id}[${rowId}]`);
      return code === undefined ? undefined : label(item, code);
    }
    const code = r.answers.get(item.id);
    if (code === undefined) return undefined;
    if (item.type === "multi") return code.split(";").map((c) => label(item, c));
    return label(item, code);
  };
}

describe("Google Forms: Apps Script → form → simulated CSV download → score, no mapping file", () => {
  for (const q of CASES) {
    const external = !q.department;
    const flag = external ? ["--questionnaire", q.id] : ["--department", q.department!.id];
    const langs = q.id === "bauen" || q.id === "citizens" ? ["de", "en"] : ["de"];
    it(`${q.id}: titles as headings, labels as values (${langs.join(", ")})`, () => {
      const dir = tempDir();
      const rs = respondents(q, external ? [q.group] : ["staff", "management"], 6, 31);
      writeFileSync(join(dir, "own.csv"), ownCsv(q, rs));
      const own = scoreFile(join(dir, "own.csv"));
      expect(own.status, own.stderr).toBe(0);
      for (const lang of langs) {
        const out = join(dir, lang);
        const gen = cli(["survey", "googleforms", ...flag, "--lang", lang, "--out", out]);
        expect(gen.status, gen.stderr).toBe(0);
        const file = `googleforms-${external ? q.id : q.department!.id}.gs`;
        const model = runScript(readFileSync(join(out, file), "utf8"));
        // Sections per dimension, the notice in the description, dk/na among the options.
        const pages = model.items.filter((i) => i.type === "page");
        expect(pages.length).toBe(new Set(q.items.map((i) => i.dimension)).size);
        expect(model.description).toContain(
          lang === "de" ? "Freiwilligkeit:" : "Voluntary participation:",
        );
        const scaleItem = model.items.find((i) => i.type === "choice" && i.choices.length === 7);
        // The questionnaire's own missing-answer labels ("trifft auf meine Tätigkeit nicht zu").
        const missing = q.scales
          .get("agree5")!
          .options.filter((o) => o.missing)
          .map((o) => o.label[lang]);
        expect(scaleItem?.choices.slice(-2)).toEqual(missing);
        const csv = join(out, "responses.csv");
        writeFileSync(
          csv,
          exportCsv(
            model,
            rs.map((r) => answerer(q, r, lang)),
            lang,
          ),
        );
        const gf = scoreFile(csv);
        expect(gf.status, `${lang}\n${gf.stderr}`).toBe(0);
        expect(gf.stderr).toContain("googleforms");
        expect(gf.stderr, lang).not.toMatch(/warning|error/);
        expect((gf.a.input as { totals: unknown }).totals).toEqual(
          (own.a.input as { totals: unknown }).totals,
        );
        expect(scored(gf.a), lang).toEqual(scored(own.a));
      }
    });
  }

  it("skip rules and management-only items are said in the help text; same bytes each time", () => {
    const a = tempDir();
    const b = tempDir();
    const r = cli(["survey", "googleforms", "--department", "ordnungsamt", "--out", a]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("note [no-skip-logic]");
    expect(cli(["survey", "googleforms", "--department", "ordnungsamt", "--out", b]).status).toBe(
      0,
    );
    const text = readFileSync(join(a, "googleforms-ordnungsamt.gs"), "utf8");
    expect(readFileSync(join(b, "googleforms-ordnungsamt.gs"), "utf8")).toBe(text);
    const model = runScript(text);
    const help = model.items.map((i) => i.help);
    expect(help.filter((h) => h.includes("Nur für Führungskräfte.")).length).toBe(3);
    expect(help.some((h) => /Nur wenn Sie bei der Frage „Die Stadtverwaltung hat/.test(h))).toBe(
      true,
    );
    expect(model.calls[0]).toBe("FormApp.create");
  });
});
