// yaml-source.ts reads plain files with js-yaml and everything else with `yaml`. The two must
// agree on the data of every file js-yaml reads; these tests hold them to it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { parseYaml } from "../../src/questionnaire/yaml-source.js";

/** What `yaml` alone makes of a text: the reference. */
function byYaml(text: string): { data?: unknown; errors: number } {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return { errors: doc.errors.length };
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }), errors: 0 };
  } catch {
    return { errors: 1 }; // the alias limit
  }
}

const walk = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(p) ? [p] : [];
    });

describe("js-yaml and yaml read the same data", () => {
  const files = [...walk("questionnaires"), ...walk("fixtures")];

  test.each(files)("%s", (path) => {
    const text = readFileSync(path, "utf8");
    const ours = parseYaml({ path, text });
    const reference = byYaml(text.replace(/^\uFEFF/, ""));
    if (reference.errors > 0) {
      expect(ours.parsed).toBeUndefined();
      expect(ours.problems.some((p) => p.severity === "error")).toBe(true);
    } else if (ours.parsed) {
      expect(ours.parsed.data).toEqual(reference.data);
    }
  });

  // Scalars where YAML 1.1 and 1.2, or the two libraries, could part ways.
  const scalars = [
    "1",
    "-1",
    "+1",
    "0x1F",
    "0o17",
    "017",
    "0b101",
    "1_000",
    "1.5",
    "1e3",
    "-.5",
    "5.",
    ".inf",
    "-.Inf",
    ".NaN",
    "true",
    "True",
    "FALSE",
    "yes",
    "on",
    "n",
    "null",
    "Null",
    "~",
    "",
    "2018-01-01",
    "2018-01-01T10:00:00Z",
    "1:20",
    "'1'",
    '"a\\x41\\u00e4"',
    "-0",
    "00",
    "0.",
    "12e03",
    "0o8",
    "__proto__",
    "'multi\n  line'",
    "|\n  block\n  text\n",
    ">-\n  folded\n  text\n",
  ];

  test.each(scalars)("scalar %j", (scalar) => {
    const text = `v: ${scalar}\nlist: [${scalar.includes("\n") ? "x" : scalar}]\n`;
    const ours = parseYaml({ path: "s.yaml", text });
    const reference = byYaml(text);
    if (reference.errors > 0) {
      expect(ours.parsed).toBeUndefined();
    } else {
      expect(ours.problems).toEqual([]);
      expect(ours.parsed!.data).toEqual(reference.data);
    }
  });

  test("an empty file and a file of comments are null, as with yaml", () => {
    expect(parseYaml({ path: "e.yaml", text: "" }).parsed!.data).toBeNull();
    expect(parseYaml({ path: "c.yaml", text: "# nothing\n" }).parsed!.data).toBeNull();
  });

  test("a key named __proto__ is an ordinary key", () => {
    const data = parseYaml({ path: "p.yaml", text: "__proto__:\n  polluted: 1\n" }).parsed!.data;
    expect(Object.keys(data as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("problems and positions are yaml's", () => {
  test("a duplicate key js-yaml refuses is reported by yaml, at the key", () => {
    const r = parseYaml({ path: "d.yaml", text: "a: 1\nb: 2\na: 3\n" });
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([["duplicate-key", 3, 1]]);
  });

  test("a syntax error names yaml's line and column", () => {
    const r = parseYaml({ path: "s.yaml", text: "a: 1\nb: [1, 2\nc: 3\n" });
    expect(r.parsed).toBeUndefined();
    const first = parseDocument("a: 1\nb: [1, 2\nc: 3\n", { prettyErrors: false }).errors[0]!;
    expect(r.problems[0]).toMatchObject({ code: "yaml-syntax", file: "s.yaml" });
    expect(r.problems[0]!.message).toBe(first.message.split("\n")[0]);
  });

  test("nesting too deep for a questionnaire is refused with a position", () => {
    const keys = Array.from({ length: 70 }, (_, i) => `${"  ".repeat(i + 1)}k:`);
    const deep = `a:\n${keys.join("\n")} 1\n`;
    const r = parseYaml({ path: "deep.yaml", text: deep });
    expect(r.parsed).toBeUndefined();
    expect(r.problems.map((p) => p.code)).toEqual(["yaml-too-deep"]);
  });

  test("tags and directives go to yaml", () => {
    const tagged = parseYaml({ path: "t.yaml", text: "a: !!float 1\nb: !custom x\n" });
    // js-yaml would read 1 as a number and refuse !custom; yaml keeps its own reading and warns.
    expect(tagged.parsed!.data).toEqual(byYaml("a: !!float 1\nb: !custom x\n").data);
    expect(new Set(tagged.problems.map((p) => p.code))).toEqual(new Set(["yaml-warning"]));
    const v11 = "%YAML 1.1\n---\na: yes\n";
    expect(parseYaml({ path: "v.yaml", text: v11 }).parsed!.data).toEqual(byYaml(v11).data);
  });

  test("positions in a file js-yaml read are exact, on first and later lookups", () => {
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
