// Respondent ids are pseudonyms: the answers file must not say who answered. An id is generated
// by default; one typed or given with --respondent is refused when it looks like an e-mail
// address or a person's name. Pure: the generated id comes in from the caller.
import type { Lang } from "./texts.js";

export type PseudonymProblem = "email" | "name" | "invalid";

/** The ids `run` generates: anon-xxxx-xxxx (see newId in io/session-store.ts). */
const GENERATED = /^anon-[a-z0-9]{4}-[a-z0-9]{4}$/;
/** What a pseudonym may hold: letters, digits, _ . -, up to 64 characters, no spaces. */
const PSEUDONYM = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const EMAIL = /@|\(at\)|\[at\]/i;
/** Words of letters only (Max Mustermann, mustermann, Anna-Lena, O'Brien, m.mustermann). */
const NAME_LIKE = /^[\p{L}][\p{L}' .,-]*$/u;

/** Why `id` is not a pseudonym, or undefined when it is one. Empty means "generate one". */
export function pseudonymProblem(id: string): PseudonymProblem | undefined {
  const s = id.trim();
  if (s === "" || GENERATED.test(s)) return undefined;
  if (EMAIL.test(s)) return "email";
  // Without a digit, letters (and spaces, dots, hyphens) are a name or a word that points at one.
  if (NAME_LIKE.test(s) && !/\d/.test(s)) return "name";
  if (!PSEUDONYM.test(s)) return /\s/.test(s) ? "name" : "invalid";
  return undefined;
}

/** The message for a refused id, naming it and saying what to use instead. */
export function pseudonymMessage(id: string, problem: PseudonymProblem, lang: Lang): string {
  const shown = id.trim();
  const why = {
    email: lang === "de" ? "ist eine E-Mail-Adresse" : "is an e-mail address",
    name: lang === "de" ? "sieht nach einem Namen aus" : "looks like a person's name",
    invalid:
      lang === "de"
        ? "enthält Zeichen außer Buchstaben, Ziffern, _ . -"
        : "holds characters other than letters, digits, _ . -",
  }[problem];
  return lang === "de"
    ? `„${shown}“ ${why}: die Kennung ist ein Pseudonym, z. B. P-017 (mit mindestens einer Ziffer) — leer lassen für eine erzeugte`
    : `"${shown}" ${why}: the respondent id is a pseudonym, e.g. P-017 (with at least one digit) — leave it empty for a generated one`;
}
