// How rules hand problems back: a function that records one problem at a source position.
import { type Problem, problem, type Severity } from "../problem.js";
import type { Path, Position } from "./yaml-source.js";

export interface ReportOptions {
  readonly hint?: string;
  readonly severity?: Severity;
}

export type Report = (code: string, message: string, at: Position, options?: ReportOptions) => void;

export function reporterInto(problems: Problem[]): Report {
  return (code, message, at, options = {}) => {
    problems.push(
      problem(code, message, {
        ...at,
        ...(options.hint !== undefined ? { hint: options.hint } : {}),
        ...(options.severity !== undefined ? { severity: options.severity } : {}),
      }),
    );
  };
}

/** Drops repeats: the same code at the same place (an inherited file's problem is found again for every file extending it). */
export function uniqueProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.code, p.file, p.line, p.column]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "items[2].text" — a path as people read it. */
export function describePath(path: Path): string {
  let out = "";
  for (const seg of path)
    out += typeof seg === "number" ? `[${seg}]` : out === "" ? seg : `.${seg}`;
  return out === "" ? "the file" : out;
}
