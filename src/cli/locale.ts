// The language of the CLI's own messages: German under a German locale, English otherwise. Report
// and interview languages are flags (--lang); this is only for what the CLI says to its user.
// Machine-readable parts (problem codes, file:line:column, paths) never change with it.
// Coded problems take their words from the catalogue (src/messages); the CLI's own lines say
// both texts where they are written, with say().
import type { Lang } from "../messages/entry.js";

export type MessageLang = Lang;

/**
 * POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG; the first one set decides.
 * `de`, `de_DE.UTF-8`, `de_AT`, `de-CH` → German; anything else (C, POSIX, en_US…) → English.
 */
export function messageLang(env: Readonly<Record<string, string | undefined>>): MessageLang {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  return value !== undefined && /^de(?:[_.@-]|$)/i.test(value) ? "de" : "en";
}

/** Picks the German or the English text of one message. */
export function say(lang: MessageLang, de: string, en: string): string {
  return lang === "de" ? de : en;
}
