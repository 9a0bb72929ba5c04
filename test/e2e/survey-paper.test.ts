// Issue 19: the paper form and its data-entry template. For every bundled department and both
// external questionnaires: generate the form with the built CLI, let simulated respondents tick
// boxes by their labels, type the code printed by each ticked box into the template, and score
// it: the same assessment.json as the same answers in reifegrad's own CSV. And the form prints on
// A4 without cut-off text (Chromium, where it exists).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import type { Item, Questionnaire } from "../../src/questionnaire/model.js";
import { textIn } from "../../src/questionnaire/text.js";
import { bundled, type Respondent, respondents, yesnoLabel } from "../survey/fixtures.js";
import { ownCsv, scored, scoreFile } from "../survey/scoring.js";
import { chromiumAvailable, openChromium } from "./chromium.js";
import { cli, tempDir } from "./cli.js";

const ALL = bundled();
const CASES = ALL.filter(
  (q) => q.department || q.groups.find((g) => g.id === q.group)?.perspective === "external",
);

const unhtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** What the printed form shows: per column, each box's label and the code printed by it. */
interface PrintedForm {
  readonly boxes: ReadonlyMap<string, { label?: string; printed?: string; code: string }[]>;
  /** Columns with a field to write in (number, text, the form number). */
  readonly fields: ReadonlySet<string>;
  /** The code printed by the department or fixed group in the form's head. */
  readonly unitCode?: string;
}

function readForm(html: string): PrintedForm {
  const boxes = new Map<string, { label?: string; printed?: string; code: string }[]>();
  const add = (col: string, b: { label?: string; printed?: string; code: string }) => {
    const k = unhtml(col);
    boxes.set(k, [...(boxes.get(k) ?? []), b]);
  };
  const li =
    /<li><span class="box[^"]*" data-column="([^"]+)" data-code="([^"]+)"><\/span> (?:<span class="code">([^<]*)<\/span> <span class="label">([^<]*)<\/span>|<span class="label">([^<]*)<\/span> <span class="code">([^<]*)<\/span>)<\/li>/g;
  for (const m of html.matchAll(li)) {
    add(m[1]!, {
      code: unhtml(m[2]!),
      printed: unhtml(m[3] ?? m[6]!),
      label: unhtml(m[4] ?? m[5]!),
    });
  }
  for (const m of html.matchAll(/<td><span class="box" data-column="([^"]+)" data-code="([^"]+)"/g))
    add(m[1]!, { code: unhtml(m[2]!) });
  const fields = new Set(
    [...html.matchAll(/class="(?:field|lines)" data-column="([^"]+)"/g)].map((m) => unhtml(m[1]!)),
  );
  const unit =
    /<p class="unit">[^<]*<strong>[^<]*<\/strong> <span class="code">([^<]+)<\/span>/.exec(html);
  return { boxes, fields, ...(unit ? { unitCode: unit[1]! } : {}) };
}

/** A typist's line for one returned form: the code printed by every box the respondent ticked. */
function typed(
  q: Questionnaire,
  form: PrintedForm,
  columns: readonly string[],
  r: Respondent,
  sheet: number,
  lang: string,
): string[] {
  const t = (x: Parameters<typeof textIn>[0]) => textIn(x, lang, q.languages);
  const items = new Map(q.items.map((i) => [i.id, i]));
  const tick = (col: string, label: string): string => {
    const b = form.boxes.get(col)?.find((x) => x.label === label);
    if (!b) throw new Error(`no box "${label}" for ${col}`);
    expect(b.printed, `${col}: printed code`).toBe(b.code);
    return b.printed!;
  };
  const labelOf = (item: Item, code: string): string => {
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
  return columns.map((col) => {
    if (col === "respondent") return String(sheet);
    if (col === "department") return r.department ? form.unitCode! : "";
    if (col === "group") {
      if (!q.department) return form.unitCode!;
      return tick("group", t(q.groups.find((g) => g.id === r.group)!.name));
    }
    const answer = r.answers.get(col);
    if (answer === undefined) return "";
    const item = items.get(col.replace(/\[.*$/, ""))!;
    switch (item.type) {
      case "grid": {
        // A grid's boxes sit under the column headings: the code printed in the heading.
        const b = form.boxes.get(col)!.find((x) => x.code === answer)!;
        return b.code;
      }
      case "multi":
        return answer
          .split(";")
          .map((c) => tick(col, labelOf(item, c)))
          .join(";");
      case "number":
      case "text":
        expect(form.fields.has(col), `${col}: a field to write in`).toBe(true);
        return answer;
      default:
        return tick(col, labelOf(item, answer));
    }
  });
}

describe("paper form: typed from paper → score, no mapping file", () => {
  for (const q of CASES) {
    const external = !q.department;
    const flag = external ? ["--questionnaire", q.id] : ["--department", q.department!.id];
    const stem = `paper-${external ? q.id : q.department!.id}`;
    it(`${q.id}: every column on the form, the typed template scores like reifegrad's own CSV`, () => {
      const dir = tempDir();
      const lang = q.id === "bauen" ? "en" : "de";
      const gen = cli(["survey", "paper", ...flag, "--lang", lang, "--out", dir]);
      expect(gen.status, gen.stderr).toBe(0);
      const html = readFileSync(join(dir, `${stem}.html`), "utf8");
      const header = readFileSync(join(dir, `${stem}.csv`), "utf8");
      expect(header.endsWith("\n")).toBe(true);
      const columns = header.trimEnd().split(",");
      expect(columns.slice(0, 3)).toEqual(["respondent", "department", "group"]);
      const form = readForm(html);
      // Every item column of the template is on the form, and nothing else is.
      const onForm = new Set([...form.boxes.keys(), ...form.fields]);
      for (const c of columns.slice(3)) expect(onForm.has(c), c).toBe(true);
      for (const c of onForm) expect(columns.includes(c) || c === "department", c).toBe(true);
      if (!external) expect(form.unitCode).toBe(q.department!.id);
      // No script, no request leaving the page.
      expect(html).not.toMatch(/<script|<link|src=|url\(/i);

      const groups = external ? [q.group] : ["staff", "management"];
      const rs = respondents(q, groups, 6, 23);
      const file = join(dir, "typed.csv");
      writeFileSync(
        file,
        stringify([columns, ...rs.map((r, i) => typed(q, form, columns, r, i + 1, lang))], {
          record_delimiter: "\n",
        }),
      );
      writeFileSync(join(dir, "own.csv"), ownCsv(q, rs));
      const own = scoreFile(join(dir, "own.csv"));
      expect(own.status, own.stderr).toBe(0);
      const paper = scoreFile(file);
      expect(paper.status, paper.stderr).toBe(0);
      expect(paper.stderr).not.toMatch(/warning|error/);
      expect((paper.a.input as { totals: unknown }).totals).toEqual(
        (own.a.input as { totals: unknown }).totals,
      );
      expect(scored(paper.a)).toEqual(scored(own.a));
    });
  }
});

describe("paper form: instructions, language, usage", () => {
  it("prints skip rules and management-only items as instructions, in the chosen language", () => {
    const dir = tempDir();
    expect(cli(["survey", "paper", "--department", "ordnungsamt", "--out", dir]).status).toBe(0);
    const de = readFileSync(join(dir, "paper-ordnungsamt.html"), "utf8");
    expect(de).toContain('<html lang="de">');
    expect(de).toContain(
      "Nur wenn Sie bei Frage 1 „teils, teils“, „trifft eher zu“ oder „trifft voll zu“ angekreuzt haben.",
    );
    expect(de).toMatch(/Nur wenn Sie bei Frage \d+ „ja“ angekreuzt haben\./);
    expect(de.match(/class="only">Nur für Führungskräfte\./g)?.length).toBe(3);
    expect(
      cli(["survey", "paper", "--department", "ordnungsamt", "--lang", "en", "--out", dir]).status,
    ).toBe(0);
    const en = readFileSync(join(dir, "paper-ordnungsamt.html"), "utf8");
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/Only if you ticked “yes” for question \d+\./);
    expect(en).toContain("Only for Management.");
  });

  it("the same inputs give the same bytes; bad usage exits 2 without a stack trace", () => {
    const a = tempDir();
    const b = tempDir();
    expect(cli(["survey", "paper", "--department", "it", "--out", a]).status).toBe(0);
    expect(cli(["survey", "paper", "--department", "it", "--out", b, "--lang", "de"]).status).toBe(
      0,
    );
    for (const f of ["paper-it.html", "paper-it.csv"])
      expect(readFileSync(join(b, f), "utf8")).toBe(readFileSync(join(a, f), "utf8"));
    const pdf = cli(["survey", "limesurvey", "--department", "it", "--pdf", "--out", a]);
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toContain("--pdf is for the paper form only");
    const lang = cli(["survey", "paper", "--department", "it", "--lang", "fr", "--out", a]);
    expect(lang.status).toBe(2);
    expect(lang.stderr).not.toMatch(/\n\s+at /);
  });

  it("--pdf without a Chromium on the PATH: a clear message, exit 1, nothing written", () => {
    const dir = join(tempDir(), "out");
    const r = cli(["survey", "paper", "--department", "it", "--pdf", "--out", dir], {
      env: { PATH: tempDir() },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--pdf needs Chromium or Google Chrome on the PATH");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(dir)).toBe(false);
  });
});

/** A4 in PDF points (210 × 297 mm); Chromium rounds the page to whole device pixels. */
const A4 = { width: 595.28, height: 841.89 };

describe.skipIf(!chromiumAvailable)("paper form in Chromium", () => {
  it("--pdf prints every page on A4, and no text of the form is cut off", async () => {
    const dir = tempDir();
    const r = cli(["survey", "paper", "--department", "personal", "--pdf", "--out", dir]);
    expect(r.status, r.stderr).toBe(0);
    const pdf = readFileSync(join(dir, "paper-personal.pdf")).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThan(3);
    for (const m of boxes) {
      expect(Math.abs(Number(m[1]) - A4.width)).toBeLessThan(1.5);
      expect(Math.abs(Number(m[2]) - A4.height)).toBeLessThan(1.5);
    }
    // The form laid out at the printed width (A4 less the margins: 180 mm): nothing reaches past
    // the page, and no element's text overflows its box.
    const { context, page } = await openChromium(Math.round((180 / 25.4) * 96));
    try {
      await page.emulateMedia({ media: "print" });
      await page.goto(`file://${resolve(dir, "paper-personal.html")}`);
      const problems = (await page.evaluate(`(() => {
        const out = [];
        const right = document.documentElement.clientWidth + 0.5;
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
          out.push("page wider than A4: " + document.documentElement.scrollWidth);
        for (const el of document.body.querySelectorAll("*")) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && r.right > right) out.push(el.tagName + "." + el.className + " right " + r.right);
          if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
            out.push(el.tagName + "." + el.className + " clips its text");
          if (el.matches(".label, .code, th, .qtext") && el.scrollWidth > Math.ceil(r.width) + 1)
            out.push(el.tagName + "." + el.className + " text wider than its box: " + el.textContent);
        }
        return out;
      })()`)) as string[];
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
