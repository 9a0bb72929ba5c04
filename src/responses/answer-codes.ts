// A run's answers as small integers: per answer key (item id, grid row `item[row]`), every
// distinct answer gets a code the first time it is seen, 0 being "not answered". The importer
// turns cells into codes and the scorer looks a code up in typed tables, so no string travels
// from a cell to a tally; an answer string is read back only where it is needed (a `when`
// comparison or a composite item, once per distinct code, and free text).
import { evaluateCondition } from "../questionnaire/condition.js";
import type { Condition } from "../questionnaire/model.js";

export class KeyCodes {
  /** Code → answer; code 0 is "not answered". */
  readonly strings: (string | undefined)[] = [undefined];
  private readonly index = new Map<string, number>();

  /**
   * @param keep false for free text the run does not collect: every answer is then code 1, so
   *   a large export's texts are not held in memory only to be dropped.
   */
  constructor(private readonly keep = true) {
    if (!keep) this.strings.push("");
  }

  code(answer: string | undefined): number {
    if (answer === undefined || answer === "") return 0;
    if (!this.keep) return 1;
    let c = this.index.get(answer);
    if (c === undefined) {
      c = this.strings.length;
      this.strings.push(answer);
      this.index.set(answer, c);
    }
    return c;
  }
}

export class AnswerCodes {
  private readonly byKey = new Map<string, KeyCodes>();

  /** @param dropped keys whose answers are not kept (free text not collected). */
  constructor(private readonly dropped: ReadonlySet<string> = new Set()) {}

  of(key: string): KeyCodes {
    let k = this.byKey.get(key);
    if (!k) {
      k = new KeyCodes(!this.dropped.has(key));
      this.byKey.set(key, k);
    }
    return k;
  }
}

/**
 * A `when` condition as a function of a row's codes (at `row` in `codes`), for the scorer and
 * the importer's account alike. Each comparison depends on one answer only, so its result is kept per code (0: not yet known, 1: false, 2: true); the comparison itself is
 * evaluateCondition's, on the answer the code stands for.
 */
export function compileCondition(
  cond: Condition,
  indexOf: (key: string) => number,
  answers: (at: number) => readonly (string | undefined)[],
): (codes: Int32Array, row: number) => boolean {
  switch (cond.kind) {
    case "and": {
      const l = compileCondition(cond.left, indexOf, answers);
      const r = compileCondition(cond.right, indexOf, answers);
      return (c, row) => l(c, row) && r(c, row);
    }
    case "or": {
      const l = compileCondition(cond.left, indexOf, answers);
      const r = compileCondition(cond.right, indexOf, answers);
      return (c, row) => l(c, row) || r(c, row);
    }
    case "not": {
      const inner = compileCondition(cond.operand, indexOf, answers);
      return (c, row) => !inner(c, row);
    }
    default: {
      const at = indexOf(cond.item);
      const strings = at < 0 ? [undefined] : answers(at);
      let memo = new Uint8Array(16);
      // Apart from the per-row function: a closure over `code` there would make V8 allocate a
      // context for it on every call (about 200 MB of garbage at 1M rows).
      const learn = (code: number) => (evaluateCondition(cond, () => strings[code]) ? 2 : 1);
      return (codes, row) => {
        const code = at < 0 ? 0 : codes[row + at]!;
        if (code >= memo.length) memo = grown(memo, code);
        let r = memo[code]!;
        if (r === 0) {
          r = learn(code);
          memo[code] = r;
        }
        return r === 2;
      };
    }
  }
}

/** A copy of `a` with room for index `i`. */
export function grown<T extends Uint8Array | Int8Array | Int32Array | Float64Array>(
  a: T,
  i: number,
): T {
  let n = a.length;
  while (n <= i) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}
