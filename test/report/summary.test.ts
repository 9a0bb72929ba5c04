// The report document: page one first, details per dimension and department, measures grouped,
// gaps above the target said as such, German dates; the renderers' small helpers.
import { describe, expect, test } from "vitest";
import { type Block, buildReportDocument } from "../../src/report/document.js";
import { countWord, fmtDate } from "../../src/report/format.js";
import { renderHtml } from "../../src/report/html.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { radarSvg, wrap } from "../../src/report/svg.js";
import { loadWave } from "./fixture-data.js";

const a = loadWave("2024");

function flat(blocks: readonly Block[]): Block[] {
  return blocks.flatMap((b) =>
    b.kind === "details"
      ? [b, ...flat(b.blocks)]
      : b.kind === "columns"
        ? [b, ...b.columns.flatMap(flat)]
        : [b],
  );
}

describe("helpers", () => {
  test("dates in words, whatever the time zone (no Date involved)", () => {
    expect(fmtDate("2026-12-04", "de")).toBe("4. Dezember 2026");
    expect(fmtDate("2026-03-01", "en")).toBe("1 March 2026");
    expect(fmtDate("2026-13-01", "de")).toBe("2026-13-01");
  });
  test("counts as words up to twelve", () => {
    expect(countWord(3, "de")).toBe("drei");
    expect(countWord(5, "en")).toBe("five");
    expect(countWord(14, "de")).toBe("14");
  });
  test("wrap splits long compounds after a joining s, with a hyphen", () => {
    expect(wrap("Daten und Informationssicherheit", 15, 3)).toEqual([
      "Daten und",
      "Informations-",
      "sicherheit",
    ]);
  });
});

describe("the report document", () => {
  const doc = buildReportDocument(a, "de");

  test("page one: overall level, radar of the administration, gaps, heatmap", () => {
    const [first] = doc.sections;
    expect(first?.id).toBe("summary");
    const blocks = flat(first!.blocks);
    expect(blocks.some((b) => b.kind === "chart" && b.chart.type === "radar")).toBe(true);
    expect(blocks.some((b) => b.kind === "chart" && b.chart.type === "heatmap")).toBe(true);
    const heading = blocks.find(
      (b): b is Extract<Block, { kind: "heading" }> =>
        b.kind === "heading" && b.text.startsWith("Was zuerst kommt"),
    );
    const list = blocks[blocks.indexOf(heading!) + 1];
    expect(list?.kind).toBe("list");
    const n = list?.kind === "list" ? list.items.length : 0;
    expect(heading!.text).toContain(countWord(n, "de"));
    // Every chart has its data as a table right after it.
    expect(blocks.filter((b) => b.kind === "table" && b.fallback).length).toBeGreaterThanOrEqual(2);
  });

  test("details per dimension and per shown department; suppressed ones as a note only", () => {
    const dims = doc.sections.find((s) => s.id === "dimensions")!;
    expect(dims.blocks.filter((b) => b.kind === "details").length).toBe(3);
    const units = doc.sections.find((s) => s.id === "departments")!;
    const details = units.blocks.filter((b) => b.kind === "details");
    expect(details.map((b) => (b.kind === "details" ? b.id : ""))).toEqual([
      "unit-bauen",
      "unit-ordnung",
    ]);
  });

  test("a gap above the target reads as such, never as a negative gap", () => {
    const md = renderMarkdown(a, { lang: "de" });
    expect(md).toContain("+8,8 über Ziel");
    expect(md).toContain("| +16,9 über Ziel |");
    expect(md).not.toContain("| -16,9 |");
    expect(md).toContain("Ziel schon übertroffen: Prozesse (+8,8 Punkte).");
    expect(renderMarkdown(a, { lang: "en" })).toContain("8.8 above target");
  });

  test("each set of measures appears once in the fields of action", () => {
    const md = renderMarkdown(a, { lang: "de" });
    const actions = md.slice(md.indexOf("## Handlungsfelder"), md.indexOf("## Ergebnisse nach"));
    const recs = actions.split("\n").filter((l) => l.startsWith("  - "));
    expect(recs.length).toBeGreaterThan(0);
    expect(new Set(recs).size).toBe(recs.length);
  });

  test("HTML: details are <details> with a heading in the summary; headings in order", () => {
    const html = renderHtml(a, { lang: "de" });
    expect(html).toContain('<details id="dim-strategy"><summary><h3>Strategie');
    const levels = [...html.matchAll(/<h(\d)[ >]/g)].map((m) => Number(m[1]));
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!, `heading ${i}`).toBeLessThanOrEqual(1);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("<main>");
  });

  test("the radar is drawn inside its viewBox, at full width", () => {
    const svg = radarSvg(a, a.administration, "de");
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
    expect(Number(w)).toBe(600);
    for (const m of svg.matchAll(/points="([^"]+)"/g))
      for (const p of m[1]!.split(" ")) {
        const [x, y] = p.split(",").map(Number);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(Number(w));
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(Number(h));
      }
  });
});

describe("no gap to list", () => {
  // The administration with no priorities, and some dimensions without a score.
  const without = (ids: readonly string[]) => {
    const w = loadWave("2026");
    const admin = {
      ...w.administration,
      priorities: [],
      dimensions: w.administration.dimensions.map((d) =>
        ids.includes(d.id)
          ? {
              id: d.id,
              name: d.name,
              names: d.names,
              n: 0,
              target: d.target,
              targetScore: d.targetScore,
            }
          : d,
      ),
    };
    return { ...w, administration: admin };
  };
  test("says every target is reached only when every dimension with a target has a score", () => {
    expect(renderMarkdown(without([]), { lang: "en" })).toContain(
      "Every dimension has reached its target or has none.",
    );
    const md = renderMarkdown(without(["services"]), { lang: "en" });
    expect(md).not.toContain("Every dimension has reached its target");
    expect(md).toMatch(
      /No dimension with a score is below its target; without a score, so nothing can be said about their target: [^.]+\./,
    );
    const all = without(["strategy", "processes", "services"]);
    expect(renderMarkdown(all, { lang: "de" })).toContain(
      "Keine Dimension hat einen Wert: über Lücken zum Ziel lässt sich nichts sagen.",
    );
  });
});
