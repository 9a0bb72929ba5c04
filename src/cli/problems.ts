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

export function formatProblems(
  problems: readonly Problem[],
  c: ChalkInstance,
  lang: MessageLang = "en",
): string {
  return sortProblems(problems)
    .map((p) => `${formatProblem(p, c, lang)}\n`)
    .join("");
}
