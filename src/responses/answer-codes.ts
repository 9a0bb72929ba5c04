// A run's answers as small integers: per answer key (item id, grid row `item[row]`), every
// distinct answer gets a code the first time it is seen, 0 being "not answered". The importer
// turns cells into codes and the scorer looks a code up in typed tables, so no string travels
// from a cell to a tally; an answer string is read back only where it is needed (a `when`
// comparison or a composite item, once per distinct code, and free text).

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
