import type { Problem } from "../problem.js";

/** A message the CLI says in the user's language: German under a German locale, else English. */
export interface Bilingual {
  readonly de: string;
  readonly en: string;
}

/**
 * An error the user can fix: printed as one line (plus problems), never with a stack trace. Its
 * message is given in both languages where it is thrown (the shell's code has no locale at hand
 * everywhere); main.ts prints the one of the user's locale. `message` is the English one.
 */
export class UserError extends Error {
  readonly texts: Bilingual;

  constructor(
    message: string | Bilingual,
    readonly exitCode: 1 | 2 = 1,
    readonly problems: readonly Problem[] = [],
  ) {
    const texts = typeof message === "string" ? { de: message, en: message } : message;
    super(texts.en);
    this.texts = texts;
    this.name = "UserError";
  }

  /** The message in the user's language. */
  say(lang: "de" | "en"): string {
    return this.texts[lang];
  }
}
