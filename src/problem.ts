// Errors are data: every layer returns problems instead of throwing, so a user sees all of them
// at once, each with a place and a fix. The CLI formats them like a compiler does.

import {
  codeOf,
  isMessageId,
  type MessageId,
  type ParamsOf,
  renderHint,
  renderMessage,
  type Said,
} from "./messages/catalogue.js";
import type { Lang, Params } from "./messages/entry.js";
import { compareStrings } from "./util/order.js";

export type Severity = "error" | "warning";

export interface Problem {
  /** Stable, kebab-case code; tests assert codes, not wording. */
  readonly code: string;
  readonly severity: Severity;
  /** The message in English, as printed under LANG=C. */
  readonly message: string;
  /**
   * A catalogued message (src/messages): its id and parameters, from which the CLI says it in the
   * user's language; every problem reifegrad reports has one (`coded`). Without one, a problem
   * is printed as `message` says.
   */
  readonly id?: MessageId;
  readonly params?: Params;
  readonly file?: string;
  /** 1-based line (YAML) or row (CSV, header = row 1). */
  readonly line?: number;
  /** 1-based column (YAML) or column number (CSV). */
  readonly column?: number;
  /** How to fix it (in English; see `id`). */
  readonly hint?: string;
}

export interface Where {
  file?: string;
  line?: number;
  column?: number;
  severity?: Severity;
}

/**
 * A problem from the catalogue: `coded("unknown-scale", { id, closest, defined }, at)`. Its code
 * is the id's (`duplicate-id.level` → `duplicate-id`) unless `code` names another one (a shape's
 * range or enum check reports the code the format gives it).
 */
export function coded<K extends MessageId>(
  id: K,
  params: ParamsOf<K>,
  where: Where & { code?: string } = {},
): Problem {
  const { severity = "error", code = codeOf(id), ...at } = where;
  const p = params as Params;
  const hint = renderHint(id, p, "en");
  return {
    code,
    severity,
    message: renderMessage(id, p, "en"),
    id,
    params: p,
    ...at,
    ...(hint !== undefined ? { hint } : {}),
  };
}

/** A problem from a message given as a value (see `said`). */
export function codedFrom(s: Said, where: Where & { code?: string } = {}): Problem {
  return coded(s.id as MessageId, s.params as ParamsOf<MessageId>, where);
}

/** A problem's message and hint in one language (the catalogue's, else as it was written). */
export function problemText(p: Problem, lang: Lang): { message: string; hint?: string } {
  if (p.id === undefined || p.params === undefined || !isMessageId(p.id)) {
    return { message: p.message, ...(p.hint !== undefined ? { hint: p.hint } : {}) };
  }
  const hint = renderHint(p.id, p.params, lang);
  return {
    message: renderMessage(p.id, p.params, lang),
    ...(hint !== undefined ? { hint } : {}),
  };
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
