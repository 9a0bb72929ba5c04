// Errors are data: every layer returns problems instead of throwing, so a user sees all of them
// at once, each with a place and a fix. The CLI formats them like a compiler does.

import { compareStrings } from "./util/order.js";

export type Severity = "error" | "warning";

export interface Problem {
  /** Stable, kebab-case code; tests assert codes, not wording. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file?: string;
  /** 1-based line (YAML) or row (CSV, header = row 1). */
  readonly line?: number;
  /** 1-based column (YAML) or column number (CSV). */
  readonly column?: number;
  /** How to fix it. */
  readonly hint?: string;
}

export function problem(
  code: string,
  message: string,
  where: { file?: string; line?: number; column?: number; hint?: string; severity?: Severity } = {},
): Problem {
  const { severity = "error", ...rest } = where;
  return { code, severity, message, ...rest };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Orders problems by file, line, column, code so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareStrings(a.file ?? "", b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareStrings(a.code, b.code),
  );
}
