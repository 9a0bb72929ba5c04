// The respondent's result at the end of an interview: score and level per dimension, overall.
// Returns lines; the command prints them.
import type { Questionnaire } from "../../questionnaire/model.js";
import { indexScore, levelOf } from "../../scoring/build.js";
import { type Ratio, toNumber } from "../../scoring/exact.js";
import { compilePlan, scoreRespondent } from "../../scoring/respondent.js";
import { finalAnswers, type InterviewState } from "./flow.js";
import { type Lang, pick } from "./texts.js";

export interface DimensionResult {
  readonly id: string;
  readonly name: string;
  readonly score: number | undefined;
  readonly level: string | undefined;
  readonly answered: number;
  readonly applicable: number;
}

export interface InterviewResult {
  readonly dimensions: readonly DimensionResult[];
  readonly overall: number | undefined;
  readonly overallLevel: string | undefined;
}

/**
 * The interview's result as the department's report will show it: levels decided on exact
 * scores, and the overall index by the assessment's own rule (every dimension scored; areas
 * when they cover the dimensions).
 */
export function interviewResult(
  q: Questionnaire,
  state: InterviewState,
  lang: Lang,
  minCoverage: number,
): InterviewResult {
  const answers = finalAnswers(q, state);
  const plan = compilePlan(q);
  const r = scoreRespondent(plan, state.group, (k) => answers.get(k), minCoverage);
  const levelName = (s: Ratio | undefined) =>
    s === undefined ? undefined : pick(levelOf(q.levels, s).name, lang, q);
  const means = new Map<string, Ratio>();
  const dimensions = plan.dimensions.map((d, i): DimensionResult => {
    const s = r.dimensions[i]!;
    if (s.exact) means.set(d.id, s.exact);
    return {
      id: d.id,
      name: pick(d.name, lang, q),
      score: s.score,
      level: levelName(s.exact),
      answered: s.answered,
      applicable: s.applicable,
    };
  });
  const ids = plan.dimensions.map((d) => d.id);
  const overall = indexScore(q, ids, means);
  return { dimensions, overall: overall && toNumber(overall), overallLevel: levelName(overall) };
}

export function renderResult(
  result: InterviewResult,
  lang: Lang,
  style: { bold: (s: string) => string; dim: (s: string) => string } = {
    bold: (s) => s,
    dim: (s) => s,
  },
): string {
  const de = lang === "de";
  const width = Math.max(...result.dimensions.map((d) => d.name.length), 12);
  const num = (s: number) => s.toFixed(0).padStart(3);
  const lines = [
    style.bold(de ? "Ergebnis dieses Interviews (0–100)" : "Result of this interview (0–100)"),
  ];
  for (const d of result.dimensions) {
    if (d.applicable === 0) continue;
    const cov = style.dim(`${d.answered}/${d.applicable} ${de ? "beantwortet" : "answered"}`);
    lines.push(
      d.score === undefined
        ? `  ${d.name.padEnd(width)}    – ${de ? "zu wenige Antworten" : "too few answers"}  ${cov}`
        : `  ${d.name.padEnd(width)}  ${num(d.score)}  ${d.level}  ${cov}`,
    );
  }
  const label = de ? "Gesamt" : "Overall";
  const why = de ? "braucht einen Wert in jeder Dimension" : "needs a score in every dimension";
  lines.push(
    result.overall === undefined
      ? `  ${style.bold(label.padEnd(width))}    –  ${style.dim(why)}`
      : `  ${style.bold(label.padEnd(width))}  ${num(result.overall)}  ${result.overallLevel}`,
  );
  return `${lines.join("\n")}\n`;
}
