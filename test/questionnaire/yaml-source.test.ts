import { describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
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

describe("YAML 1.2 core schema", () => {
  // Scalars that YAML 1.1 (and parsers that follow it) read differently: here `no` and `on` stay
  // text, `010` is ten, dates stay text, so a department named `no` or an option `on` survives.
  test.each([
    ["1", 1],
    ["-1", -1],
    ["+1", 1],
    ["0x1F", 31],
    ["0o17", 15],
    ["017", 17],
    ["010", 10],
    ["00", 0],
    ["0b101", "0b101"],
    ["1_000", "1_000"],
    ["0o8", "0o8"],
    ["1.5", 1.5],
    ["1e3", 1000],
    ["12e03", 12000],
    ["-.5", -0.5],
    ["5.", 5],
    [".inf", Number.POSITIVE_INFINITY],
    ["-.Inf", Number.NEGATIVE_INFINITY],
    [".NaN", Number.NaN],
    ["true", true],
    ["True", true],
    ["FALSE", false],
    ["yes", "yes"],
    ["no", "no"],
    ["on", "on"],
    ["off", "off"],
    ["n", "n"],
    ["null", null],
    ["Null", null],
    ["~", null],
    ["", null],
    ["2018-01-01", "2018-01-01"],
    ["2018-01-01T10:00:00Z", "2018-01-01T10:00:00Z"],
    ["1:20", "1:20"],
    ["'1'", "1"],
    ['"a\\x41\\u00e4"', "aAä"],
    ["'multi\n  line'", "multi line"],
    ["|\n  block\n  text\n", "block\ntext\n"],
    [">-\n  folded\n  text\n", "folded text"],
  ])("%j is %j", (scalar, value) => {
    const r = parseYaml({ path: "s.yaml", text: `v: ${scalar}\n` });
    expect(r.problems).toEqual([]);
    expect((r.parsed!.data as { v: unknown }).v).toEqual(value);
  });

  test("an empty file and a file of comments are null", () => {
    expect(parseYaml({ path: "e.yaml", text: "" }).parsed!.data).toBeNull();
    expect(parseYaml({ path: "c.yaml", text: "# nothing\n" }).parsed!.data).toBeNull();
  });

  test("a key named __proto__ is an ordinary key", () => {
    const data = parseYaml({ path: "p.yaml", text: "__proto__:\n  polluted: 1\n" }).parsed!.data;
    expect(Object.keys(data as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a %YAML 1.1 directive is honoured: there `yes` is true", () => {
    const r = parseYaml({ path: "v.yaml", text: "%YAML 1.1\n---\na: yes\n" });
    expect(r.parsed!.data).toEqual({ a: true });
  });

  test("tags are read as YAML defines them; an unknown tag is a warning", () => {
    const r = parseYaml({ path: "t.yaml", text: "a: !!str 1\nb: !custom x\n" });
    expect(r.parsed!.data).toEqual({ a: "1", b: "x" });
    expect(r.problems.map((p) => [p.code, p.line, p.severity])).toEqual([
      ["yaml-warning", 2, "warning"],
    ]);
  });
});

describe("problems in YAML", () => {
  test("a duplicate key is reported at the key", () => {
    const r = parseYaml({ path: "d.yaml", text: "a: 1\nb: 2\na: 3\n" });
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([["duplicate-key", 3, 1]]);
  });

  test("a syntax error gives the parser's first message line and position", () => {
    const text = "a: 1\nb: [1, 2\nc: 3\n";
    const r = parseYaml({ path: "s.yaml", text });
    expect(r.parsed).toBeUndefined();
    const first = parseDocument(text, { prettyErrors: false }).errors[0]!;
    expect(r.problems[0]).toMatchObject({ code: "yaml-syntax", file: "s.yaml" });
    expect(r.problems[0]!.message).toBe(first.message.split("\n")[0]);
  });

  test("nesting too deep for a questionnaire is refused", () => {
    const keys = Array.from({ length: 70 }, (_, i) => `${"  ".repeat(i + 1)}k:`);
    const r = parseYaml({ path: "deep.yaml", text: `a:\n${keys.join("\n")} 1\n` });
    expect(r.parsed).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(["yaml-too-deep"]);
  });

  test("nesting deep enough to exhaust the parser's stack is the same problem, not a stack error", () => {
    const r = parseYaml({ path: "deep.yaml", text: `x: ${"[".repeat(5000)}${"]".repeat(5000)}\n` });
    expect(r.parsed).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(["yaml-too-deep"]);
    expect(r.problems[0]!.message).not.toMatch(/call stack/);
  });

  test("positions after a comment that looks like an alias", () => {
    const text = "id: x\nitems:\n  - id: a\n    when: 'b == 1'\n  - id: b # note - *not an alias\n";
    const { parsed } = parseYaml({ path: "q.yaml", text });
    expect(parsed!.at(["items", 1, "id"])).toEqual({ file: "q.yaml", line: 5, column: 9 });
    expect(parsed!.keyAt(["items", 0, "when"])).toEqual({ file: "q.yaml", line: 4, column: 5 });
    expect(parsed!.charAt(["items", 0, "when"], 5)).toEqual({
      file: "q.yaml",
      line: 4,
      column: 17,
    });
    expect(parsed!.at([])).toEqual({ file: "q.yaml", line: 1, column: 1 });
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
