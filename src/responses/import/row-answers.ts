// A respondent's answers over one array of values and a key → slot index shared by every row of
// a file: no per-row Map to build, lookups are one shared-Map hit.
import type { AlignedAnswers, Answers } from "../model.js";

export class RowAnswers implements Answers, AlignedAnswers {
  constructor(
    readonly index: ReadonlyMap<string, number>,
    readonly cells: readonly (string | undefined)[],
  ) {}

  get(key: string): string | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.cells[i];
  }
}
