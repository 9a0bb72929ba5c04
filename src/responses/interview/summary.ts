// The respondent's result at the end of an interview: score and level per dimension, overall.
// Returns lines; the command prints them.
import type { Questionnaire } from "../../questionnaire/model.js";
import { levelOf } from "../../scoring/build.js";
import { combineDimensions, compilePlan, scoreRespondent } from "../../scoring/respondent.js";
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

export function interviewResult(
  q: Questionnaire,
  state: InterviewState,
  lang: Lang,
  minCoverage: number,
): InterviewResult {
  const answers = finalAnswers(q, state);
  const plan = compilePlan(q);
  const r = scoreRespondent(plan, state.group, (k) => answers.get(k), minCoverage);
  const levelName = (s: number | undefined) =>
    s === undefined ? undefined : pick(levelOf(q.levels, s).name, lang, q);
  const dimensions = plan.dimensions.map((d, i): DimensionResult => {
    const s = r.dimensions[i]!;
    return {
      id: d.id,
      name: pick(d.name, lang, q),
      score: s.score,
      level: levelName(s.score),
      answered: s.answered,
      applicable: s.applicable,
    };
  });
  const withItems = dimensions
    .map((d, i) => ({ d, w: plan.dimensions[i]!.weight }))
    .filter((x) => x.d.applicable > 0);
  const overall = combineDimensions(
    withItems.map((x) => x.d.score),
    withItems.map((x) => x.w),
    q.overall.aggregate,
  );
  return { dimensions, overall, overallLevel: levelName(overall) };
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
  lines.push(
    result.overall === undefined
      ? `  ${style.bold(label.padEnd(width))}    –`
      : `  ${style.bold(label.padEnd(width))}  ${num(result.overall)}  ${result.overallLevel}`,
  );
  return `${lines.join("\n")}\n`;
}
