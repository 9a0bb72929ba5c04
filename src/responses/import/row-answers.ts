// A respondent's answers as the run's answer codes over a key → slot index shared by every row
// of a file: no per-row Map to build, and no string until someone asks for one.
import type { AnswerCodes } from "../answer-codes.js";
import type { AlignedAnswers, Answers } from "../model.js";

export class RowAnswers implements Answers, AlignedAnswers {
  constructor(
    readonly index: ReadonlyMap<string, number>,
    readonly codes: Int32Array,
    readonly answerCodes: AnswerCodes,
  ) {}

  /** The answers with their own codes: the importer's are overwritten by the next row. */
  copy(): RowAnswers {
    return new RowAnswers(this.index, this.codes.slice(), this.answerCodes);
  }

  get(key: string): string | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.answerCodes.of(key).strings[this.codes[i]!];
  }
}
