// The terminal renderer fits any width from 40 columns on, says which number is which dimension
// when the names do not fit, and keeps every unit and dimension at every width.
import { Chalk } from "chalk";
import { describe, expect, test } from "vitest";
import { renderTerminal, wrapLines } from "../../src/report/terminal.js";
import { rootDimensions } from "../../src/report/view.js";
import { loadWave } from "./fixture-data.js";

const plain = new Chalk({ level: 0 });
const a = loadWave("2024");
const longest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));

describe("terminal width", () => {
  test.each([40, 60, 80, 100, 160])("no line longer than %i columns", (width) => {
    for (const lang of ["de", "en"] as const) {
      const text = renderTerminal(a, { lang, color: plain, width });
      expect(longest(text)).toBeLessThanOrEqual(width);
      if (lang === "de")
        for (const name of ["Bauen & Planen", "Ordnungsamt", "Gesamtverwaltung"])
          expect(text).toContain(name);
      // The administration's mean of every dimension is there.
      for (const d of a.administration.dimensions)
        expect(text).toContain(
          `${String(d.mean?.toFixed(1)).replace(".", lang === "de" ? "," : ".")} ${d.level}`,
        );
    }
  });

  test("80 columns is the default; names over the columns when they fit, else a numbered key", () => {
    expect(renderTerminal(a, { lang: "de", color: plain })).toBe(
      renderTerminal(a, { lang: "de", color: plain, width: 80 }),
    );
    const wide = renderTerminal(a, { lang: "de", color: plain, width: 140 });
    for (const d of rootDimensions(a)) expect(wide).toContain(d.name.de);
    expect(wide).not.toContain("Dimensionen:");
    const narrow = renderTerminal(a, { lang: "de", color: plain, width: 60 });
    expect(narrow).toContain("Dimensionen: 1 Strategie · 2 Prozesse · 3 Online-Dienste");
  });

  test("the count in the heading matches the list", () => {
    const text = renderTerminal(a, { lang: "de", color: plain });
    const m =
      /Was zuerst kommt: die (\w+) wichtigsten Lücken zum Ziel\n((?: {2}\d\..*\n(?: {5}.*\n)*)*)/.exec(
        text,
      );
    expect(m?.[1]).toBe("zwei");
    expect((m?.[2]?.match(/^ {2}\d\./gm) ?? []).length).toBe(2);
  });

  test("wrapLines keeps words whole and indents what follows", () => {
    expect(wrapLines("eins zwei drei vier", 10, "- ", "  ")).toEqual([
      "- eins",
      "  zwei",
      "  drei",
      "  vier",
    ]);
    expect(wrapLines("ab cd", 10)).toEqual(["ab cd"]);
  });
});
