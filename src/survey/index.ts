// `reifegrad survey`'s core: a plan from the questionnaires, rendered for one survey tool. Pure:
// returns file names and contents; the command writes them.
import type { Questionnaire } from "../questionnaire/model.js";
import { googleFormsScript } from "./googleforms.js";
import { limesurveyStructure } from "./limesurvey.js";
import { paperForm, paperNames } from "./paper.js";
import { planFor, planForAll, type SurveyPlan } from "./plan.js";
import type { SurveyNote } from "./selectors.js";
import { xlsform } from "./xlsform.js";
import { xlsxWorkbook } from "./xlsx.js";

export const SURVEY_TARGETS = ["limesurvey", "paper", "googleforms", "xlsform"] as const;
/** Targets of issue 19 not built yet, with why (for the usage error). */
export const PLANNED_TARGETS: Readonly<Record<string, string>> = {};
export type SurveyTarget = (typeof SURVEY_TARGETS)[number];

export interface SurveyFile {
  readonly name: string;
  readonly content: string | Uint8Array;
  /** What the file is, for the command's summary, in German and English. */
  readonly role: { readonly de: string; readonly en: string };
}

export interface SurveyOutput {
  readonly plan: SurveyPlan;
  readonly files: readonly SurveyFile[];
  readonly notes: readonly SurveyNote[];
}

export type SurveyScope =
  | { readonly kind: "one"; readonly questionnaire: Questionnaire }
  | { readonly kind: "all"; readonly questionnaires: readonly Questionnaire[] };

export async function buildSurvey(
  target: SurveyTarget,
  scope: SurveyScope,
  lang: string,
): Promise<SurveyOutput> {
  const plan =
    scope.kind === "one"
      ? planFor(scope.questionnaire, lang)
      : planForAll(scope.questionnaires, lang);
  switch (target) {
    case "limesurvey": {
      const r = limesurveyStructure(plan);
      return {
        plan,
        files: [
          {
            name: `limesurvey-${plan.id}.txt`,
            content: r.text,
            role: {
              de: "LimeSurvey-Umfragestruktur (Umfrage importieren)",
              en: "LimeSurvey survey structure (Import survey)",
            },
          },
        ],
        notes: r.notes,
      };
    }
    case "paper": {
      const r = paperForm(plan);
      const names = paperNames(plan);
      return {
        plan,
        files: [
          {
            name: names.html,
            content: r.html,
            role: {
              de: "Papierfragebogen (A4, aus dem Browser drucken)",
              en: "paper form (A4, print from a browser)",
            },
          },
          {
            name: names.csv,
            content: r.csv,
            role: {
              de: `Vorlage zum Abtippen (${r.columns.length} Spalten), für score`,
              en: `data-entry template (${r.columns.length} columns), for score`,
            },
          },
        ],
        notes: [],
      };
    }
    case "googleforms": {
      const r = googleFormsScript(plan);
      return {
        plan,
        files: [
          {
            name: `googleforms-${plan.id}.gs`,
            content: r.script,
            role: {
              de: "Apps Script, das das Google-Formular anlegt (script.google.com, createForm ausführen)",
              en: "Apps Script that creates the Google Form (script.google.com, run createForm)",
            },
          },
        ],
        notes: r.notes,
      };
    }
    case "xlsform": {
      const r = xlsform(plan);
      return {
        plan,
        files: [
          {
            name: `xlsform-${plan.id}.xlsx`,
            content: await xlsxWorkbook(r.sheets),
            role: {
              de: "XLSForm für KoboToolbox / ODK (als neues Formular hochladen)",
              en: "XLSForm for KoboToolbox / ODK (upload as a new form)",
            },
          },
        ],
        notes: r.notes,
      };
    }
  }
}
