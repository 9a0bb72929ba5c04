// The interview as a pure state machine: the questionnaire's items become steps (a grid item one
// step per row), the state is {questionnaire identity, position, answers}, and next(state, event)
// gives the new state. No prompts, no files: the runner (interview.ts) does the talking and saving.
import { evaluateCondition } from "../../questionnaire/condition.js";
import type { GridRow, Item, Questionnaire } from "../../questionnaire/model.js";
import { evaluateKnown, UNKNOWN } from "../../questionnaire/when.js";
import { gridKey } from "../model.js";

/** One question on screen: an item, or one row of a grid item. */
export interface Step {
  /** Answer key: the item id, or `item[row]` for a grid row. */
  readonly key: string;
  readonly item: Item;
  /** Index of the item in questionnaire order. */
  readonly itemIndex: number;
  readonly row?: GridRow;
  /** 0-based row index within the grid. */
  readonly rowIndex?: number;
}

export interface InterviewState {
  readonly questionnaire: {
    readonly id: string;
    readonly version: string;
    readonly contentHash: string;
  };
  readonly department?: string;
  readonly group: string;
  readonly respondent: string;
  /** Key of the step being asked; undefined once every applicable step has been passed. */
  readonly position: string | undefined;
  /** Answer codes by answer key; a key that is absent is not answered. */
  readonly answers: Readonly<Record<string, string>>;
}

export type FlowEvent =
  | { readonly type: "answer"; readonly value: string }
  | { readonly type: "back" }
  | { readonly type: "goto"; readonly key: string };

export function stepsOf(q: Questionnaire): Step[] {
  const steps: Step[] = [];
  q.items.forEach((item, itemIndex) => {
    if (item.type === "grid") {
      item.rows.forEach((row, rowIndex) => {
        steps.push({ key: gridKey(item.id, row.id), item, itemIndex, row, rowIndex });
      });
    } else {
      steps.push({ key: item.id, item, itemIndex });
    }
  });
  return steps;
}

/** The answer code an item has for `when` (grid: not a single code). */
function itemAnswer(item: Item, answers: Readonly<Record<string, string>>): string | undefined {
  if (item.type === "grid") return undefined;
  const v = answers[item.id];
  return v === undefined || v === "" ? undefined : v;
}

/**
 * Which items apply to this respondent: group restrictions and `when` conditions, evaluated in
 * questionnaire order on the answers of applicable items only (a stale answer to an item that no
 * longer applies, after going back and changing an earlier answer, never triggers a condition).
 */
export function applicableItems(
  q: Questionnaire,
  group: string,
  answers: Readonly<Record<string, string>>,
): Set<string> {
  const applicable = new Set<string>();
  const effective = new Map<string, string>();
  for (const item of q.items) {
    if (item.groups && !item.groups.includes(group)) continue;
    if (item.when && !evaluateCondition(item.when, (id) => effective.get(id))) continue;
    applicable.add(item.id);
    const a = itemAnswer(item, answers);
    if (a !== undefined) effective.set(item.id, a);
  }
  return applicable;
}

function isAnswered(step: Step, answers: Readonly<Record<string, string>>): boolean {
  const v = answers[step.key];
  return v !== undefined && v !== "";
}

export function startState(
  q: Questionnaire,
  who: { readonly respondent: string; readonly group: string; readonly department?: string },
): InterviewState {
  const base: InterviewState = {
    questionnaire: { id: q.id, version: q.version, contentHash: q.contentHash },
    ...(who.department !== undefined ? { department: who.department } : {}),
    group: who.group,
    respondent: who.respondent,
    position: undefined,
    answers: {},
  };
  return { ...base, position: firstOpenStep(q, base)?.key };
}

/** The step being asked, or undefined when the interview is complete. */
export function currentStep(q: Questionnaire, state: InterviewState): Step | undefined {
  if (state.position === undefined) return undefined;
  return stepsOf(q).find((s) => s.key === state.position);
}

export function next(q: Questionnaire, state: InterviewState, event: FlowEvent): InterviewState {
  const steps = stepsOf(q);
  const here =
    state.position === undefined ? steps.length : steps.findIndex((s) => s.key === state.position);
  switch (event.type) {
    case "answer": {
      if (state.position === undefined || here < 0) return state;
      const answers = { ...state.answers };
      if (event.value === "") delete answers[state.position];
      else answers[state.position] = event.value;
      const applicable = applicableItems(q, state.group, answers);
      const after = steps.slice(here + 1).find((s) => applicable.has(s.item.id));
      return { ...state, answers, position: after?.key };
    }
    case "back": {
      const applicable = applicableItems(q, state.group, state.answers);
      const before = steps
        .slice(0, Math.max(here, 0))
        .reverse()
        .find((s) => applicable.has(s.item.id));
      return before ? { ...state, position: before.key } : state;
    }
    case "goto": {
      const target = steps.find((s) => s.key === event.key);
      return target ? { ...state, position: target.key } : state;
    }
  }
}

export interface Progress {
  /** 1-based number of the current item among the applicable items (total + 1 when done). */
  readonly index: number;
  /** Applicable items (with the answers so far; skip logic may change it). */
  readonly total: number;
  /** Applicable items with an answer (grid: at least one row). */
  readonly answered: number;
}

/**
 * Where the interview stands, counted in questions (a grid is one question). The total is every
 * question that will or still may be asked: the applicable ones up to the current question, and
 * after it each one whose `when` the answers so far do not rule out (an answer still to come may
 * yet trigger it). So the total never grows as the interview goes forward; it shrinks when an
 * answer rules a follow-up out, and only changes with the answers.
 */
export function progressOf(q: Questionnaire, state: InterviewState): Progress {
  const applicable = applicableItems(q, state.group, state.answers);
  const current = currentStep(q, state);
  const here = current?.itemIndex ?? q.items.length;
  const effective = new Map<string, string>();
  const open = new Set<string>();
  let index = 0;
  let total = 0;
  let answered = 0;
  q.items.forEach((item, i) => {
    if (item.groups && !item.groups.includes(state.group)) return;
    let counts: boolean;
    if (i < here) {
      counts = applicable.has(item.id);
    } else {
      const known = item.when
        ? evaluateKnown(item.when, (id) => (open.has(id) ? UNKNOWN : effective.get(id)))
        : true;
      counts = known !== false;
      // From the current question on, answers may still change: they decide nothing yet.
      if (counts) open.add(item.id);
    }
    if (!counts) return;
    total++;
    if (i === here) index = total;
    const a = itemAnswer(item, state.answers);
    if (i < here && a !== undefined) effective.set(item.id, a);
    const keys = item.type === "grid" ? item.rows.map((r) => gridKey(item.id, r.id)) : [item.id];
    const given = (k: string) => state.answers[k] !== undefined && state.answers[k] !== "";
    if (applicable.has(item.id) && keys.some(given)) answered++;
  });
  return { index: current ? index : total + 1, total, answered };
}

/** First applicable step without an answer (resume target after a questionnaire change). */
export function firstOpenStep(q: Questionnaire, state: InterviewState): Step | undefined {
  const applicable = applicableItems(q, state.group, state.answers);
  return stepsOf(q).find((s) => applicable.has(s.item.id) && !isAnswered(s, state.answers));
}

// ---- answer validity and a changed questionnaire -------------------------------------------------

const YES_NO_CODES = new Set(["yes", "no", "dk", "na"]);

/** Number answers: decimal point or comma; returns the canonical form, or undefined. */
export function parseNumber(raw: string): string | undefined {
  const t = raw.trim().replace(/\s/g, "");
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return undefined;
  const x = Number(t.replace(",", "."));
  return Number.isFinite(x) ? String(x) : undefined;
}

/** Undefined when `value` is a valid answer to the step, else why it is not. */
export function answerProblem(q: Questionnaire, step: Step, value: string): string | undefined {
  const item = step.item;
  switch (item.type) {
    case "likert":
    case "grid": {
      const scale = q.scales.get(item.scale);
      return scale?.options.some((o) => o.code === value)
        ? undefined
        : `"${value}" is not an option of the scale`;
    }
    case "yesno":
      return YES_NO_CODES.has(value) ? undefined : `"${value}" is not yes/no`;
    case "single":
      return item.choices.some((c) => c.code === value) ? undefined : `"${value}" is not a choice`;
    case "multi": {
      const codes = value.split(";").filter((c) => c !== "");
      const unknown = codes.filter((c) => !item.choices.some((x) => x.code === c));
      return unknown.length === 0
        ? undefined
        : `${unknown.map((c) => `"${c}"`).join(", ")} not a choice`;
    }
    case "number": {
      if (value === "dk" || value === "na") return undefined;
      const n = parseNumber(value);
      if (n === undefined) return `"${value}" is not a number`;
      const x = Number(n);
      const inBand = item.bands.some(
        (b) => (b.min === undefined || x >= b.min) && (b.max === undefined || x < b.max),
      );
      return inBand ? undefined : `${value} is outside the expected range`;
    }
    case "text":
      return undefined;
  }
}

export interface DroppedAnswer {
  readonly key: string;
  readonly value: string;
  readonly reason: "removed" | "invalid";
  readonly detail?: string;
}

/**
 * Fits a session to a questionnaire that changed since it started: answers to items (or grid
 * rows) that are gone, or whose code no longer fits, are dropped; the rest are kept. The position
 * stays when its step still exists, else moves to the first open step; when an earlier answer was
 * dropped because its code no longer fits, the interview goes back to ask that question again.
 */
export function reconcile(
  q: Questionnaire,
  state: InterviewState,
): { state: InterviewState; dropped: DroppedAnswer[] } {
  const steps = new Map(stepsOf(q).map((s) => [s.key, s]));
  const answers: Record<string, string> = {};
  const dropped: DroppedAnswer[] = [];
  for (const [key, value] of Object.entries(state.answers)) {
    const step = steps.get(key);
    if (!step) {
      dropped.push({ key, value, reason: "removed" });
      continue;
    }
    const problem = answerProblem(q, step, value);
    if (problem) dropped.push({ key, value, reason: "invalid", detail: problem });
    else answers[key] = value;
  }
  const moved: InterviewState = {
    ...state,
    questionnaire: { id: q.id, version: q.version, contentHash: q.contentHash },
    answers,
  };
  const order = stepsOf(q).map((s) => s.key);
  const at = (key: string | undefined) => (key === undefined ? order.length : order.indexOf(key));
  const keep = state.position === undefined || steps.has(state.position);
  let position = keep ? state.position : firstOpenStep(q, moved)?.key;
  // An answer dropped because its code no longer fits is asked again: go back to the earliest one.
  const applicable = applicableItems(q, moved.group, answers);
  for (const d of dropped) {
    const step = steps.get(d.key);
    if (step && applicable.has(step.item.id) && at(d.key) < at(position)) position = d.key;
  }
  return { state: { ...moved, position }, dropped };
}

// ---- the finished record --------------------------------------------------------------------------

/** Answer columns of reifegrad's own CSV format for a questionnaire, in questionnaire order. */
export function answerColumns(q: Questionnaire): string[] {
  return stepsOf(q).map((s) => s.key);
}

/** The answers that count: only applicable items (stale answers of skipped items are left out). */
export function finalAnswers(q: Questionnaire, state: InterviewState): Map<string, string> {
  const applicable = applicableItems(q, state.group, state.answers);
  const out = new Map<string, string>();
  for (const s of stepsOf(q)) {
    const v = state.answers[s.key];
    if (applicable.has(s.item.id) && v !== undefined && v !== "") out.set(s.key, v);
  }
  return out;
}
