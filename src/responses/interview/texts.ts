// Interface texts of the interview in German and English. Answer codes never change with them.
import type { Questionnaire, Text } from "../../questionnaire/model.js";

export type Lang = "de" | "en";

export interface UiTexts {
  readonly progress: (index: number, total: number, answered: number) => string;
  readonly dimension: (name: string, index: number, total: number) => string;
  readonly row: (index: number, total: number) => string;
  readonly help: string;
  readonly back: string;
  readonly saveQuit: string;
  readonly noAnswer: string;
  readonly yes: string;
  readonly no: string;
  readonly noHelp: string;
  /** Heading of the notice a new interview opens with. */
  readonly notice: string;
  /** Under a number or text input; `missing` names don't know / not applicable (numbers). */
  readonly inputHint: (
    kind: "number" | "text",
    missing: { readonly dk: string; readonly na: string },
  ) => string;
  readonly notANumber: string;
  readonly outOfRange: string;
  readonly required: string;
  readonly actionAlone: string;
  readonly exclusiveAlone: (label: string) => string;
  /** Key hints and prompt texts of the list prompts. */
  readonly prompt: {
    /** Under a list of answers. */
    readonly selectHint: string;
    /** Enter before an answer is picked. */
    readonly pickOne: string;
    /** Under a list to tick several answers. */
    readonly checkboxHint: string;
    /** The line under it that lists what is ticked, and its text while nothing is. */
    readonly chosen: string;
    readonly nothing: string;
    /** Keys of don't know / not applicable / no answer in answer lists. */
    readonly keys: {
      readonly dontKnow: string;
      readonly notApplicable: string;
      readonly noAnswer: string;
    };
    /** yes / no of a confirmation, with their keys. */
    readonly yesKey: string;
    readonly noKey: string;
  };
  /** Short tokens typed into number / text inputs. */
  readonly tokens: {
    readonly dontKnow: readonly string[];
    readonly notApplicable: readonly string[];
  };
}

const DE: UiTexts = {
  progress: (i, n, a) => `Frage ${i} von ${n} · ${a} beantwortet`,
  dimension: (name, i, n) => `Dimension ${i} von ${n}: ${name}`,
  row: (i, n) => `Zeile ${i} von ${n}`,
  help: "? Hilfe zu dieser Frage",
  back: "← zurück",
  saveQuit: "Speichern und beenden",
  noAnswer: "keine Angabe",
  yes: "ja",
  no: "nein",
  noHelp: "Zu dieser Frage gibt es keinen Hilfetext.",
  notice: "Hinweise zur Befragung",
  inputHint: (kind, m) =>
    `${kind === "number" ? `Zahl (Komma erlaubt), wn = ${m.dk}, nz = ${m.na}` : "Freitext, leer lassen = keine Angabe"} · ? Hilfe · < zurück · ! speichern und beenden`,
  notANumber: "Bitte eine Zahl eingeben, z. B. 3 oder 2,5 (oder wn / nz).",
  outOfRange: "Diese Zahl liegt außerhalb des erwarteten Bereichs.",
  required: "Diese Frage ist eine Pflichtfrage.",
  actionAlone:
    "Bitte entweder Antworten ankreuzen oder eine Aktion (zurück, Hilfe, speichern) – nicht beides.",
  exclusiveAlone: (label) => `„${label}“ lässt sich nicht mit anderen Antworten kombinieren.`,
  prompt: {
    selectHint: "↑↓, Ziffer oder Buchstabe: wählen · ⏎ bestätigen · < ? ! sofort",
    pickOne: "Bitte eine Antwort wählen: ↑↓ oder ihre Ziffer, dann ⏎.",
    checkboxHint:
      "mehrere möglich – Ziffer, Buchstabe oder Leertaste: an-/abwählen · ↑↓ bewegen · ⏎ weiter · < ? ! sofort",
    chosen: "gewählt",
    nothing: "noch nichts",
    keys: { dontKnow: "w", notApplicable: "n", noAnswer: "-" },
    yesKey: "j",
    noKey: "n",
  },
  tokens: {
    dontKnow: ["wn", "dk", "weiß nicht", "weiss nicht"],
    notApplicable: ["nz", "na", "nicht zutreffend"],
  },
};

const EN: UiTexts = {
  progress: (i, n, a) => `Question ${i} of ${n} · ${a} answered`,
  dimension: (name, i, n) => `Dimension ${i} of ${n}: ${name}`,
  row: (i, n) => `row ${i} of ${n}`,
  help: "? Help on this question",
  back: "← back",
  saveQuit: "Save and quit",
  noAnswer: "no answer",
  yes: "yes",
  no: "no",
  noHelp: "There is no help text for this question.",
  notice: "About this survey",
  inputHint: (kind, m) =>
    `${kind === "number" ? `a number, dk = ${m.dk}, na = ${m.na}` : "free text, leave empty = no answer"} · ? help · < back · ! save and quit`,
  notANumber: "Please enter a number, e.g. 3 or 2.5 (or dk / na).",
  outOfRange: "This number is outside the expected range.",
  required: "This question is required.",
  actionAlone: "Please tick either answers or one action (back, help, save) – not both.",
  exclusiveAlone: (label) => `“${label}” cannot be combined with other answers.`,
  prompt: {
    selectHint: "↑↓, number or letter: choose · ⏎ confirm · < ? ! at once",
    pickOne: "Please choose an answer: ↑↓ or its number, then ⏎.",
    checkboxHint:
      "several allowed – number, letter or space: tick or untick · ↑↓ move · ⏎ continue · < ? ! at once",
    chosen: "chosen",
    nothing: "nothing yet",
    keys: { dontKnow: "d", notApplicable: "n", noAnswer: "-" },
    yesKey: "y",
    noKey: "n",
  },
  tokens: { dontKnow: ["dk", "don't know", "wn"], notApplicable: ["na", "not applicable", "nz"] },
};

export function uiTexts(lang: Lang): UiTexts {
  return lang === "en" ? EN : DE;
}

/** A questionnaire text in the language, else the questionnaire's first language, else any. */
export function pick(text: Text | undefined, lang: string, q?: Questionnaire): string {
  if (!text) return "";
  return text[lang] ?? (q ? text[q.languages[0] ?? ""] : undefined) ?? Object.values(text)[0] ?? "";
}
