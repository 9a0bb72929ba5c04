// What every survey target shares: the questions that place a respondent (department, group),
// which items a survey asks, and the notes a generator returns.
import { codeOf, type ParamsOf, type Said, said } from "../messages/catalogue.js";
import type { SURVEY_MESSAGES } from "../messages/survey.js";
import type { Condition } from "../questionnaire/model.js";
import { allOf } from "./expression.js";
import type { PlannedItem, SurveyPlan } from "./plan.js";

/**
 * Codes of the questions that place a respondent. They are the column names `score` reads as
 * department and group (the import's common column names), so an export needs no mapping.
 */
export const SELECTOR = { department: "department", group: "group" } as const;

type SurveyMessageId = keyof typeof SURVEY_MESSAGES;

/**
 * Something a person should know about a generated survey (e.g. shortened codes): its code, and
 * its message from the catalogue (src/messages/survey.ts), said in the user's language.
 */
export interface SurveyNote {
  readonly code: string;
  readonly said: Said;
}

export function surveyNote<K extends SurveyMessageId>(id: K, params: ParamsOf<K>): SurveyNote {
  return { code: codeOf(id), said: said(id, params) };
}

/**
 * The items a survey asks: an item restricted to groups is left out when none of them can answer
 * the survey (a citizens' survey has no management items).
 */
export function askedOf(plan: SurveyPlan): PlannedItem[] {
  return plan.sections.flatMap((s) =>
    s.items.filter((p) => {
      const groups = p.item.groups;
      if (!groups) return true;
      if (plan.fixedGroup) return groups.includes(plan.fixedGroup.id);
      return plan.groups.some((g) => groups.includes(g.id));
    }),
  );
}

/** The group and department restriction of an item as a condition on the selector questions. */
export function restriction(plan: SurveyPlan, p: PlannedItem): Condition | undefined {
  const groups = p.item.groups;
  const byGroup =
    groups && plan.groups.length > 0 && !plan.groups.every((g) => groups.includes(g.id))
      ? ({ kind: "in", item: SELECTOR.group, values: groups } as const)
      : undefined;
  const byDepartment = p.departments
    ? ({ kind: "in", item: SELECTOR.department, values: p.departments } as const)
    : undefined;
  return allOf(byDepartment, byGroup);
}
