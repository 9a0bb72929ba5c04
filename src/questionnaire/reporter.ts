// How rules hand problems back: a function that records one catalogued problem (src/messages) at
// a source position. Rules give a message id and its parameters; the words come at print time.
import type { MessageId, ParamsOf } from "../messages/catalogue.js";
import { coded, type Problem, type Severity } from "../problem.js";
import type { Path, Position } from "./yaml-source.js";

export interface ReportOptions {
  readonly severity?: Severity;
  /** Another code than the message id's (a shape's range and enum checks). */
  readonly code?: string;
}

export type Report = <K extends MessageId>(
  id: K,
  params: ParamsOf<K>,
  at: Position,
  options?: ReportOptions,
) => void;

export function reporterInto(problems: Problem[]): Report {
  return (id, params, at, options = {}) => {
    problems.push(coded(id, params, { ...at, ...options }));
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

/** "items[2].text" — a path as people read it; "" for the whole file (messages say "the file"). */
export function pathName(path: Path): string {
  let out = "";
  for (const seg of path)
    out += typeof seg === "number" ? `[${seg}]` : out === "" ? seg : `.${seg}`;
  return out;
}
