import { describe, expect, test } from "vitest";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import { closest, editDistance } from "../../src/questionnaire/suggest.js";
import { textIn } from "../../src/questionnaire/text.js";
import { MAX_YAML_CHARS, parseYaml } from "../../src/questionnaire/yaml-source.js";
import { FIXTURES, source } from "./helpers.js";

describe("reading YAML", () => {
  test("refuses a huge file at once, without parsing it", () => {
    const text = `# ${"x".repeat(MAX_YAML_CHARS)}\n`;
    const started = performance.now();
    const r = parseYaml({ path: "huge.yaml", text });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(r.parsed).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([["file-too-large", 1, 1]]);
  });

  test("refuses an alias bomb with a message, quickly", () => {
    const started = performance.now();
    const r = loadQuestionnaires([source(`${FIXTURES}/invalid/alias-bomb.yaml`)]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.problems.map((p) => p.code)).toEqual(["yaml-alias-limit"]);
  });

  test("allows a few aliases", () => {
    const r = parseYaml({ path: "a.yaml", text: "a: &x [1, 2]\nb: *x\nc: *x\n" });
    expect(r.problems).toEqual([]);
    expect(r.parsed!.data).toEqual({ a: [1, 2], b: [1, 2], c: [1, 2] });
  });

  test("ignores a byte order mark; tabs in comments and blank lines are fine", () => {
    const r = parseYaml({ path: "b.yaml", text: "\uFEFFa: 1\n\t# comment\n\t\nb: 'x\ty'\n" });
    expect(r.problems).toEqual([]);
    expect(r.parsed!.at(["b"])).toEqual({ file: "b.yaml", line: 4, column: 4 });
  });

  test("reports one problem per tab-indented line, not the parser's cascade", () => {
    const r = parseYaml({ path: "t.yaml", text: "a:\n\t- 1\n\t- 2\n" });
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ["tab-indentation", 2, 1],
      ["tab-indentation", 3, 1],
    ]);
  });

  test("positions of keys, values and characters inside strings", () => {
    const { parsed } = parseYaml({
      path: "p.yaml",
      text: 'items:\n  - id: x\n    when: "a == 1"\n    plain: a == 1\n',
    });
    expect(parsed!.keyAt(["items", 0, "when"])).toMatchObject({ line: 3, column: 5 });
    expect(parsed!.at(["items", 0, "when"])).toMatchObject({ line: 3, column: 11 });
    expect(parsed!.charAt(["items", 0, "when"], 5)).toMatchObject({ line: 3, column: 17 });
    expect(parsed!.charAt(["items", 0, "plain"], 5)).toMatchObject({ line: 4, column: 17 });
    expect(parsed!.at(["items", 0, "nope", 3])).toMatchObject({ line: 2, column: 5 });
  });
});

describe("helpers", () => {
  test("edit distance counts a swap of neighbours as one edit", () => {
    expect(editDistance("titel", "title")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(closest("dimensoin", ["dimension", "description"])).toBe("dimension");
    expect(closest("zzz", ["dimension"])).toBeUndefined();
  });

  test("textIn picks the language, then fallbacks, then anything", () => {
    expect(textIn({ de: "Ja", en: "Yes" }, "en")).toBe("Yes");
    expect(textIn({ de: "Ja" }, "en", ["de"])).toBe("Ja");
    expect(textIn({ fr: "Oui" }, "en")).toBe("Oui");
    expect(textIn(undefined, "en")).toBe("");
  });
});
