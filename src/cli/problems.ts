// Formats problems the way good compilers do: file:line:col severity code: message, then the hint.
// The message and hint are in the user's language (catalogued problems, src/messages); the place,
// the severity and the code are the same in every language, for tools and tests that read them.
import type { ChalkInstance } from "chalk";
import { type Problem, problemText, sortProblems } from "../problem.js";
import { type MessageLang, say } from "./locale.js";

export function formatProblem(p: Problem, c: ChalkInstance, lang: MessageLang = "en"): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(":");
  const sev = p.severity === "error" ? c.red("error") : c.yellow("warning");
  const { message, hint } = problemText(p, lang);
  const head = `${where ? `${c.bold(where)} ` : ""}${sev} ${c.dim(p.code)}: ${message}`;
  return hint ? `${head}\n    ${c.dim(`${say(lang, "Tipp", "hint")}: ${hint}`)}` : head;
}

/**
 * Problems as JSON for tools (`--json`): code, severity and place as printed, message and hint in
 * the user's language; one object per problem, sorted as printed.
 */
export function problemsJson(problems: readonly Problem[], lang: MessageLang = "en"): object[] {
  return sortProblems(problems).map((p) => {
    const { message, hint } = problemText(p, lang);
    return {
      code: p.code,
      severity: p.severity,
      ...(p.file !== undefined ? { file: p.file } : {}),
      ...(p.line !== undefined ? { line: p.line } : {}),
      ...(p.column !== undefined ? { column: p.column } : {}),
      message,
      ...(hint ? { hint } : {}),
    };
  });
}

export function formatProblems(
  problems: readonly Problem[],
  c: ChalkInstance,
  lang: MessageLang = "en",
): string {
  return sortProblems(problems)
    .map((p) => `${formatProblem(p, c, lang)}\n`)
    .join("");
}
