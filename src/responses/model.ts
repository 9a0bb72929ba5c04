// One record per respondent, whatever produced it (survey export or terminal interview).
import type { AnswerCodes } from "./answer-codes.js";

export interface ResponseRecord {
  /**
   * Respondent id, where a caller wants to carry one; nothing scores by it. The importer leaves it
   * out: decoding every row's id only to drop it cost about 4 % of a large run (duplicates are
   * found by hashing the id's bytes).
   */
  readonly respondent?: string;
  /** Department id; undefined for respondents outside the administration (citizens, businesses). */
  readonly department?: string;
  /** Respondent group / perspective id (staff, management, citizens, businesses). */
  readonly group: string;
  /**
   * Answers as codes, keyed by item id (grid rows as `item[row]`): a scale option or choice code,
   * yes/no, a number in canonical form, choice codes joined by ";" (multi), or free text.
   * Missing keys and empty strings mean "not answered".
   */
  readonly answers: Answers;
  /**
   * The same answers as the scorer's answer codes (Scorer.codes), one per position of a key →
   * position index shared by every row of a file: the scorer maps positions once per file and
   * reads no string. Optional: records without it are read through `answers`.
   */
  readonly aligned?: AlignedAnswers;
}

/** What the scorer reads of a record's answers (a Map is one). */
export interface Answers {
  get(key: string): string | undefined;
}

export interface AlignedAnswers {
  readonly index: ReadonlyMap<string, number>;
  readonly codes: Int32Array;
  /** The codes' dictionary: used only if it is the scoring run's own. */
  readonly answerCodes: AnswerCodes;
}

/** The column of a grid row in answer files and in `answers`. */
export function gridKey(itemId: string, rowId: string): string {
  return `${itemId}[${rowId}]`;
}
