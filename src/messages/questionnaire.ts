// What the questionnaire checks say (YAML, structure, composition, rules), in English and German.
// An id is the problem code, or `code.variant` where one code has several messages; a shape's
// range and enum checks report their own codes (format.ts) with the messages "out-of-range" and
// "invalid-value".
import type { FoundKind, WhenSyntax } from "../questionnaire/when.js";
import { type Lang, list, msg, place, suggestion } from "./entry.js";

const de = (lang: Lang) => lang === "de";

/** What the `when` parser found where it went wrong (questionnaire/when.ts), as a message says it. */
function tokenName(lang: Lang, kind: FoundKind | undefined, v = ""): string {
  const q = de(lang) ? `„${v}“` : `"${v}"`;
  switch (kind) {
    case "end":
      return de(lang) ? "das Ende" : "the end";
    case "num":
      return de(lang) ? `die Zahl ${v}` : `number ${v}`;
    case "str":
      return de(lang) ? `der Text ${q}` : `string ${q}`;
    case "row":
      return de(lang) ? `„[${v}]“` : `"[${v}]"`;
    default:
      return q;
  }
}

const WHEN_EXPECTED = {
  "close-paren": { en: '")"', de: "„)“" },
  "open-paren-after-answered": { en: '"(" after answered', de: "„(“ nach answered" },
  "bracket-after-in": { en: '"[" after in', de: "„[“ nach in" },
  "comma-or-bracket": { en: '"," or "]"', de: "„,“ oder „]“" },
} as const;

function whenDetail(lang: Lang, p: WhenSyntax): string {
  const found = tokenName(lang, p.foundKind, p.found);
  const en = !de(lang);
  switch (p.reason) {
    case "row-not-closed":
      return en
        ? '"[" of a grid row is not closed with "]"'
        : "„[“ einer Matrixzeile wird nicht mit „]“ geschlossen";
    case "single-equals":
      return en ? 'use "==" to compare, not "="' : "vergleichen Sie mit „==“, nicht mit „=“";
    case "exclamation":
      return en ? 'use "not" or "!=", not "!"' : "verwenden Sie „not“ oder „!=“, nicht „!“";
    case "string-not-closed":
      return en ? "string is not closed" : "ein Text in Anführungszeichen wird nicht geschlossen";
    case "unexpected-character":
      return en ? `unexpected character ${found}` : `unerwartetes Zeichen ${found}`;
    case "trailing":
      return en
        ? `unexpected ${found}; expected "and", "or" or the end`
        : `unerwartet: ${found}; erwartet: „and“, „or“ oder das Ende`;
    case "expected": {
      const what = WHEN_EXPECTED[p.expected ?? "close-paren"][lang];
      return en ? `expected ${what}, found ${found}` : `erwartet: ${what}, gefunden: ${found}`;
    }
    case "too-deep":
      return en ? "expression is nested too deeply" : "der Ausdruck ist zu tief verschachtelt";
    case "expected-comparison":
      return en
        ? `expected a comparison (==, !=, <, <=, >, >=) or "in" after ${p.ref}, found ${found}`
        : `nach ${p.ref} fehlt ein Vergleich (==, !=, <, <=, >, >=) oder „in“, gefunden: ${found}`;
    case "expected-item":
      return en
        ? `expected an item id, found ${found}`
        : `erwartet: eine Fragen-Kennung, gefunden: ${found}`;
    case "empty-row":
      return en ? "grid row id is empty" : "die Kennung der Matrixzeile ist leer";
    case "expected-value":
      return en
        ? `expected a value (number, "text" or code), found ${found}`
        : `erwartet: ein Wert (Zahl, „Text“ oder Code), gefunden: ${found}`;
    case "too-long":
      return en
        ? `expression is longer than ${p.limit} characters`
        : `der Ausdruck ist länger als ${p.limit} Zeichen`;
    case "empty":
      return en ? "expression is empty" : "der Ausdruck ist leer";
  }
}

/** How a wrong value is described: its kind and (for scalars) its text. */
export type ValueKind = "empty" | "list" | "mapping" | "string" | "number" | "boolean" | "other";

function valueName(lang: Lang, kind: string, value: string | undefined): string {
  const v = value ?? "";
  if (de(lang)) {
    switch (kind) {
      case "empty":
        return "leer";
      case "list":
        return "eine Liste";
      case "mapping":
        return "eine Zuordnung";
      case "string":
        return `der Text „${v}“`;
      case "number":
        return `die Zahl ${v}`;
      case "boolean":
        return `der Wahrheitswert ${v}`;
      default:
        return v;
    }
  }
  switch (kind) {
    case "empty":
      return "empty";
    case "list":
      return "a list";
    case "mapping":
      return "a mapping";
    case "string":
      return `the string "${v}"`;
    default:
      return kind === "other" ? v : `${kind} ${v}`;
  }
}

/** What a value must be. */
export type Expected = "mapping" | "list" | "string" | "code" | "number" | "boolean" | "text";

const EXPECTED: Record<Expected, [en: string, de: string]> = {
  mapping: ["a mapping", "eine Zuordnung (Zeilen `schlüssel: wert`)"],
  list: ["a list", "eine Liste"],
  string: ["a string", "ein Text"],
  code: ["a code (string or number)", "ein Code (Text oder Zahl)"],
  number: ["a number", "eine Zahl"],
  boolean: ["true or false", "true oder false"],
  text: ["a text (a string or { de: …, en: … })", "ein Text (ein Text oder { de: …, en: … })"],
};

/** The format's descriptions of id patterns (format.ts), in German. */
const PATTERN_DE: Readonly<Record<string, string>> = {
  "a letter, then letters, digits, _ or -": "einen Buchstaben, dann Buchstaben, Ziffern, _ oder -",
  "a lowercase letter, then lowercase letters, digits or _":
    "einen Kleinbuchstaben, dann Kleinbuchstaben, Ziffern oder _",
  "letters, digits, _ or -": "Buchstaben, Ziffern, _ oder -",
  "a lowercase letter, then lowercase letters, digits, _ or -":
    "einen Kleinbuchstaben, dann Kleinbuchstaben, Ziffern, _ oder -",
  "a language code like de or en": "einen Sprachcode wie de oder en",
  "a date like 2026-11-25": "ein Datum wie 2026-11-25",
};

/** The format's object names (format.ts), in German. */
const SHAPE_DE: Readonly<Record<string, string>> = {
  area: "Bereich",
  band: "Zahlenbereich",
  choice: "Antwort",
  department: "Amt",
  dimension: "Dimension",
  "grid row": "Matrixzeile",
  group: "Gruppe",
  item: "Frage",
  level: "Stufe",
  overall: "Gesamtwert",
  questionnaire: "Fragebogen",
  "scale option": "Skalenoption",
  scale: "Skala",
  project: "Projektdatei",
  input: "Eingabe",
  settings: "Einstellungen",
  outputs: "Ausgaben",
};
const shapeDe = (name: string) => SHAPE_DE[name] ?? name;

/** "kind \"id\" is not defined (did you mean …) (defined: …)", for every kind of reference. */
function unknownRef(kindEn: string, kindDe: string, hintEn: string, hintDe: string) {
  return msg<{ id: string; closest?: string; defined: readonly string[] }>({
    en: (p) =>
      `${kindEn} "${p.id}" is not defined${suggestion("en", p.closest)} (defined: ${list("en", p.defined)})`,
    de: (p) =>
      `${kindDe} „${p.id}“ ist nicht definiert${suggestion("de", p.closest)} (definiert: ${list("de", p.defined)})`,
    hint: { en: () => hintEn, de: () => hintDe },
  });
}

const DEFINED_KIND: Record<string, [en: string, de: string]> = {
  scale: ["scale", "Skala"],
  group: ["group", "Gruppe"],
  area: ["area", "Bereich"],
};

export const QUESTIONNAIRE_MESSAGES = {
  // ── YAML (yaml-source.ts) ───────────────────────────────────────────────────────────────────
  "file-too-large": msg<{ chars: number; limit: number }>({
    en: (p) => `file has ${p.chars} characters, more than the limit of ${p.limit}`,
    de: (p) => `Die Datei hat ${p.chars} Zeichen, mehr als die Obergrenze von ${p.limit}`,
    hint: {
      en: () => "split the questionnaire into a core and department files",
      de: () => "Teilen Sie den Fragebogen in einen Kern und Dateien für die Ämter auf.",
    },
  }),
  "duplicate-key": msg<{ detail: string }>({
    en: (p) => p.detail,
    de: (p) => `Ein Schlüssel steht hier zweimal in derselben Zuordnung (YAML: ${p.detail})`,
    hint: {
      en: () => "a key may appear only once in a mapping; remove or rename one of them",
      de: () =>
        "Jeder Schlüssel darf in einer Zuordnung nur einmal vorkommen; löschen oder benennen Sie einen davon um.",
    },
  }),
  "yaml-syntax": msg<{ detail: string }>({
    en: (p) => p.detail,
    de: (p) => `Die Datei ist an dieser Stelle kein gültiges YAML (${p.detail})`,
    hint: {
      en: () => "check indentation, quotes, colons and brackets on this line and the one before",
      de: () =>
        "Prüfen Sie Einrückung, Anführungszeichen, Doppelpunkte und Klammern in dieser und der vorigen Zeile.",
    },
  }),
  "yaml-warning": msg<{ detail: string }>({
    en: (p) => p.detail,
    de: (p) => `YAML-Warnung: ${p.detail}`,
  }),
  "yaml-too-deep": msg<{ limit: number }>({
    en: (p) => `nesting is deeper than ${p.limit} levels`,
    de: (p) => `Die Verschachtelung ist tiefer als ${p.limit} Ebenen`,
    hint: {
      en: () => "a questionnaire needs only a few levels of nesting; check the indentation",
      de: () => "Ein Fragebogen braucht nur wenige Ebenen; prüfen Sie die Einrückung.",
    },
  }),
  "yaml-alias-limit": msg<{ detail: string; limit: number }>({
    en: (p) => `refused to expand aliases: ${p.detail}`,
    // The parser's own reason is English (and says no more than the hint): not repeated here.
    de: () => "YAML-Aliase (*name) werden zu oft aufgelöst; die Datei wird nicht ausgewertet",
    hint: {
      en: (p) =>
        `YAML aliases (*name) may be expanded at most ${p.limit} times in total; write the content out`,
      de: (p) =>
        `Aliase (*name) dürfen insgesamt höchstens ${p.limit}-mal aufgelöst werden; schreiben Sie den Inhalt aus.`,
    },
  }),
  "tab-indentation": msg({
    en: () => "line is indented with a tab",
    de: () => "Die Zeile ist mit einem Tabulator eingerückt",
    hint: {
      en: () => "indent with spaces; YAML does not allow tabs for indentation",
      de: () => "Rücken Sie mit Leerzeichen ein; YAML erlaubt keine Tabulatoren zum Einrücken.",
    },
  }),

  // ── Files (load.ts) ─────────────────────────────────────────────────────────────────────────
  "not-a-mapping": msg({
    en: () => "a questionnaire must be a YAML mapping (key: value lines)",
    de: () => "Ein Fragebogen muss eine YAML-Zuordnung sein (Zeilen `schlüssel: wert`)",
    hint: {
      en: () => "start the file with `format: 1` and `id: …`",
      de: () => "Beginnen Sie die Datei mit `format: 1` und `id: …`.",
    },
  }),
  "duplicate-questionnaire": msg<{ id: string; file: string }>({
    en: (p) => `questionnaire id "${p.id}" is also used by ${p.file}`,
    de: (p) => `Die Fragebogen-Kennung „${p.id}“ wird auch in ${p.file} verwendet`,
    hint: {
      en: () => "give every questionnaire its own id",
      de: () => "Geben Sie jedem Fragebogen eine eigene Kennung (id).",
    },
  }),

  // ── Structure (shape.ts) ────────────────────────────────────────────────────────────────────
  "wrong-type": msg<{
    path: string;
    expected: Expected;
    /** The object's name in the format (item, scale…), for a mapping. */
    shape?: string;
    got: ValueKind;
    value?: string;
  }>({
    en: (p) =>
      `${place("en", p.path)} must be ${EXPECTED[p.expected][0]}${p.shape ? ` (${p.shape})` : ""}, not ${valueName("en", p.got, p.value)}`,
    de: (p) =>
      `${place("de", p.path)} muss ${EXPECTED[p.expected][1]} sein, ist aber ${valueName("de", p.got, p.value)}`,
    hint: {
      en: (p) =>
        p.expected === "mapping"
          ? p.shape
            ? "write `key: value` lines, indented"
            : "write `id:` followed by indented entries"
          : p.expected === "list"
            ? 'write each entry on its own line starting with "- "'
            : p.expected === "number"
              ? "write digits without quotes"
              : p.expected === "string" && (p.got === "number" || p.got === "boolean")
                ? `put it in quotes ("${p.value}") to make it a string`
                : "",
      de: (p) =>
        p.expected === "mapping"
          ? p.shape
            ? "Schreiben Sie eingerückte Zeilen `schlüssel: wert`."
            : "Schreiben Sie `id:` und darunter die eingerückten Einträge."
          : p.expected === "list"
            ? "Schreiben Sie jeden Eintrag in eine eigene Zeile, beginnend mit „- “."
            : p.expected === "number"
              ? "Schreiben Sie die Ziffern ohne Anführungszeichen."
              : p.expected === "string" && (p.got === "number" || p.got === "boolean")
                ? `Setzen Sie den Wert in Anführungszeichen („"${p.value}"“), damit er ein Text ist.`
                : "",
    },
  }),
  "empty-list": msg<{ path: string; min: number }>({
    en: (p) => `${place("en", p.path)} needs at least ${p.min} entry`,
    de: (p) =>
      `${place("de", p.path)} braucht mindestens ${p.min} ${p.min === 1 ? "Eintrag" : "Einträge"}`,
  }),
  "invalid-id.key": msg<{ key: string; path: string }>({
    en: (p) => `"${p.key}" is not a valid id in ${place("en", p.path)}`,
    de: (p) => `„${p.key}“ ist in ${place("de", p.path)} keine gültige Kennung`,
    hint: {
      en: () => "ids start with a letter, then letters, digits, _ or -",
      de: () =>
        "Eine Kennung beginnt mit einem Buchstaben, dann folgen Buchstaben, Ziffern, _ oder -.",
    },
  }),
  "invalid-id": msg<{ path: string; value: string; pattern: string }>({
    en: (p) => `${place("en", p.path)} "${p.value}" is not a valid id`,
    de: (p) => `${place("de", p.path)} „${p.value}“ ist keine gültige Kennung`,
    hint: {
      en: (p) => `use ${p.pattern}`,
      de: (p) => `Verwenden Sie ${PATTERN_DE[p.pattern] ?? p.pattern}.`,
    },
  }),
  "invalid-value": msg<{
    path: string;
    value: string;
    closest?: string;
    allowed: readonly string[];
  }>({
    en: (p) =>
      `${place("en", p.path)} is "${p.value}"${suggestion("en", p.closest)}; allowed: ${list("en", p.allowed)}`,
    de: (p) =>
      `${place("de", p.path)} ist „${p.value}“${suggestion("de", p.closest)}; erlaubt: ${list("de", p.allowed)}`,
    hint: {
      en: (p) => `use one of: ${list("en", p.allowed)}`,
      de: (p) => `Verwenden Sie einen dieser Werte: ${list("de", p.allowed)}.`,
    },
  }),
  "invalid-code": msg<{ path: string; value: string }>({
    en: (p) => `${place("en", p.path)} "${p.value}" is not a valid answer code`,
    de: (p) => `${place("de", p.path)} „${p.value}“ ist kein gültiger Antwortcode`,
    hint: {
      en: () => "codes are letters and digits (also _ . + -) without spaces, commas or semicolons",
      de: () =>
        "Codes bestehen aus Buchstaben und Ziffern (auch _ . + -), ohne Leerzeichen, Kommas oder Semikolons.",
    },
  }),
  "out-of-range": msg<{
    path: string;
    value: number;
    min?: number;
    max?: number;
    exclusiveMin: boolean;
  }>({
    en: (p) =>
      `${place("en", p.path)} is ${p.value}; it must be ${p.exclusiveMin ? "greater than" : "at least"} ${p.min}${p.max !== undefined ? ` and at most ${p.max}` : ""}`,
    de: (p) =>
      `${place("de", p.path)} ist ${p.value}; erlaubt ist ${p.exclusiveMin ? "mehr als" : "mindestens"} ${p.min}${p.max !== undefined ? ` und höchstens ${p.max}` : ""}`,
  }),
  "unsupported-format": msg<{ path: string; value: string; format: number }>({
    en: (p) => `${place("en", p.path)} is ${p.value}; this version reads format ${p.format}`,
    de: (p) => `${place("de", p.path)} ist ${p.value}; diese Version liest Format ${p.format}`,
    hint: {
      en: (p) => `write \`format: ${p.format}\``,
      de: (p) => `Schreiben Sie \`format: ${p.format}\`.`,
    },
  }),
  "unknown-key": msg<{ key: string; shape: string; closest?: string; keys: readonly string[] }>({
    en: (p) => `unknown key "${p.key}" in ${p.shape}${suggestion("en", p.closest)}`,
    de: (p) =>
      `${shapeDe(p.shape)}: unbekannter Schlüssel „${p.key}“${suggestion("de", p.closest)}`,
    hint: {
      en: (p) => `keys of ${p.shape}: ${list("en", p.keys)}`,
      de: (p) => `Erlaubte Schlüssel (${shapeDe(p.shape)}): ${list("de", p.keys)}.`,
    },
  }),
  "missing-field": msg<{ shape: string; key: string; path: string; description: string }>({
    en: (p) => `${p.shape} has no \`${p.key}\`${p.path !== "" ? ` (${p.path})` : ""}`,
    de: (p) =>
      `${p.path !== "" ? `In ${p.path}` : "In der Datei"} (${shapeDe(p.shape)}) fehlt \`${p.key}\``,
    hint: {
      en: (p) => `add \`${p.key}:\` — ${p.description}`,
      // The format's descriptions are English (they are the JSON Schema's too).
      de: (p) => `Ergänzen Sie \`${p.key}:\`.`,
    },
  }),
  "missing-field.item-type": msg<{ type: string; key: string; path: string; description: string }>({
    en: (p) => `${p.type} item has no \`${p.key}\` (${p.path})`,
    de: (p) => `Der Frage vom Typ ${p.type} fehlt \`${p.key}\` (${p.path})`,
    hint: {
      en: (p) => `add \`${p.key}:\` — ${p.description}`,
      de: (p) => `Ergänzen Sie \`${p.key}:\`.`,
    },
  }),
  "field-not-allowed": msg<{ key: string; type: string; keys: readonly string[] }>({
    en: (p) => `\`${p.key}\` is not used by ${p.type} items`,
    de: (p) => `\`${p.key}\` gibt es bei Fragen vom Typ ${p.type} nicht`,
    hint: {
      en: (p) => `remove it, or change the type; ${p.type} items take: ${list("en", p.keys)}`,
      de: (p) =>
        `Entfernen Sie es oder ändern Sie den Typ; Fragen vom Typ ${p.type} kennen: ${list("de", p.keys)}.`,
    },
  }),
  "missing-translation.plain": msg<{ path: string; languages: readonly string[] }>({
    en: (p) =>
      `${place("en", p.path)} is a plain string, but the file declares languages ${list("en", p.languages)}`,
    de: (p) =>
      `${place("de", p.path)} ist ein einfacher Text, die Datei erklärt aber die Sprachen ${list("de", p.languages)}`,
    hint: {
      en: (p) => `write { ${p.languages.map((l) => `${l}: "…"`).join(", ")} }`,
      de: (p) => `Schreiben Sie { ${p.languages.map((l) => `${l}: "…"`).join(", ")} }.`,
    },
  }),
  "missing-translation.empty": msg<{ path: string }>({
    en: (p) => `${place("en", p.path)} is empty`,
    de: (p) => `${place("de", p.path)} ist leer`,
    hint: { en: () => "write the text", de: () => "Tragen Sie den Text ein." },
  }),
  "missing-translation": msg<{ path: string; lang: string }>({
    en: (p) => `${place("en", p.path)} has no "${p.lang}" text`,
    de: (p) => `${place("de", p.path)} hat keinen Text in „${p.lang}“`,
    hint: {
      en: (p) => `add ${p.lang}: "…"`,
      de: (p) => `Ergänzen Sie ${p.lang}: "…".`,
    },
  }),
  "missing-translation.inherited": msg<{
    lacking: readonly string[];
    base: string;
    own: readonly string[];
  }>({
    en: (p) =>
      `declares ${list("en", p.lacking)}, but the inherited questionnaire "${p.base}" has no ${list("en", p.lacking)} texts`,
    de: (p) =>
      `Die Datei erklärt ${list("de", p.lacking)}, aber der geerbte Fragebogen „${p.base}“ hat keine Texte in ${list("de", p.lacking)}`,
    hint: {
      en: (p) =>
        `declare only languages "${p.base}" provides (${list("en", p.own)}), or translate it`,
      de: (p) =>
        `Erklären Sie nur Sprachen, die „${p.base}“ hat (${list("de", p.own)}), oder übersetzen Sie ihn.`,
    },
  }),
  "unknown-language": msg<{
    path: string;
    lang: string;
    closest?: string;
    languages: readonly string[];
  }>({
    en: (p) =>
      `${place("en", p.path)} has a "${p.lang}" text, but "${p.lang}" is not a declared language${suggestion("en", p.closest)}`,
    de: (p) =>
      `${place("de", p.path)} hat einen Text in „${p.lang}“, aber „${p.lang}“ ist keine erklärte Sprache${suggestion("de", p.closest)}`,
    hint: {
      en: (p) => `declared languages: ${list("en", p.languages)}`,
      de: (p) => `Erklärte Sprachen: ${list("de", p.languages)}.`,
    },
  }),

  // ── Composition (compose.ts) ────────────────────────────────────────────────────────────────
  "unknown-extends": msg<{
    parent: string;
    closest?: string;
    chain: string;
    loaded: readonly string[];
  }>({
    en: (p) =>
      `extends "${p.parent}", which is not among the loaded questionnaires${suggestion("en", p.closest)} (chain: ${p.chain})`,
    de: (p) =>
      `extends nennt „${p.parent}“, der nicht unter den geladenen Fragebögen ist${suggestion("de", p.closest)} (Kette: ${p.chain})`,
    hint: {
      en: (p) => `load the file that defines it too; loaded: ${list("en", p.loaded)}`,
      de: (p) => `Laden Sie die Datei, die ihn definiert, mit; geladen: ${list("de", p.loaded)}.`,
    },
  }),
  "circular-extends": msg<{ chain: string }>({
    en: (p) => `extends forms a cycle: ${p.chain}`,
    de: (p) => `extends bildet einen Kreis: ${p.chain}`,
    hint: {
      en: () => "the chain must end at a questionnaire without `extends` (the core)",
      de: () => "Die Kette muss bei einem Fragebogen ohne `extends` enden (dem Kern).",
    },
  }),
  "cannot-redefine": msg({
    en: () => "levels are inherited and cannot be redefined",
    de: () => "Die Stufen werden geerbt und können hier nicht neu festgelegt werden",
    hint: {
      en: () => "remove `levels:` here; all questionnaires of a chain share the levels of the core",
      de: () =>
        "Entfernen Sie `levels:` hier; alle Fragebögen einer Kette teilen die Stufen des Kerns.",
    },
  }),
  "unknown-remove": msg<{ id: string; already: boolean; closest?: string }>({
    en: (p) =>
      `cannot remove "${p.id}": the questionnaire this one extends has no such item${p.already ? " (it is already removed)" : ""}${suggestion("en", p.closest)}`,
    de: (p) =>
      `„${p.id}“ kann nicht entfernt werden: Der erweiterte Fragebogen hat keine solche Frage${p.already ? " (sie ist schon entfernt)" : ""}${suggestion("de", p.closest)}`,
    hint: {
      en: () => "`remove` lists ids of inherited items",
      de: () => "Unter `remove` stehen Kennungen geerbter Fragen.",
    },
  }),
  "duplicate-id.item": msg<{ id: string; previous: string }>({
    en: (p) => `item id "${p.id}" is already used (${p.previous})`,
    de: (p) => `Die Fragen-Kennung „${p.id}“ ist schon vergeben (${p.previous})`,
    hint: {
      en: () =>
        "item ids must be unique across the composed questionnaire, including inherited items",
      de: () =>
        "Fragen-Kennungen müssen im ganzen zusammengesetzten Fragebogen eindeutig sein, auch gegenüber geerbten Fragen.",
    },
  }),
  "duplicate-id.defined": msg<{ kind: string; id: string; previous: string }>({
    en: (p) => `${p.kind} "${p.id}" is already defined (${p.previous})`,
    de: (p) =>
      `${DEFINED_KIND[p.kind]?.[1] ?? p.kind} „${p.id}“ ist schon definiert (${p.previous})`,
    hint: {
      en: (p) => `give every ${p.kind} its own id; inherited ${p.kind}s cannot be redefined`,
      de: (p) =>
        `Geben Sie jeder ${DEFINED_KIND[p.kind]?.[1] ?? p.kind} eine eigene Kennung; Geerbtes kann nicht neu definiert werden.`,
    },
  }),
  "duplicate-id.dimension": msg<{ id: string; previous: string }>({
    en: (p) => `dimension "${p.id}" is already defined (${p.previous})`,
    de: (p) => `Die Dimension „${p.id}“ ist schon definiert (${p.previous})`,
    hint: {
      en: () => "give every dimension its own id",
      de: () => "Geben Sie jeder Dimension eine eigene Kennung.",
    },
  }),
  "cannot-override": msg<{ key: string; id: string; allowed: readonly string[] }>({
    en: (p) => `\`${p.key}\` of the inherited dimension "${p.id}" cannot be overridden`,
    de: (p) => `\`${p.key}\` der geerbten Dimension „${p.id}“ kann nicht überschrieben werden`,
    hint: {
      en: (p) =>
        `an inherited dimension takes only ${list("en", p.allowed)}; to add a new dimension use a new id`,
      de: (p) =>
        `Bei einer geerbten Dimension lassen sich nur ${list("de", p.allowed)} ändern; für eine neue Dimension nehmen Sie eine neue Kennung.`,
    },
  }),
  "missing-field.dimension-name": msg<{ id: string }>({
    en: (p) => `the new dimension "${p.id}" has no \`name\``,
    de: (p) => `Der neuen Dimension „${p.id}“ fehlt \`name\``,
    hint: {
      en: () => "add `name: { de: …, en: … }`",
      de: () => "Ergänzen Sie `name: { de: …, en: … }`.",
    },
  }),

  // ── Scales, items, levels (rules/) ──────────────────────────────────────────────────────────
  "duplicate-code.scale": msg<{ code: string; scale: string }>({
    en: (p) => `code "${p.code}" appears twice in scale "${p.scale}"`,
    de: (p) => `Der Code „${p.code}“ kommt in der Skala „${p.scale}“ zweimal vor`,
    hint: {
      en: () => "every option of a scale needs its own code",
      de: () => "Jede Antwortoption einer Skala braucht einen eigenen Code.",
    },
  }),
  "invalid-option": msg<{ code: string; scale: string; both: boolean }>({
    en: (p) =>
      p.both
        ? `option "${p.code}" of scale "${p.scale}" has both \`value\` and \`missing\``
        : `option "${p.code}" of scale "${p.scale}" has neither \`value\` nor \`missing\``,
    de: (p) =>
      p.both
        ? `Die Option „${p.code}“ der Skala „${p.scale}“ hat sowohl \`value\` als auch \`missing\``
        : `Die Option „${p.code}“ der Skala „${p.scale}“ hat weder \`value\` noch \`missing\``,
    hint: {
      en: () =>
        "a scored option has `value: <number>`; a don't-know/not-applicable option has `missing:`",
      de: () =>
        "Eine gewertete Option hat `value: <Zahl>`; „weiß nicht“ / „trifft nicht zu“ hat `missing:`.",
    },
  }),
  "scale-not-ascending": msg<{ code: string; scale: string; value: number; previous: number }>({
    en: (p) =>
      `option "${p.code}" of scale "${p.scale}" has value ${p.value}, not above the previous option (${p.previous})`,
    de: (p) =>
      `Die Option „${p.code}“ der Skala „${p.scale}“ hat den Wert ${p.value}, nicht mehr als die vorige Option (${p.previous})`,
    hint: {
      en: () =>
        "list scored options from worst to best with increasing values; use `reverse: true` on negatively worded items",
      de: () =>
        "Ordnen Sie gewertete Optionen von schlecht nach gut mit steigenden Werten; negativ formulierte Fragen bekommen `reverse: true`.",
    },
  }),
  "scale-too-small": msg<{ scale: string; scored: number }>({
    en: (p) => `scale "${p.scale}" has ${p.scored} scored option(s); it needs at least two`,
    de: (p) =>
      `Die Skala „${p.scale}“ hat ${p.scored} gewertete Option(en); sie braucht mindestens zwei`,
    hint: {
      en: () => "add options with `value:` from worst to best",
      de: () => "Ergänzen Sie Optionen mit `value:`, von schlecht nach gut.",
    },
  }),
  "duplicate-code.choice": msg<{ code: string; item: string }>({
    en: (p) => `code "${p.code}" appears twice in the choices of "${p.item}"`,
    de: (p) => `Der Code „${p.code}“ kommt in den Antworten von „${p.item}“ zweimal vor`,
    hint: {
      en: () => "every choice needs its own code",
      de: () => "Jede Antwortmöglichkeit braucht einen eigenen Code.",
    },
  }),
  "missing-field.choice-score": msg<{ code: string; item: string }>({
    en: (p) => `choice "${p.code}" of "${p.item}" has no \`score\``,
    de: (p) => `Der Antwort „${p.code}“ von „${p.item}“ fehlt \`score\``,
    hint: {
      en: () => "add `score: 0…100`, or `missing: dont_know` for a don't-know choice",
      de: () =>
        "Ergänzen Sie `score: 0…100`, oder `missing: dont_know` für eine „weiß nicht“-Antwort.",
    },
  }),
  "field-not-allowed.exclusive": msg({
    en: () => "`exclusive` only applies to multi items",
    de: () => "`exclusive` gilt nur für Mehrfachauswahl-Fragen (multi)",
    hint: {
      en: () => "remove it; a single item allows one choice anyway",
      de: () => "Entfernen Sie es; eine Frage vom Typ single erlaubt ohnehin nur eine Antwort.",
    },
  }),
  "too-few-choices": msg<{ type: string; item: string; scored: number; needed: number }>({
    en: (p) =>
      `${p.type} item "${p.item}" has ${p.scored} scored choice(s); it needs at least ${p.needed}`,
    de: (p) =>
      `Die Frage „${p.item}“ (${p.type}) hat ${p.scored} gewertete Antwort(en); sie braucht mindestens ${p.needed}`,
    hint: {
      en: () => "add choices with `score:`",
      de: () => "Ergänzen Sie Antworten mit `score:`.",
    },
  }),
  "invalid-band": msg<{ n: number; item: string; min: string; max: string }>({
    en: (p) => `band ${p.n} of "${p.item}" is empty: min ${p.min} is not below max ${p.max}`,
    de: (p) =>
      `Bereich ${p.n} von „${p.item}“ ist leer: min ${p.min} ist nicht kleiner als max ${p.max}`,
    hint: {
      en: () => "min is inclusive, max exclusive: min must be smaller than max",
      de: () => "min gehört dazu, max nicht: min muss kleiner als max sein.",
    },
  }),
  "bands-overlap": msg<{
    n: number;
    item: string;
    range: string;
    other: number;
    otherRange: string;
  }>({
    en: (p) => `band ${p.n} of "${p.item}" ${p.range} overlaps band ${p.other} ${p.otherRange}`,
    de: (p) =>
      `Bereich ${p.n} von „${p.item}“ ${p.range} überschneidet sich mit Bereich ${p.other} ${p.otherRange}`,
    hint: {
      en: () =>
        "bands include min and exclude max; let each band start where the previous one ends",
      de: () =>
        "Bereiche schließen min ein und max aus; lassen Sie jeden Bereich dort beginnen, wo der vorige endet.",
    },
  }),
  "duplicate-id.row": msg<{ row: string; grid: string }>({
    en: (p) => `row id "${p.row}" is used twice in grid "${p.grid}"`,
    de: (p) => `Die Zeilen-Kennung „${p.row}“ kommt in der Matrix „${p.grid}“ zweimal vor`,
    hint: {
      en: () => "every row of a grid needs its own id (it becomes the column item[row])",
      de: () =>
        "Jede Zeile einer Matrix braucht eine eigene Kennung (daraus wird die Spalte frage[zeile]).",
    },
  }),
  "duplicate-id.level": msg<{ id: string }>({
    en: (p) => `level id "${p.id}" is used twice`,
    de: (p) => `Die Stufen-Kennung „${p.id}“ kommt zweimal vor`,
    hint: {
      en: () => "give every level its own id",
      de: () => "Geben Sie jeder Stufe eine eigene Kennung.",
    },
  }),
  "levels-not-from-zero": msg<{ min: number }>({
    en: (p) => `the first level starts at ${p.min}, not at 0`,
    de: (p) => `Die erste Stufe beginnt bei ${p.min}, nicht bei 0`,
    hint: {
      en: () => "write `min: 0` on the first level, so every score has a level",
      de: () => "Schreiben Sie `min: 0` an die erste Stufe, damit jeder Wert eine Stufe hat.",
    },
  }),
  "levels-not-ascending": msg<{ level: string; min: number; previous: number }>({
    en: (p) =>
      `level "${p.level}" starts at ${p.min}, not above the previous level (${p.previous})`,
    de: (p) =>
      `Die Stufe „${p.level}“ beginnt bei ${p.min}, nicht über der vorigen Stufe (${p.previous})`,
    hint: {
      en: () =>
        "list levels from lowest to highest with strictly increasing `min` values up to 100",
      de: () =>
        "Ordnen Sie die Stufen von der niedrigsten zur höchsten mit streng steigenden `min`-Werten bis 100.",
    },
  }),

  // ── References (rules/references.ts) ────────────────────────────────────────────────────────
  "unknown-dimension": unknownRef(
    "dimension",
    "Die Dimension",
    "add the dimension under `dimensions:` or use a defined one",
    "Legen Sie die Dimension unter `dimensions:` an oder verwenden Sie eine definierte.",
  ),
  "unknown-scale": unknownRef(
    "scale",
    "Die Skala",
    "define it under `scales:` or use one of the defined scales",
    "Definieren Sie sie unter `scales:` oder verwenden Sie eine der definierten Skalen.",
  ),
  "unknown-group": unknownRef(
    "group",
    "Die Gruppe",
    "add the group under `groups:` or use a defined one",
    "Legen Sie die Gruppe unter `groups:` an oder verwenden Sie eine definierte.",
  ),
  "unknown-level": unknownRef(
    "level",
    "Die Stufe",
    "a target names one of the levels",
    "Ein Ziel nennt eine der Stufen.",
  ),
  "unknown-level.recommendation": unknownRef(
    "level",
    "Die Stufe",
    "recommendations are keyed by level id",
    "Empfehlungen stehen unter der Kennung einer Stufe.",
  ),
  "unknown-area": unknownRef(
    "area",
    "Der Bereich",
    "add the area under `areas:` or use a defined one",
    "Legen Sie den Bereich unter `areas:` an oder verwenden Sie einen definierten.",
  ),
  "recommendation-for-top-level": msg<{ level: string }>({
    en: (p) => `recommendations for "${p.level}", the highest level, are never shown`,
    de: (p) => `Empfehlungen für „${p.level}“, die höchste Stufe, werden nie angezeigt`,
    hint: {
      en: () =>
        "recommendations lift a dimension from a level to the next; the highest level has no next",
      de: () =>
        "Empfehlungen heben eine Dimension auf die nächste Stufe; über der höchsten gibt es keine.",
    },
  }),
  "empty-dimension": msg<{ id: string }>({
    en: (p) => `dimension "${p.id}" has no items`,
    de: (p) => `Die Dimension „${p.id}“ hat keine Fragen`,
    hint: {
      en: () => "add items for it, or remove the dimension",
      de: () => "Ergänzen Sie Fragen dazu oder entfernen Sie die Dimension.",
    },
  }),

  // ── Skip logic (rules/when.ts) ──────────────────────────────────────────────────────────────
  "when-syntax": msg<{ item: string } & WhenSyntax>({
    en: (p) => `when of "${p.item}": ${whenDetail("en", p)}`,
    de: (p) => `Die Bedingung (when) von „${p.item}“ ist fehlerhaft: ${whenDetail("de", p)}`,
    hint: {
      en: () =>
        'write e.g. `when: "str_01 >= 3 and it_cloud == yes"`; see the grammar in docs/questionnaire-format.md',
      de: () =>
        'Schreiben Sie z. B. `when: "str_01 >= 3 and it_cloud == yes"`; die Grammatik steht in docs/questionnaire-format.md.',
    },
  }),
  "remove-referenced": msg<{ item: string; by: string }>({
    en: (p) => `"${p.item}" is removed, but the when of "${p.by}" refers to it`,
    de: (p) =>
      `„${p.item}“ wird entfernt, aber die Bedingung (when) von „${p.by}“ bezieht sich darauf`,
    hint: {
      en: (p) => `keep "${p.item}", or also remove "${p.by}"`,
      de: (p) => `Behalten Sie „${p.item}“ oder entfernen Sie auch „${p.by}“.`,
    },
  }),
  "when-unknown-item": msg<{ item: string; ref: string; closest?: string }>({
    en: (p) =>
      `when of "${p.item}" refers to "${p.ref}", which is not an item${suggestion("en", p.closest)}`,
    de: (p) =>
      `Die Bedingung (when) von „${p.item}“ bezieht sich auf „${p.ref}“, aber das ist keine Frage${suggestion("de", p.closest)}`,
    hint: {
      en: () => "refer to the id of an earlier item",
      de: () => "Verwenden Sie die Kennung einer früheren Frage.",
    },
  }),
  "when-unknown-item.grid": msg<{ grid: string; rows: readonly string[] }>({
    en: (p) => `"${p.grid}" is a grid; refer to one of its rows as ${p.grid}[row]`,
    de: (p) =>
      `„${p.grid}“ ist eine Matrix; verweisen Sie auf eine ihrer Zeilen als ${p.grid}[zeile]`,
    hint: {
      en: (p) => `rows: ${list("en", p.rows)}`,
      de: (p) => `Zeilen: ${list("de", p.rows)}`,
    },
  }),
  "when-unknown-item.not-grid": msg<{ item: string; row: string }>({
    en: (p) => `"${p.item}" is not a grid, so it has no row "${p.row}"`,
    de: (p) => `„${p.item}“ ist keine Matrix und hat daher keine Zeile „${p.row}“`,
    hint: {
      en: (p) => `write just ${p.item}`,
      de: (p) => `Schreiben Sie nur ${p.item}.`,
    },
  }),
  "when-unknown-item.no-row": msg<{
    grid: string;
    row: string;
    closest?: string;
    rows: readonly string[];
  }>({
    en: (p) => `grid "${p.grid}" has no row "${p.row}"${suggestion("en", p.closest)}`,
    de: (p) => `Die Matrix „${p.grid}“ hat keine Zeile „${p.row}“${suggestion("de", p.closest)}`,
    hint: {
      en: (p) => `rows: ${list("en", p.rows)}`,
      de: (p) => `Zeilen: ${list("de", p.rows)}`,
    },
  }),
  "when-forward-reference": msg<{ item: string; ref: string; self: boolean }>({
    en: (p) =>
      p.self
        ? `when of "${p.item}" refers to the item itself`
        : `when of "${p.item}" refers to "${p.ref}", which is asked later`,
    de: (p) =>
      p.self
        ? `Die Bedingung (when) von „${p.item}“ bezieht sich auf die Frage selbst`
        : `Die Bedingung (when) von „${p.item}“ bezieht sich auf „${p.ref}“, die erst später gefragt wird`,
    hint: {
      en: () =>
        "a condition may only use answers given before; move the item after the one it depends on (items are asked by dimension, in dimension order)",
      de: () =>
        "Eine Bedingung darf nur frühere Antworten verwenden; stellen Sie die Frage hinter die, von der sie abhängt (gefragt wird nach Dimensionen, in deren Reihenfolge).",
    },
  }),
  "when-impossible-value": msg<{
    item: string;
    target: string;
    /** Why: see impossible() in rules/when.ts. */
    why:
      | "not-number"
      | "text-ordered"
      | "not-numeric-value"
      | "no-numeric-codes"
      | "outside"
      | "never-holds"
      | "never";
    value: string;
    op?: string;
    min?: number;
    max?: number;
    /** The codes the target can be; undefined for free answers. */
    codes?: readonly string[];
    type: string;
  }>({
    en: (p) => `when of "${p.item}": ${impossibleText("en", p)}`,
    de: (p) =>
      `Die Bedingung (when) von „${p.item}“ kann so nie zutreffen: ${impossibleText("de", p)}`,
    hint: {
      en: (p) =>
        p.codes
          ? `"${p.target}" can be: ${list("en", p.codes)}`
          : `"${p.target}" is a ${p.type} item`,
      de: (p) =>
        p.codes
          ? `Mögliche Antworten von „${p.target}“: ${list("de", p.codes)}`
          : `„${p.target}“ ist eine Frage vom Typ ${p.type}.`,
    },
  }),
};

function impossibleText(
  lang: Lang,
  p: {
    target: string;
    why: string;
    value: string;
    op?: string;
    min?: number;
    max?: number;
  },
): string {
  const t = p.target;
  if (de(lang)) {
    switch (p.why) {
      case "not-number":
        return `„${t}“ ist eine Zahl, also nie ${p.value}`;
      case "text-ordered":
        return `„${t}“ ist Freitext und lässt sich nicht mit <, <=, > oder >= vergleichen`;
      case "not-numeric-value":
        return `${p.value} ist keine Zahl, <, <=, > und >= können damit nicht vergleichen`;
      case "no-numeric-codes":
        return `„${t}“ hat keine Zahlencodes, <, <=, > und >= treffen also nie zu`;
      case "outside":
        return `${p.value} liegt außerhalb der Skala von „${t}“ (${p.min}–${p.max})`;
      case "never-holds":
        return `keine Antwort von „${t}“ ist ${p.op} ${p.value} (die Skala ${p.op === ">" ? `endet bei ${p.max}` : `beginnt bei ${p.min}`})`;
      default:
        return `„${t}“ ist nie ${p.value}`;
    }
  }
  switch (p.why) {
    case "not-number":
      return `"${t}" is a number, so it is never ${p.value}`;
    case "text-ordered":
      return `"${t}" is free text and cannot be compared with <, <=, > or >=`;
    case "not-numeric-value":
      return `${p.value} is not a number, so <, <=, > and >= cannot compare it`;
    case "no-numeric-codes":
      return `"${t}" has no numeric codes, so <, <=, > and >= are never true`;
    case "outside":
      return `${p.value} is outside the scale of "${t}" (${p.min}–${p.max})`;
    case "never-holds":
      return `no answer of "${t}" is ${p.op} ${p.value} (the scale ${p.op === ">" ? `ends at ${p.max}` : `starts at ${p.min}`})`;
    default:
      return `"${t}" is never ${p.value}`;
  }
}
