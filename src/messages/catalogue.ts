// The catalogue of problem messages: every coded message reifegrad's core reports, in English and
// German, with typed parameters. The core returns a message id and its parameters; the CLI puts
// them into words in the language of the user's locale when it prints (src/cli/problems.ts).
// An id is the problem code, or `code.variant` where one code has several messages: the code is
// the same in every language and is what tests and --json readers rely on.
import { type Entry, type Lang, type Params, shown } from "./entry.js";
import { IMPORT_MESSAGES } from "./import.js";
import { PROJECT_MESSAGES } from "./project.js";
import { QUESTIONNAIRE_MESSAGES } from "./questionnaire.js";
import { SURVEY_MESSAGES } from "./survey.js";

export type { Lang } from "./entry.js";

export const MESSAGES = {
  ...QUESTIONNAIRE_MESSAGES,
  ...PROJECT_MESSAGES,
  ...IMPORT_MESSAGES,
  ...SURVEY_MESSAGES,
};

export type MessageId = keyof typeof MESSAGES;

/** The parameters of a message, as its templates declare them. */
export type ParamsOf<K extends MessageId> = (typeof MESSAGES)[K] extends Entry<infer P> ? P : never;

/** A message id with its parameters, as a value (e.g. a cell converter's verdict). */
export type Said = {
  [K in MessageId]: { readonly id: K; readonly params: ParamsOf<K> };
}[MessageId];

export function said<K extends MessageId>(id: K, params: ParamsOf<K>): Said {
  return { id, params } as unknown as Said;
}

/** The problem code of a message id: `duplicate-id.level` → `duplicate-id`. */
export function codeOf(id: MessageId): string {
  const dot = id.indexOf(".");
  return dot < 0 ? id : id.slice(0, dot);
}

export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(MESSAGES, id);
}

function entry(id: MessageId): Entry<Params> {
  return MESSAGES[id] as unknown as Entry<Params>;
}

/** The message in one language. */
export function renderMessage(id: MessageId, params: Params, lang: Lang): string {
  return entry(id)[lang](quoted(params, lang));
}

/** The parameters with every text shown as a message quotes the user's data (see `shown`). */
function quoted(params: Params, lang: Lang): Params {
  const out: Record<string, Params[string]> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === "string" ? shown(lang, v) : v;
  return out;
}

/** The hint in one language; undefined when the message has none (for these parameters). */
export function renderHint(id: MessageId, params: Params, lang: Lang): string | undefined {
  const hint = entry(id).hint?.[lang](quoted(params, lang));
  return hint === undefined || hint === "" ? undefined : hint;
}
