// Response rates, free-text answers (only with includeFreeText) and suppressed items, in every
// format that shows them.
import { Chalk } from "chalk";
import { describe, expect, test } from "vitest";
import { renderItemAnswersCsv, renderItemsCsv, renderScoresCsv } from "../../src/report/csv.js";
import { renderHtml } from "../../src/report/html.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderReportFiles } from "../../src/report/render.js";
import { renderTerminal } from "../../src/report/terminal.js";
import type { Assessment, ItemResult, Unit } from "../../src/scoring/assessment.js";
import { loadWave } from "./fixture-data.js";

const plain = new Chalk({ level: 0 });
const a = loadWave("2024");
const LANGS = ["de", "en"] as const;

const mapDepartments = (x: Assessment, f: (u: Unit) => Unit): Assessment => ({
  ...x,
  departments: x.departments.map(f),
});

async function everything(
  x: Assessment,
  includeFreeText: boolean,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const lang of LANGS) {
    out[`terminal.${lang}`] = renderTerminal(x, { lang, color: plain });
    for (const f of await renderReportFiles(x, ["json", "md", "html", "csv"], {
      lang,
      includeFreeText,
    }))
      out[`${f.name}.${lang}`] = f.content;
  }
  return out;
}

describe("response rates", () => {
  test("respondents / headcount (rate) in the terminal, Markdown and HTML", () => {
    const terminal = renderTerminal(a, { lang: "en", color: plain });
    expect(terminal).toMatch(/Public order office\s+9\s+9 \/ 40 \(23%\) !/);
    expect(terminal).toMatch(/Building & planning\s+12\s+12 \/ 20 \(60%\)/);
    expect(terminal).toContain(
      "! Low response rate (Public order office): below 30% – the results may not\ngeneralise",
    );
    const md = renderMarkdown(a, { lang: "de" });
    expect(md).toContain("Befragte: 9 / 40 (23 %).");
    expect(md).toContain("| Ordnungsamt | 9 | 9 / 40 (23 %) ⚠ |");
    expect(md).toContain("| Ordnungsamt | 9 | 40 | 23 % ⚠ |");
    expect(md).toContain(
      "**⚠ Niedriger Rücklauf** (Ordnungsamt): unter 30 % – die Ergebnisse lassen sich möglicherweise nicht",
    );
    const html = renderHtml(a, { lang: "en" });
    expect(html).toContain("<p>Respondents: 9 / 40 (23%).");
    expect(html).toContain("<strong>⚠ Low response rate</strong>: below 30%");
  });

  test("scores.csv: headcount and response_rate appended; empty for groups and suppressed units", () => {
    const lines = renderScoresCsv(a).trim().split("\n");
    expect(lines[0]).toMatch(/,suppressed,headcount,response_rate$/);
    expect(lines.find((l) => l.startsWith("ordnung,department,,strategy,"))).toMatch(/,40,0\.225$/);
    expect(lines.find((l) => l.startsWith("ordnung,department,staff,"))).toMatch(/,,$/);
    for (const l of lines.filter((x) => x.startsWith("rpa,"))) expect(l).toMatch(/,,$/);
    expect(renderScoresCsv(a, { excel: true })).toContain(";40;0,225\r\n");
  });

  test("a suppressed unit never shows a rate, even if the file carried one", async () => {
    const x = mapDepartments(a, (d) =>
      d.id === "rpa" ? { ...d, headcount: 10, responseRate: 0.3, lowResponseRate: false } : d,
    );
    for (const [name, text] of Object.entries(await everything(x, false))) {
      if (name.startsWith("assessment.json")) continue;
      expect(text, name).not.toMatch(/\/ 10 \(|,10,0\.3$/m);
    }
  });

  test("without headcounts there is no rate column and no warning", () => {
    const strip = (u: Unit): Unit => {
      const { headcount: _h, responseRate: _r, lowResponseRate: _l, ...rest } = u;
      return rest;
    };
    const x: Assessment = { ...mapDepartments(a, strip), administration: strip(a.administration) };
    for (const lang of LANGS) {
      const md = renderMarkdown(x, { lang });
      expect(md).not.toContain("⚠");
      expect(md).not.toMatch(/Rücklauf \||Response rate \|/);
      expect(renderTerminal(x, { lang, color: plain })).not.toMatch(/Rücklauf|Response rate/);
    }
    expect(renderScoresCsv(x)).toMatch(/^administration,administration,,strategy,.*,,$/m);
  });
});

describe("free-text answers", () => {
  const evil = "<script>alert(1)</script> & mehr";
  const withText: Assessment = {
    ...mapDepartments(a, (d) =>
      d.id === "ordnung"
        ? {
            ...d,
            freeText: [
              { item: "srv_01", answers: ["- Formulare vereinfachen", evil] },
              { item: "txt_wish", answers: ["Mehr Schulungen"] },
            ],
          }
        : d.id === "rpa"
          ? { ...d, freeText: [{ item: "txt_wish", answers: ["SECRET-RPA"] }] }
          : d,
    ),
    administration: {
      ...a.administration,
      freeText: [{ item: "txt_wish", answers: ["Mehr Schulungen"] }],
    },
  };
  const answers = ["Formulare vereinfachen", "Mehr Schulungen", "alert(1)"];

  test("with the option: a section per unit, item text or id, answers as an escaped list", () => {
    const md = renderMarkdown(withText, { lang: "de", includeFreeText: true });
    expect(md).toContain("[Freitextantworten](#free-text)");
    expect(md).toContain("### Ordnungsamt");
    expect(md).toContain("`srv_01` Unsere Leistungen sind online beantragbar. (n = 2)");
    expect(md).toContain("`txt_wish` (n = 1)");
    expect(md).toContain("- \\- Formulare vereinfachen");
    expect(md).toContain("- \\<script\\>alert(1)\\</script\\> & mehr");
    expect(md).toContain("- Mehr Schulungen");
    const html = renderHtml(withText, { lang: "en", includeFreeText: true });
    expect(html).toContain(
      '<section id="free-text" aria-labelledby="free-text-h">\n<h2 id="free-text-h">Free-text answers</h2>',
    );
    expect(html).toContain("<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; mehr</li>");
    expect(html).not.toContain("<script>");
    // The administration's list is the departments' union: not repeated.
    expect(md.split("Mehr Schulungen").length).toBe(2);
  });

  test("a suppressed unit's free text never shows", async () => {
    for (const [name, text] of Object.entries(await everything(withText, true)))
      if (!name.startsWith("assessment.json")) expect(text, name).not.toContain("SECRET-RPA");
  });

  test("without the option free text appears in no format, not even assessment.json", async () => {
    for (const [name, text] of Object.entries(await everything(withText, false))) {
      for (const s of answers) expect(text, name).not.toContain(s);
      expect(text, name).not.toMatch(/Freitextantworten\]|Free-text answers\]|"freeText"/);
    }
    expect(renderJson(withText, { includeFreeText: true })).toContain('"freeText"');
  });

  test("the administration's list shows when no department has free text", () => {
    const x: Assessment = {
      ...a,
      administration: { ...a.administration, freeText: [{ item: "t1", answers: ["nur hier"] }] },
    };
    expect(renderMarkdown(x, { lang: "de", includeFreeText: true })).toContain("- nur hier");
    expect(renderMarkdown(a, { lang: "de", includeFreeText: true })).toContain(
      "Keine Freitextantworten.",
    );
  });
});

describe("suppressed items", () => {
  const hidden = (i: ItemResult): ItemResult => ({
    id: i.id,
    dimension: i.dimension,
    n: 0,
    dontKnow: 0,
    notApplicable: 0,
    blank: 0,
    skipped: 0,
    counts: {},
    suppressed: "below-minimum",
  });
  const x: Assessment = {
    ...a,
    administration: {
      ...a.administration,
      items: a.administration.items!.map((i) =>
        i.id === "srv_02"
          ? hidden(i)
          : // Written before items carried `suppressed`: asked of 4 < k.
            i.id === "str_02"
            ? { ...i, n: 3, dontKnow: 1, blank: 0, notApplicable: 0, counts: { "4": 3, dk: 1 } }
            : i,
      ),
    },
  };

  test("Markdown: a note instead of counts", () => {
    const md = renderMarkdown(x, { lang: "de" });
    expect(md).toContain(
      "| srv\\_02: Bescheide werden elektronisch zugestellt. | _verdeckt (weniger als 5 gefragt)_ |  |  |  |  |",
    );
    expect(md).toContain("| str\\_02: Die Leitung unterstützt die Digitalisierung. | _verdeckt");
    expect(renderMarkdown(x, { lang: "en" })).toContain("_suppressed (fewer than 5 asked)_");
  });

  test("HTML: no bar, a note", () => {
    const html = renderHtml(x, { lang: "en" });
    expect(html).not.toContain("dist-srv_02");
    // The item keeps its row in the chart, with the note instead of a bar.
    expect(html).toMatch(
      /<g class="dist-suppressed"><text[^>]*>srv_02 Notices are delivered electronically\.<\/text><text[^>]*>suppressed \(fewer than 5 asked\)<\/text><\/g>/,
    );
    expect(html).toContain("dist-prc_01");
  });

  test("items.csv: a suppressed column and no numbers; item-answers.csv: no rows", () => {
    const items = renderItemsCsv(x);
    expect(items.split("\n")[0]).toMatch(/,skipped,suppressed$/);
    expect(items).toContain("administration,administration,srv_02,services,,,,,,,below-minimum\n");
    expect(items).toContain("administration,administration,str_02,strategy,,,,,,,below-minimum\n");
    expect(items).toMatch(/^administration,administration,prc_01,processes,28,[\d.]+,2,0,0,0,$/m);
    const answersCsv = renderItemAnswersCsv(x);
    expect(answersCsv).not.toMatch(/^administration,administration,(srv_02|str_02),/m);
    expect(answersCsv).toMatch(/^administration,administration,prc_01,/m);
  });
});
