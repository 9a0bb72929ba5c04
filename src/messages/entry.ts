// One message of the catalogue: its English and German text as templates over typed parameters,
// and optionally a hint (how to fix it) in both languages. Parameters are plain data (strings,
// numbers, lists of strings), so a problem stays JSON (the load cache stores problems) and is put
// into words only when it is printed, in the language of the user's locale.

/** The languages the CLI speaks to its user: German under a German locale, English otherwise. */
export type Lang = "de" | "en";

export type Param = string | number | boolean | readonly string[] | undefined;
export type Params = { readonly [name: string]: Param };

type Template<P> = (p: P) => string;

export interface Entry<P extends Params> {
  readonly en: Template<P>;
  readonly de: Template<P>;
  /** How to fix it; a template may return "" when there is nothing to add for these parameters. */
  readonly hint?: { readonly en: Template<P>; readonly de: Template<P> };
}

/** Declares an entry with its parameter type: `msg<{ id: string }>({ en: (p) => …, de: (p) => … })`. */
export function msg<P extends Params = Record<string, never>>(entry: Entry<P>): Entry<P> {
  return entry;
}

/** Characters of a quoted value a message shows; a longer one is cut (a cell can be megabytes). */
const SHOWN = 200;

/**
 * A value from the user's data as a message quotes it: on one line, and cut after SHOWN
 * characters with its length said, so a broken quote that swallowed a file, or a 50 MB cell,
 * stays one readable line.
 */
export function shown(lang: Lang, value: string): string {
  const line = value.replace(/\r?\n|\r/g, "⏎");
  if (line.length <= SHOWN) return line;
  const n = value.length.toLocaleString(lang === "de" ? "de-DE" : "en-US");
  return `${line.slice(0, SHOWN)}… (${n} ${lang === "de" ? "Zeichen" : "characters"})`;
}

/** "a, b, c"; "none" / "keine" when empty. */
export function list(lang: Lang, values: readonly string[] | undefined): string {
  const all = values ?? [];
  return all.length === 0 ? (lang === "de" ? "keine" : "none") : all.join(", ");
}

/** ` (did you mean "x"?)` or "" — the suggestion is found by the core (suggest.ts's closest). */
export function suggestion(lang: Lang, closest: string | undefined): string {
  if (closest === undefined) return "";
  return lang === "de" ? ` (meinten Sie „${closest}“?)` : ` (did you mean "${closest}"?)`;
}

/** A place in a YAML file as people read it ("items[2].text"); "" is the whole file. */
export function place(lang: Lang, path: string): string {
  return path !== "" ? path : lang === "de" ? "die Datei" : "the file";
}
