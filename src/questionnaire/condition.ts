// Evaluates a parsed `when` condition against a respondent's answers (codes). Kept for the
// importers of this module (scoring, interview); the one implementation lives in when.ts, beside
// the parser, so validation, interview and scoring share one meaning of every expression.
export { type Answers as AnswerLookup, evaluateCondition } from "./when.js";
