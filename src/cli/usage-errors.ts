// Commander's usage errors (an unknown option, a missing argument…) in the user's language. They
// come from commander as English lines; under a German locale each known form is said in German
// with the same option, command or value. Exit code 2 either way.
import type { MessageLang } from "./locale.js";

/** Commander's English forms (commander 12–14) and their German wording; $1… are the parts kept. */
const GERMAN: readonly (readonly [RegExp, string])[] = [
  [/^error: unknown option '(.+)'/, "Fehler: unbekannte Option „$1“"],
  [/^error: unknown command '(.+)'/, "Fehler: unbekannter Befehl „$1“"],
  [/^error: missing required argument '(.+)'/, "Fehler: das Argument „$1“ fehlt"],
  [/^error: option '(.+)' argument missing/, "Fehler: bei der Option „$1“ fehlt der Wert"],
  [/^error: required option '(.+)' not specified/, "Fehler: die Option „$1“ ist nötig"],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\./,
    "Fehler: „$2“ ist für die Option „$1“ nicht erlaubt; erlaubt sind $3.",
  ],
  [
    /^error: too many arguments for '(.+)'\. Expected (\d+) arguments? but got (\d+)\./,
    "Fehler: zu viele Argumente für „$1“: erwartet $2, angegeben $3.",
  ],
  [
    /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./,
    "Fehler: zu viele Argumente: erwartet $1, angegeben $2.",
  ],
  [/^error: (.+) cannot be used with (.+)$/, "Fehler: $1 lässt sich nicht mit $2 kombinieren"],
  [/^\(Did you mean one of (.+)\?\)/, "(Meinten Sie eine von $1?)"],
  [/^\(Did you mean (.+)\?\)/, "(Meinten Sie $1?)"],
  [/^error: /, "Fehler: "],
];

/** One of commander's error texts (possibly several lines) in the user's language. */
export function usageError(text: string, lang: MessageLang): string {
  if (lang !== "de") return text;
  return text
    .split("\n")
    .map((line) => {
      const rule = GERMAN.find(([re]) => re.test(line));
      return rule ? line.replace(rule[0], rule[1]) : line;
    })
    .join("\n");
}

/** The line commander adds after a usage error of the top-level command. */
export function helpAfterError(lang: MessageLang): string {
  return lang === "de" ? "(Hilfe mit --help)" : "(run with --help for usage)";
}
