// Skip logic: a hand-written recursive-descent parser and an evaluator for `when` expressions.
// Never eval'd. Grammar (docs/questionnaire-format.md):
//
//   expr    := or
//   or      := and ("or" and)*
//   and     := not ("and" not)*
//   not     := "not" not | primary
//   primary := "(" expr ")" | REF OP literal | REF "in" "[" literal ("," literal)* "]"
//            | "answered" "(" REF ")"
//   REF     := ITEM | ITEM "[" ROW "]"            (a grid row, as in answer-file headers)
//   OP      := == | != | < | <= | > | >=
//   literal := number | "string" | 'string' | true | false | bare-code
import type { Condition, Literal } from "./model.js";

/** Where a `when` expression mentions an item, with 0-based offsets into the source. */
export interface Reference {
  /** Item id, or "item[row]" for a grid row. */
  readonly ref: string;
  readonly item: string;
  readonly row?: string;
  readonly offset: number;
  readonly kind: "compare" | "in" | "answered";
  readonly op?: "==" | "!=" | "<" | "<=" | ">" | ">=";
  readonly values: readonly { readonly value: Literal; readonly offset: number }[];
}

export type ParseResult =
  | { readonly ok: true; readonly condition: Condition; readonly references: readonly Reference[] }
  | { readonly ok: false; readonly error: WhenSyntax /** 0-based */; readonly offset: number };

/** What a token is, for a message that names what was found. */
export type FoundKind = "end" | "word" | "num" | "str" | "op" | "row" | "punct";

/**
 * What is wrong with a `when` expression, as data: the message catalogue (when-syntax) puts it
 * into words in the user's language.
 */
export type WhenSyntax = {
  readonly reason:
    | "row-not-closed"
    | "single-equals"
    | "exclamation"
    | "string-not-closed"
    | "unexpected-character"
    | "trailing"
    | "expected"
    | "too-deep"
    | "expected-comparison"
    | "expected-item"
    | "empty-row"
    | "expected-value"
    | "too-long"
    | "empty";
  /** The character or token found, and its kind. */
  readonly found?: string;
  readonly foundKind?: FoundKind;
  /** For "expected": what should have come. */
  readonly expected?:
    | "close-paren"
    | "open-paren-after-answered"
    | "bracket-after-in"
    | "comma-or-bracket";
  /** For "expected-comparison": the item before the missing comparison. */
  readonly ref?: string;
  /** For "too-long": the limit in characters. */
  readonly limit?: number;
};

type Op = "==" | "!=" | "<" | "<=" | ">" | ">=";

type Token =
  | { readonly t: "word"; readonly v: string; readonly at: number }
  | { readonly t: "num"; readonly v: number; readonly at: number }
  | { readonly t: "str"; readonly v: string; readonly at: number }
  | { readonly t: "op"; readonly v: Op; readonly at: number }
  | { readonly t: "row"; readonly v: string; readonly at: number }
  | { readonly t: "(" | ")" | "[" | "]" | ","; readonly at: number }
  | { readonly t: "end"; readonly at: number };

class SyntaxError_ {
  constructor(
    readonly error: WhenSyntax,
    readonly offset: number,
  ) {}
}

/** A token as a message names it. */
const found = (t: Token): Pick<WhenSyntax, "found" | "foundKind"> =>
  "v" in t
    ? { found: String(t.v), foundKind: t.t }
    : t.t === "end"
      ? { foundKind: "end" }
      : { found: t.t, foundKind: "punct" };

const KEYWORDS = new Set(["and", "or", "not", "in", "true", "false", "answered"]);
/** Longer than any sensible condition; bounds the work on hostile input. */
export const MAX_CONDITION_LENGTH = 2000;
const MAX_NESTING = 50;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    const prev = out.at(-1);
    if (c === "[" && prev?.t === "word" && prev.at + prev.v.length === start) {
      const end = src.indexOf("]", i);
      if (end < 0) throw new SyntaxError_({ reason: "row-not-closed" }, start);
      out.push({ t: "row", v: src.slice(i + 1, end).trim(), at: start });
      i = end + 1;
      continue;
    }
    if ("()[],".includes(c)) {
      out.push({ t: c as "(" | ")" | "[" | "]" | ",", at: start });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "==" || two === "!=" || two === "<=" || two === ">=") {
      out.push({ t: "op", v: two, at: start });
      i += 2;
      continue;
    }
    if (c === "<" || c === ">") {
      out.push({ t: "op", v: c, at: start });
      i++;
      continue;
    }
    if (c === "=") throw new SyntaxError_({ reason: "single-equals" }, start);
    if (c === "!") throw new SyntaxError_({ reason: "exclamation" }, start);
    if (c === '"' || c === "'") {
      let value = "";
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === "\\" && i + 1 < src.length) i++;
        value += src[i];
        i++;
      }
      if (i >= src.length) throw new SyntaxError_({ reason: "string-not-closed" }, start);
      i++;
      out.push({ t: "str", v: value, at: start });
      continue;
    }
    const num = /^-?\d+(\.\d+)?(?![A-Za-z_])/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]), at: start });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z0-9_][A-Za-z0-9_.+-]*/.exec(src.slice(i));
    if (word) {
      out.push({ t: "word", v: word[0], at: start });
      i += word[0].length;
      continue;
    }
    throw new SyntaxError_({ reason: "unexpected-character", found: c }, start);
  }
  out.push({ t: "end", at: src.length });
  return out;
}

class Parser {
  private pos = 0;
  private depth = 0;
  readonly references: Reference[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Condition {
    const c = this.or();
    const t = this.peek();
    if (t.t !== "end") throw new SyntaxError_({ reason: "trailing", ...found(t) }, t.at);
    return c;
  }

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t.t === "word" && t.v === v;
  }
  private expect(type: Token["t"], expected: WhenSyntax["expected"]): Token {
    const t = this.next();
    if (t.t !== type) throw new SyntaxError_({ reason: "expected", expected, ...found(t) }, t.at);
    return t;
  }

  private or(): Condition {
    let left = this.and();
    while (this.isWord("or")) {
      this.next();
      left = { kind: "or", left, right: this.and() };
    }
    return left;
  }
  private and(): Condition {
    let left = this.not();
    while (this.isWord("and")) {
      this.next();
      left = { kind: "and", left, right: this.not() };
    }
    return left;
  }
  private not(): Condition {
    if (this.isWord("not")) {
      const t = this.next();
      if (++this.depth > MAX_NESTING) throw new SyntaxError_({ reason: "too-deep" }, t.at);
      const operand = this.not();
      this.depth--;
      return { kind: "not", operand };
    }
    return this.primary();
  }
  private primary(): Condition {
    const t = this.peek();
    if (t.t === "(") {
      this.next();
      if (++this.depth > MAX_NESTING) throw new SyntaxError_({ reason: "too-deep" }, t.at);
      const inner = this.or();
      this.depth--;
      this.expect(")", "close-paren");
      return inner;
    }
    if (this.isWord("answered")) {
      this.next();
      this.expect("(", "open-paren-after-answered");
      const ref = this.ref();
      this.expect(")", "close-paren");
      this.references.push({ ...ref, kind: "answered", values: [] });
      return { kind: "answered", item: ref.ref };
    }
    const ref = this.ref();
    const op = this.next();
    if (op.t === "op") {
      const lit = this.literal();
      this.references.push({ ...ref, kind: "compare", op: op.v, values: [lit] });
      return { kind: "compare", item: ref.ref, op: op.v, value: lit.value };
    }
    if (op.t === "word" && op.v === "in") {
      this.expect("[", "bracket-after-in");
      const values = [this.literal()];
      while (this.peek().t === ",") {
        this.next();
        values.push(this.literal());
      }
      this.expect("]", "comma-or-bracket");
      this.references.push({ ...ref, kind: "in", values });
      return { kind: "in", item: ref.ref, values: values.map((v) => v.value) };
    }
    throw new SyntaxError_({ reason: "expected-comparison", ref: ref.ref, ...found(op) }, op.at);
  }
  private ref(): { ref: string; item: string; row?: string; offset: number } {
    const t = this.next();
    if (t.t !== "word" || KEYWORDS.has(t.v) || !/^[A-Za-z_]/.test(t.v)) {
      throw new SyntaxError_({ reason: "expected-item", ...found(t) }, t.at);
    }
    const row = this.peek();
    if (row.t === "row") {
      this.next();
      if (row.v === "") throw new SyntaxError_({ reason: "empty-row" }, row.at);
      return { ref: `${t.v}[${row.v}]`, item: t.v, row: row.v, offset: t.at };
    }
    return { ref: t.v, item: t.v, offset: t.at };
  }
  private literal(): { value: Literal; offset: number } {
    const t = this.next();
    switch (t.t) {
      case "num":
      case "str":
        return { value: t.v, offset: t.at };
      case "word":
        if (t.v === "true" || t.v === "false") return { value: t.v === "true", offset: t.at };
        if (KEYWORDS.has(t.v)) break;
        return { value: t.v, offset: t.at };
    }
    throw new SyntaxError_({ reason: "expected-value", ...found(t) }, t.at);
  }
}

/** Parses a `when` expression; a syntax error comes back with its 0-based offset. */
export function parseCondition(source: string): ParseResult {
  if (source.length > MAX_CONDITION_LENGTH) {
    return { ok: false, error: { reason: "too-long", limit: MAX_CONDITION_LENGTH }, offset: 0 };
  }
  if (source.trim() === "") return { ok: false, error: { reason: "empty" }, offset: 0 };
  try {
    const parser = new Parser(tokenize(source));
    const condition = parser.parse();
    return { ok: true, condition, references: parser.references };
  } catch (e) {
    if (e instanceof SyntaxError_) return { ok: false, error: e.error, offset: e.offset };
    throw e;
  }
}

/** An answer lookup by item id (or "item[row]" for grid rows): the code, or undefined. */
export type Answers = (itemId: string) => string | undefined;

/**
 * Evaluates a condition. A comparison on an unanswered item is false; numbers compare numerically
 * when both sides are numbers (decimal comma accepted); `true`/`false` stand for the codes yes/no;
 * for multi answers ("a;b") `==` and `in` mean "chosen", `!=` "not chosen".
 */
export function evaluateCondition(cond: Condition, answers: Answers): boolean {
  switch (cond.kind) {
    case "and":
      return evaluateCondition(cond.left, answers) && evaluateCondition(cond.right, answers);
    case "or":
      return evaluateCondition(cond.left, answers) || evaluateCondition(cond.right, answers);
    case "not":
      return !evaluateCondition(cond.operand, answers);
    case "answered":
      return answerOf(answers, cond.item) !== undefined;
    case "in": {
      const answer = answerOf(answers, cond.item);
      return answer !== undefined && cond.values.some((v) => matches(answer, v));
    }
    case "compare": {
      const answer = answerOf(answers, cond.item);
      if (answer === undefined) return false;
      switch (cond.op) {
        case "==":
          return matches(answer, cond.value);
        case "!=":
          return !matches(answer, cond.value);
        default:
          return ordered(answer, cond.op, cond.value);
      }
    }
  }
}

/** An answer lookup that may not know yet: UNKNOWN for an item still to be asked. */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type PartialAnswers = (itemId: string) => string | undefined | typeof UNKNOWN;

/**
 * Evaluates a condition while some answers are still to come (Kleene logic): true or false when
 * the known answers decide it whatever the unknown ones will be, undefined when they do not yet.
 * With no UNKNOWN answer it is `evaluateCondition`.
 */
export function evaluateKnown(cond: Condition, answers: PartialAnswers): boolean | undefined {
  switch (cond.kind) {
    case "and": {
      const l = evaluateKnown(cond.left, answers);
      if (l === false) return false;
      const r = evaluateKnown(cond.right, answers);
      if (r === false) return false;
      return l === true && r === true ? true : undefined;
    }
    case "or": {
      const l = evaluateKnown(cond.left, answers);
      if (l === true) return true;
      const r = evaluateKnown(cond.right, answers);
      if (r === true) return true;
      return l === false && r === false ? false : undefined;
    }
    case "not": {
      const v = evaluateKnown(cond.operand, answers);
      return v === undefined ? undefined : !v;
    }
    default: {
      if (answers(cond.item) === UNKNOWN) return undefined;
      return evaluateCondition(cond, (id) => {
        const a = answers(id);
        return a === UNKNOWN ? undefined : a;
      });
    }
  }
}

function answerOf(answers: Answers, item: string): string | undefined {
  const a = answers(item)?.trim();
  return a === undefined || a === "" ? undefined : a;
}

/** The literal as an answer code: true/false are yes/no. */
export function literalCode(v: Literal): string {
  return typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
}

function matches(answer: string, value: Literal): boolean {
  const codes = answer.includes(";") ? answer.split(";").map((c) => c.trim()) : [answer];
  return codes.some((code) => {
    if (typeof value === "number") {
      const n = toNumber(code);
      return n !== undefined ? n === value : code === String(value);
    }
    return code === literalCode(value);
  });
}

function ordered(answer: string, op: Op, value: Literal): boolean {
  const a = toNumber(answer);
  if (a === undefined || typeof value !== "number") return false;
  switch (op) {
    case "<":
      return a < value;
    case "<=":
      return a <= value;
    case ">":
      return a > value;
    default:
      return a >= value;
  }
}

/** "3", "-1.5", "2,5" → number; anything else → undefined. */
export function toNumber(s: string): number | undefined {
  const t = s.trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}
