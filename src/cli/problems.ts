// Formats problems the way good compilers do: file:line:col severity code: message, then the hint.
import type { ChalkInstance } from "chalk";
import { type Problem, sortProblems } from "../problem.js";

export function formatProblem(p: Problem, c: ChalkInstance): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(":");
  const sev = p.severity === "error" ? c.red("error") : c.yellow("warning");
  const head = `${where ? `${c.bold(where)} ` : ""}${sev} ${c.dim(p.code)}: ${p.message}`;
  return p.hint ? `${head}\n    ${c.dim(`hint: ${p.hint}`)}` : head;
}

export function formatProblems(problems: readonly Problem[], c: ChalkInstance): string {
  return sortProblems(problems)
    .map((p) => `${formatProblem(p, c)}\n`)
    .join("");
}
