// Asks one step through the Prompter: builds the prompt for the item type and turns the reply into
// an answer code or an action (help, back, save and quit).
import { missingLabels } from "../../questionnaire/missing.js";
import type {
  Choice,
  Item,
  MissingKind,
  Questionnaire,
  Scale,
  Text,
} from "../../questionnaire/model.js";
import { answerProblem, type InterviewState, parseNumber, type Step } from "./flow.js";
import type { PromptChoice, Prompter } from "./prompter.js";
import { type Lang, pick, type UiTexts, uiTexts } from "./texts.js";

export type Reply =
  | { readonly kind: "answer"; readonly value: string }
  | { readonly kind: "back" }
  | { readonly kind: "help" }
  | { readonly kind: "quit" }
  /** Nothing to do: ask the same step again. */
  | { readonly kind: "again" };

const HELP = "@@help";
const BACK = "@@back";
const QUIT = "@@quit";
const NONE = "@@none";
type Action = typeof HELP | typeof BACK | typeof QUIT | typeof NONE;

export interface AskContext {
  readonly q: Questionnaire;
  readonly state: InterviewState;
  readonly prompter: Prompter;
  readonly lang: Lang;
  /** False on the first applicable step. */
  readonly canGoBack: boolean;
}

export function questionText(ctx: AskContext, step: Step): string {
  const text = pick(step.item.text, ctx.lang, ctx.q);
  if (step.item.type === "grid" && step.row) {
    const ui = uiTexts(ctx.lang);
    return `${text}\n  ▸ ${pick(step.row.text, ctx.lang, ctx.q)} (${ui.row((step.rowIndex ?? 0) + 1, step.item.rows.length)})`;
  }
  if (step.item.type === "number" && step.item.unit)
    return `${text} (${pick(step.item.unit, ctx.lang, ctx.q)})`;
  return text;
}

/** The actions under the answers: one key each, acting at once (as in the text inputs). */
function actions(ctx: AskContext, item: Item, ui: UiTexts): PromptChoice<Action>[] {
  const out: PromptChoice<Action>[] = [];
  if (item.help) out.push({ value: HELP, name: ui.help, key: "?", immediate: true });
  if (ctx.canGoBack) out.push({ value: BACK, name: ui.back, key: "<", immediate: true });
  out.push({ value: QUIT, name: ui.saveQuit, key: "!", immediate: true });
  return out.map((c, i) => (i === 0 ? { ...c, separatorBefore: true } : c));
}

function actionReply(value: string): Reply | undefined {
  if (value === HELP) return { kind: "help" };
  if (value === BACK) return { kind: "back" };
  if (value === QUIT) return { kind: "quit" };
  return undefined;
}

/**
 * Answers are numbered; "don't know" and "not applicable" have a letter (the first of each), in
 * single and multiple choice alike.
 */
function missingKeys(ui: UiTexts): (m: MissingKind | undefined) => { key?: string } {
  const keys = ui.prompt.keys;
  const used = new Set<string>();
  return (m) => {
    const k =
      m === "dont_know" ? keys.dontKnow : m === "not_applicable" ? keys.notApplicable : undefined;
    if (k === undefined || used.has(k)) return {};
    used.add(k);
    return { key: k };
  };
}

/** Answer choices of a select item: scored options first, the missing ones after a line. */
function selectChoices(
  item: Item,
  scale: Scale | undefined,
  ctx: AskContext,
  ui: UiTexts,
): PromptChoice[] {
  const t = (x: { label: Choice["label"] }) => pick(x.label, ctx.lang, ctx.q);
  let list: { value: string; name: string; missing?: MissingKind }[] = [];
  const kind = (m: MissingKind | undefined) => (m !== undefined ? { missing: m } : {});
  if (item.type === "likert" || item.type === "grid") {
    list = (scale?.options ?? []).map((o) => ({ value: o.code, name: t(o), ...kind(o.missing) }));
  } else if (item.type === "single") {
    list = item.choices.map((c) => ({ value: c.code, name: t(c), ...kind(c.missing) }));
  } else if (item.type === "yesno") {
    // The missing answers in the questionnaire's own words, as its scales have them.
    const missing = missingLabels(ctx.q);
    list = [
      { value: "yes", name: ui.yes },
      { value: "no", name: ui.no },
      { value: "dk", name: t({ label: missing.dk }), missing: "dont_know" },
      { value: "na", name: t({ label: missing.na }), missing: "not_applicable" },
    ];
  }
  const keys = ui.prompt.keys;
  const keyOf = missingKeys(ui);
  const hasMissing = list.some((c) => c.missing !== undefined);
  const choices: PromptChoice[] = list.map((c, i) => ({
    value: c.value,
    name: c.name,
    ...keyOf(c.missing),
    ...(c.missing !== undefined && list[i - 1]?.missing === undefined
      ? { separatorBefore: true }
      : {}),
  }));
  if (!hasMissing && !item.required)
    choices.push({ value: NONE, name: ui.noAnswer, key: keys.noAnswer, separatorBefore: true });
  return choices;
}

/** The middle scored option of a scale marked `start: middle` (the lower of two middles). */
function middleOf(scale: Scale | undefined): string | undefined {
  if (scale?.start !== "middle") return undefined;
  const scored = scale.options.filter((o) => o.missing === undefined);
  return scored[Math.floor((scored.length - 1) / 2)]?.code;
}

async function askSelect(ctx: AskContext, step: Step, ui: UiTexts): Promise<Reply> {
  const item = step.item;
  const scale =
    item.type === "likert" || item.type === "grid" ? ctx.q.scales.get(item.scale) : undefined;
  // The cursor starts on the earlier answer; on a new question on no answer, or on the scale's
  // middle where the questionnaire says so (`start: middle`).
  const current = ctx.state.answers[step.key] ?? middleOf(scale);
  const value = await ctx.prompter.select<string>({
    message: questionText(ctx, step),
    choices: [...selectChoices(item, scale, ctx, ui), ...actions(ctx, item, ui)],
    ...(current !== undefined ? { default: current } : {}),
  });
  if (value === NONE) return { kind: "answer", value: "" };
  return actionReply(value) ?? { kind: "answer", value };
}

async function askMulti(ctx: AskContext, step: Step, ui: UiTexts): Promise<Reply> {
  const item = step.item;
  if (item.type !== "multi") throw new Error("not a multi item");
  const chosen = new Set((ctx.state.answers[step.key] ?? "").split(";").filter((c) => c !== ""));
  const plain = item.choices.filter((c) => !c.exclusive && !c.missing);
  const special = item.choices.filter((c) => c.exclusive || c.missing);
  const label = (c: Choice) => pick(c.label, ctx.lang, ctx.q);
  const keyOf = missingKeys(ui);
  // Numbered like a single choice; the answers that stand alone ("none of these", "don't know")
  // after a line, don't know / not applicable under their letters.
  const choices: PromptChoice[] = [
    ...plain.map((c) => ({ value: c.code, name: label(c), checked: chosen.has(c.code) })),
    ...special.map((c, i) => ({
      value: c.code,
      name: label(c),
      checked: chosen.has(c.code),
      exclusive: true,
      ...keyOf(c.missing),
      separatorBefore: i === 0,
    })),
    ...actions(ctx, item, ui),
  ];
  const isAction = (v: string) => v.startsWith("@@");
  const values = await ctx.prompter.checkbox<string>({
    message: questionText(ctx, step),
    choices,
    validate: (vs) => {
      const acts = vs.filter(isAction);
      if (acts.length > 1 || (acts.length === 1 && vs.length > 1)) return ui.actionAlone;
      const lone = special.find((c) => vs.includes(c.code));
      if (lone && vs.length > 1) return ui.exclusiveAlone(label(lone));
      if (vs.length === 0 && item.required) return ui.required;
      return undefined;
    },
  });
  const act = values.find(isAction);
  if (act) return actionReply(act) ?? { kind: "answer", value: "" };
  // Keep the questionnaire's order of choices, whatever order they were ticked in.
  const order = item.choices.map((c) => c.code).filter((c) => values.includes(c));
  return { kind: "answer", value: order.join(";") };
}

function inputAction(raw: string): Reply | undefined {
  const t = raw.trim();
  if (t === "?") return { kind: "help" };
  if (t === "<") return { kind: "back" };
  if (t === "!") return { kind: "quit" };
  return undefined;
}

/** The code a typed number answer stands for, or an error text. */
export function numberInput(
  ctx: Pick<AskContext, "q" | "lang">,
  step: Step,
  raw: string,
): { value: string } | { error: string } {
  const ui = uiTexts(ctx.lang);
  const t = raw.trim().toLowerCase();
  if (t === "") return step.item.required ? { error: ui.required } : { value: "" };
  const missing = missingLabels(ctx.q);
  const said = (label: Text) => pick(label, ctx.lang, ctx.q).toLowerCase();
  if (ui.tokens.dontKnow.includes(t) || t === said(missing.dk)) return { value: "dk" };
  if (ui.tokens.notApplicable.includes(t) || t === said(missing.na)) return { value: "na" };
  const n = parseNumber(t);
  if (n === undefined) return { error: ui.notANumber };
  if (answerProblem(ctx.q, step, n)) return { error: ui.outOfRange };
  return { value: n };
}

async function askInput(ctx: AskContext, step: Step, ui: UiTexts): Promise<Reply> {
  const kind = step.item.type === "number" ? "number" : "text";
  const current = ctx.state.answers[step.key];
  const shown =
    kind === "number" && current !== undefined ? displayNumber(current, ctx.lang) : current;
  const raw = await ctx.prompter.input({
    message: `${questionText(ctx, step)}\n  ${ui.inputHint(kind, hintLabels(ctx))}\n `,
    ...(shown !== undefined ? { default: shown } : {}),
    validate: (v) => {
      if (inputAction(v)) return undefined;
      if (kind === "text") return v.trim() === "" && step.item.required ? ui.required : undefined;
      const r = numberInput(ctx, step, v);
      return "error" in r ? r.error : undefined;
    },
  });
  const act = inputAction(raw);
  if (act) return act;
  if (kind === "text") return { kind: "answer", value: raw.trim() };
  const r = numberInput(ctx, step, raw);
  return "error" in r ? { kind: "again" } : { kind: "answer", value: r.value };
}

/** Don't know / not applicable in the questionnaire's words, for the hint under a number input. */
function hintLabels(ctx: AskContext): { dk: string; na: string } {
  const m = missingLabels(ctx.q);
  return { dk: pick(m.dk, ctx.lang, ctx.q), na: pick(m.na, ctx.lang, ctx.q) };
}

function displayNumber(code: string, lang: Lang): string {
  if (code === "dk") return uiTexts(lang).tokens.dontKnow[0]!;
  if (code === "na") return uiTexts(lang).tokens.notApplicable[0]!;
  return lang === "de" ? code.replace(".", ",") : code;
}

export async function askStep(ctx: AskContext, step: Step): Promise<Reply> {
  const ui = uiTexts(ctx.lang);
  switch (step.item.type) {
    case "likert":
    case "grid":
    case "yesno":
    case "single":
      return askSelect(ctx, step, ui);
    case "multi":
      return askMulti(ctx, step, ui);
    case "number":
    case "text":
      return askInput(ctx, step, ui);
  }
}
