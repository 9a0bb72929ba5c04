import { describe, expect, it, test } from "vitest";
import { renderMessage } from "../../src/messages/catalogue.js";
import {
  evaluateCondition,
  evaluateKnown,
  parseCondition,
  UNKNOWN,
} from "../../src/questionnaire/when.js";

const parse = (s: string) => {
  const r = parseCondition(s);
  if (!r.ok) throw new Error(`${r.error.reason} at ${r.offset}`);
  return r;
};
const answers =
  (a: Record<string, string>) =>
  (id: string): string | undefined =>
    a[id];
const evaluate = (s: string, a: Record<string, string>) =>
  evaluateCondition(parse(s).condition, answers(a));

describe("parseCondition", () => {
  test("builds the tree with and binding tighter than or", () => {
    expect(parse("a == 1 or b == 2 and not c == 3").condition).toEqual({
      kind: "or",
      left: { kind: "compare", item: "a", op: "==", value: 1 },
      right: {
        kind: "and",
        left: { kind: "compare", item: "b", op: "==", value: 2 },
        right: { kind: "not", operand: { kind: "compare", item: "c", op: "==", value: 3 } },
      },
    });
  });

  test("reads every literal kind, in lists, answered() and grid rows", () => {
    expect(parse(`x in [1, -2.5, "a b", 'c', true, dk]`).condition).toEqual({
      kind: "in",
      item: "x",
      values: [1, -2.5, "a b", "c", true, "dk"],
    });
    expect(parse("answered(it_age)").condition).toEqual({ kind: "answered", item: "it_age" });
    const grid = parse("dma_invest[internal] != none");
    expect(grid.condition).toEqual({
      kind: "compare",
      item: "dma_invest[internal]",
      op: "!=",
      value: "none",
    });
    expect(grid.references[0]).toMatchObject({ item: "dma_invest", row: "internal", offset: 0 });
  });

  test("records each reference with its offset and values", () => {
    const r = parse("(q1 >= 3)  and q2 in [yes]");
    expect(r.references.map((x) => [x.item, x.offset, x.values.map((v) => v.offset)])).toEqual([
      ["q1", 1, [7]],
      ["q2", 15, [22]],
    ]);
  });

  test.each([
    ["q1 = 3", 3, /==/],
    ["q1 >= ", 6, /value/],
    ["q1 >= 3 and", 11, /item id/],
    ["(q1 >= 3", 8, /"\)"/],
    ["q1 >= 3)", 7, /unexpected/],
    ["q1 3", 3, /comparison/],
    ['q1 == "open', 6, /not closed/],
    ["q1 in 3", 6, /"\["/],
    ["q1 in []", 7, /value/],
    ["and == 1", 0, /item id/],
    ["q1 == 1 ; drop", 8, /unexpected character/],
    ["", 0, /empty/],
  ])("reports a syntax error in %j at offset %i", (src, offset, message) => {
    const r = parseCondition(src);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.offset).toBe(offset);
      expect(renderMessage("when-syntax", { item: "x", ...r.error }, "en")).toMatch(message);
    }
  });

  test.each([
    ["q1 = 3", "vergleichen Sie mit „==“, nicht mit „=“"],
    ["q1 >= 3)", "unerwartet: „)“; erwartet: „and“, „or“ oder das Ende"],
    ["(q1 >= 3", "erwartet: „)“, gefunden: das Ende"],
    ["q1 3", "nach q1 fehlt ein Vergleich (==, !=, <, <=, >, >=) oder „in“, gefunden: die Zahl 3"],
    ['q1 == "open', "ein Text in Anführungszeichen wird nicht geschlossen"],
    ['q1 in "a"', "erwartet: „[“ nach in, gefunden: der Text „a“"],
    ["and == 1", "erwartet: eine Fragen-Kennung, gefunden: „and“"],
    ["", "der Ausdruck ist leer"],
  ])("says what is wrong with %j in German too", (src, detail) => {
    const r = parseCondition(src);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(renderMessage("when-syntax", { item: "x", ...r.error }, "de")).toBe(
        `Die Bedingung (when) von „x“ ist fehlerhaft: ${detail}`,
      );
  });

  test("refuses hostile input without running away", () => {
    expect(parseCondition("(".repeat(500)).ok).toBe(false);
    expect(parseCondition("not ".repeat(400) + "a == 1").ok).toBe(false);
    expect(parseCondition("a == 1 or ".repeat(300) + "a == 1").ok).toBe(false);
  });
});

describe("evaluateCondition", () => {
  test("compares numbers numerically and codes as text", () => {
    expect(evaluate("q1 >= 3", { q1: "4" })).toBe(true);
    expect(evaluate("q1 >= 3", { q1: "2" })).toBe(false);
    expect(evaluate("q1 == 3", { q1: "3" })).toBe(true);
    expect(evaluate("n < 2.5", { n: "2,4" })).toBe(true);
    expect(evaluate("p == full", { p: "full" })).toBe(true);
    expect(evaluate('p != "full"', { p: "info" })).toBe(true);
  });

  test("an unanswered item makes a comparison false; not turns it true", () => {
    expect(evaluate("q1 >= 3", {})).toBe(false);
    expect(evaluate("q1 != 3", { q1: "" })).toBe(false);
    expect(evaluate("not q1 == 3", {})).toBe(true);
    expect(evaluate("answered(q1)", { q1: " " })).toBe(false);
    expect(evaluate("answered(q1)", { q1: "dk" })).toBe(true);
  });

  test("non-numeric answers never satisfy an ordering", () => {
    expect(evaluate("q1 >= 3", { q1: "dk" })).toBe(false);
    expect(evaluate("q1 < 3", { q1: "dk" })).toBe(false);
  });

  test("true and false stand for yes and no", () => {
    expect(evaluate("c == true", { c: "yes" })).toBe(true);
    expect(evaluate("c == false", { c: "yes" })).toBe(false);
    expect(evaluate("c == false", { c: "no" })).toBe(true);
  });

  test("multi answers: == and in mean chosen, != not chosen", () => {
    const a = { m: "web;app" };
    expect(evaluate("m == app", a)).toBe(true);
    expect(evaluate("m != app", a)).toBe(false);
    expect(evaluate("m != phone", a)).toBe(true);
    expect(evaluate("m in [phone, web]", a)).toBe(true);
  });

  test("and, or, parentheses and grid rows", () => {
    const a = { x: "1", y: "5", "g[r1]": "done" };
    expect(evaluate("x == 1 and (y < 3 or g[r1] == done)", a)).toBe(true);
    expect(evaluate("x == 2 or y < 3", a)).toBe(false);
  });
});

describe("evaluateKnown (answers still to come)", () => {
  const cond = (s: string) => {
    const r = parseCondition(s);
    if (!r.ok) throw new Error(r.error.reason);
    return r.condition;
  };
  const lookup =
    (known: Record<string, string | undefined>, open: string[]) =>
    (id: string): string | undefined | typeof UNKNOWN =>
      open.includes(id) ? UNKNOWN : known[id];

  it("is undefined while a referenced answer is still to come", () => {
    expect(evaluateKnown(cond("a == 'yes'"), lookup({}, ["a"]))).toBeUndefined();
    expect(evaluateKnown(cond("not (a == 'yes')"), lookup({}, ["a"]))).toBeUndefined();
  });

  it("decides as soon as the known answers do (Kleene logic)", () => {
    const l = lookup({ a: "no" }, ["b"]);
    expect(evaluateKnown(cond("a == 'yes' and b == 'yes'"), l)).toBe(false);
    expect(evaluateKnown(cond("a == 'no' or b == 'yes'"), l)).toBe(true);
    expect(evaluateKnown(cond("a == 'no' and b == 'yes'"), l)).toBeUndefined();
    expect(evaluateKnown(cond("a == 'yes' or b == 'yes'"), l)).toBeUndefined();
  });

  it("with every answer known it is evaluateCondition (unanswered = false)", () => {
    expect(evaluateKnown(cond("a >= 3"), lookup({ a: "4" }, []))).toBe(true);
    expect(evaluateKnown(cond("a >= 3"), lookup({}, []))).toBe(false);
    expect(evaluateKnown(cond("answered(a)"), lookup({}, []))).toBe(false);
  });
});
