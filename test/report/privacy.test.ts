// No suppressed group appears with numbers in any format; texts are escaped; CSV cells cannot
// run as formulas.
import { Chalk } from "chalk";
import { describe, expect, test } from "vitest";
import { renderItemAnswersCsv, renderItemsCsv, renderScoresCsv } from "../../src/report/csv.js";
import { renderHtml } from "../../src/report/html.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderTerminal } from "../../src/report/terminal.js";
import { visibleItems } from "../../src/report/view.js";
import type { Assessment, Unit } from "../../src/scoring/assessment.js";
import { DEFAULT_SETTINGS } from "../../src/scoring/assessment.js";
import { Scorer } from "../../src/scoring/score.js";
import { neutralise } from "../../src/util/csv-text.js";
import {
  DEPARTMENT_NAMES,
  fixtureQuestionnaires,
  fixtureRecords,
  loadWave,
} from "./fixture-data.js";

const plain = new Chalk({ level: 0 });
const a = loadWave("2024");

function allOutputs(x: Assessment): Record<string, string> {
  const out: Record<string, string> = {};
  for (const lang of ["de", "en"] as const) {
    out[`terminal.${lang}`] = renderTerminal(x, { lang, color: plain });
    out[`md.${lang}`] = renderMarkdown(x, { lang });
    out[`html.${lang}`] = renderHtml(x, { lang });
  }
  out.scores = renderScoresCsv(x);
  out.items = renderItemsCsv(x);
  out.answers = renderItemAnswersCsv(x);
  return out;
}

describe("suppression", () => {
  test("the fixture has a department of 3 respondents that is suppressed", () => {
    const rpa = a.departments.find((d) => d.id === "rpa")!;
    expect(rpa.suppressed).toBe("below-minimum");
    expect(rpa.respondents).toBeNull();
  });

  test("suppressed departments appear only with a note, never with numbers", () => {
    const outputs = allOutputs(a);
    const names = ["Rechnungsprüfungsamt", "Audit office", "Soziales", "Social services"];
    for (const [format, text] of Object.entries(outputs)) {
      for (const line of text.split("\n")) {
        if (!names.some((n) => line.includes(n))) continue;
        // Remove the one number a note may carry (k) and markup; nothing numeric may remain.
        const stripped = line
          .replace(/<[^>]*>/g, "")
          .replace(/(weniger als|fewer than) 5/g, "")
          .replace(/&#?\w+;/g, "");
        expect(stripped, `${format}: ${line}`).not.toMatch(/\d/);
      }
    }
  });

  test("CSV rows of suppressed units carry no numbers; items of suppressed units are absent", () => {
    const rows = renderScoresCsv(a)
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("rpa,") || l.startsWith("soziales,"));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows)
      expect(r).toMatch(
        /^(rpa|soziales),department,,\w+,,,,,,,,(L\d)?,,(below-minimum|secondary),,$/,
      );
    for (const text of [renderItemsCsv(a), renderItemAnswersCsv(a)]) {
      expect(text).not.toMatch(/^rpa,/m);
      expect(text).not.toMatch(/^soziales,/m);
    }
  });

  test("an administration item only a suppressed department was asked never shows", () => {
    // bauen (the only questionnaire with bau_01) with 3 respondents: suppressed.
    const qs = fixtureQuestionnaires();
    const scorer = new Scorer(qs, {
      settings: DEFAULT_SETTINGS,
      departmentNames: DEPARTMENT_NAMES,
    });
    for (const r of fixtureRecords(7, 0, [
      { department: "bauen", group: "staff", n: 3, level: 2 },
      { department: "ordnung", group: "staff", n: 9, level: 3 },
      { department: "soziales", group: "staff", n: 8, level: 4 },
    ]))
      scorer.add(r);
    const x = scorer.finish();
    expect(x.departments.find((d) => d.id === "bauen")?.suppressed).toBeDefined();
    // The scorer no longer lists it; an assessment written before that did (legacy shape).
    const bau = x.departments.find((d) => d.id === "ordnung")!.items![0]!;
    const legacy: Assessment = {
      ...x,
      administration: {
        ...x.administration,
        items: [
          ...(x.administration.items ?? []),
          { ...bau, id: "bau_01", dimension: "services", n: 11, counts: { "1": 11 } },
        ],
      },
    };
    for (const y of [x, legacy]) {
      expect(visibleItems(y, y.administration).some((i) => i.id === "bau_01")).toBe(false);
      const outputs = allOutputs(y);
      for (const key of ["items", "answers"]) expect(outputs[key]).not.toContain("bau_01");
      expect(outputs["html.de"]).not.toContain("dist-bau_01");
    }
  });
});

describe("the sentence under a table that lost cells", () => {
  test("says why in the report's language, once per affected table", () => {
    const de = renderMarkdown(a, { lang: "de" });
    const en = renderMarkdown(a, { lang: "en" });
    expect(de).toContain("„verdeckt“ steht für Gruppen mit weniger als 5 Befragten");
    expect(en).toContain("“suppressed” marks groups of fewer than 5 respondents");
    // ordnung (9) is shown without median, sd and CI: its tables say why.
    expect(de).toContain("erst ab 10 Befragten gezeigt");
    expect(en).toContain("shown from 10 respondents only");
    expect(renderTerminal(a, { lang: "en", color: plain })).toContain(
      "“suppressed” marks groups of fewer than 5 respondents",
    );
    // Every sentence follows a table (or the heatmap), never stands alone elsewhere.
    const lines = de.split("\n");
    lines.forEach((line, i) => {
      if (line.startsWith("„verdeckt“ steht für") || line.startsWith("Median, Std.-Abw."))
        expect(lines[i - 2]?.startsWith("|"), `line ${i}: ${line}`).toBe(true);
    });
  });

  test("small-cell records are summarised, never listed with numbers", () => {
    const md = renderMarkdown(a, { lang: "en" });
    expect(md).toMatch(/\d+ cells of 5 to 9 respondents: without median/);
    expect(a.suppression.records.some((r) => r.reason === "small-cell")).toBe(true);
    for (const r of a.suppression.records) expect(Object.keys(r).sort()).not.toContain("n");
  });
});

describe("escaping", () => {
  const evil = `<script>alert(1)</script> & "quotes" 'single'`;
  const renamed = (u: Unit): Unit => ({ ...u, name: evil, names: { de: evil, en: evil } });
  const x: Assessment = {
    ...a,
    departments: a.departments.map((d) => (d.id === "bauen" ? renamed(d) : d)),
  };

  test("HTML escapes department names everywhere", () => {
    for (const lang of ["de", "en"] as const) {
      const html = renderHtml(x, { lang });
      expect(html).not.toContain("<script");
      expect(html).not.toContain(evil);
      expect(html).toContain(
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;",
      );
    }
  });

  test("Markdown escapes HTML and table syntax", () => {
    const md = renderMarkdown(x, { lang: "en" });
    expect(md).not.toContain("<script>");
    expect(md).toContain("\\<script\\>");
  });
});

describe("CSV", () => {
  test("formula-like text cells are neutralised", () => {
    for (const s of ["=cmd|' /C calc'!A0", "+1", "-x", "@SUM(A1)", "\tx", "\rx"])
      expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise("bauen")).toBe("bauen");
  });

  test("a department id like a formula is neutralised, negative numbers stay numbers", () => {
    const x: Assessment = {
      ...a,
      departments: a.departments.map((d) =>
        d.id === "ordnung" ? { ...d, id: "=HYPERLINK(1)" } : d,
      ),
    };
    const csv = renderScoresCsv(x);
    expect(csv).toContain("'=HYPERLINK(1),department");
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(csv).toMatch(/,-\d+(\.\d+)?,/); // a negative gap, unquoted, no apostrophe
  });

  test("--excel: BOM, semicolons, decimal comma, CRLF", () => {
    const csv = renderScoresCsv(a, { excel: true });
    expect(csv.startsWith("\uFEFFunit;unit_kind;")).toBe(true);
    expect(csv).toContain("\r\n");
    expect(csv).toMatch(/;\d+,\d+;/);
  });
});
