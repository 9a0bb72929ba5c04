// The data-protection and voluntariness notice a survey opens with: purpose, controller,
// voluntariness, retention, contact. A questionnaire may declare its own (`notice:` in the YAML,
// per language); what it leaves out comes from the defaults below, which the city edits. The
// default names the missing answers in the questionnaire's own words.
import { DEFAULT_MISSING, type MissingLabels, missingLabels } from "../questionnaire/missing.js";
import type { Questionnaire, Text } from "../questionnaire/model.js";
import { textIn } from "../questionnaire/text.js";

export const NOTICE_PARTS = [
  "purpose",
  "controller",
  "voluntariness",
  "retention",
  "contact",
] as const;
export type NoticePart = (typeof NOTICE_PARTS)[number];
export type Notice = Readonly<Record<NoticePart, Text>>;

/** The voluntariness part, naming the missing answers by the given labels. */
function voluntariness(missing: MissingLabels): Text {
  const dk = (l: string) => missing.dk[l] ?? DEFAULT_MISSING.dk[l];
  const na = (l: string) => missing.na[l] ?? DEFAULT_MISSING.na[l];
  return {
    de: `Die Teilnahme ist freiwillig. Sie können Fragen auslassen oder mit „${dk("de")}“ oder „${na("de")}“ beantworten und jederzeit abbrechen; Nachteile entstehen Ihnen daraus nicht.`,
    en: `Taking part is voluntary. You may skip questions, answer “${dk("en")}” or “${na("en")}”, and stop at any time, without any disadvantage to you.`,
  };
}

export const DEFAULT_NOTICE: Notice = {
  purpose: {
    de: "Diese Befragung ermittelt, wie weit die Digitalisierung der Stadtverwaltung je Amt und Handlungsfeld ist. Die Ergebnisse fließen in die Digitalisierungsstrategie ein.",
    en: "This survey measures how far the digitalisation of the city administration has come, per department and field of action. The results feed into the digitalisation strategy.",
  },
  controller: {
    de: "Verantwortlich für die Befragung: die Stadtverwaltung, Stabsstelle Digitalisierung (Anschrift bitte ergänzen).",
    en: "Responsible for the survey: the city administration, digitalisation unit (please add the address).",
  },
  voluntariness: voluntariness(DEFAULT_MISSING),
  retention: {
    de: "Es werden keine Namen erfasst. Ergebnisse werden nur für Gruppen ab fünf Personen gezeigt. Die Einzelantworten werden nach der Auswertung gelöscht, spätestens zwölf Monate nach Ende der Befragung.",
    en: "No names are collected. Results are shown only for groups of at least five people. The individual answers are deleted after the analysis, at the latest twelve months after the survey closes.",
  },
  contact: {
    de: "Fragen zur Befragung und zum Datenschutz: Stabsstelle Digitalisierung und die oder der behördliche Datenschutzbeauftragte (Kontakt bitte ergänzen).",
    en: "Questions about the survey and data protection: the digitalisation unit and the data protection officer (please add the contact).",
  },
};

export const NOTICE_HEADINGS: Readonly<Record<string, Readonly<Record<NoticePart, string>>>> = {
  de: {
    purpose: "Zweck",
    controller: "Verantwortliche Stelle",
    voluntariness: "Freiwilligkeit",
    retention: "Speicherung und Löschung",
    contact: "Kontakt",
  },
  en: {
    purpose: "Purpose",
    controller: "Controller",
    voluntariness: "Voluntary participation",
    retention: "Storage and deletion",
    contact: "Contact",
  },
};

/**
 * The questionnaire's notice, each part in every language, defaults for what it leaves out (the
 * missing answers named in its own words).
 */
export function noticeOf(
  q: Pick<Questionnaire, "id" | "scales"> & {
    readonly notice?: Readonly<Partial<Record<NoticePart, Text>>>;
  },
): Notice {
  const own = q.notice ?? {};
  const defaults: Notice = { ...DEFAULT_NOTICE, voluntariness: voluntariness(missingLabels(q)) };
  const out = {} as Record<NoticePart, Text>;
  for (const part of NOTICE_PARTS) out[part] = { ...defaults[part], ...(own[part] ?? {}) };
  return out;
}

/** The notice in one language: heading and text per part. */
export function noticeLines(
  notice: Notice,
  lang: string,
  languages: readonly string[],
): { readonly part: NoticePart; readonly heading: string; readonly text: string }[] {
  const headings = NOTICE_HEADINGS[lang] ?? NOTICE_HEADINGS.en!;
  return NOTICE_PARTS.map((part) => ({
    part,
    heading: headings[part],
    text: textIn(notice[part], lang, languages),
  }));
}
