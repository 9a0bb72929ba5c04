// The interview loop: ask the current step, feed the reply to the flow, save, repeat. Prompts,
// output and saving come in through InterviewIO, so tests run it with a scripted Prompter.

import type { Questionnaire } from "../../questionnaire/model.js";
import { noticeLines, noticeOf } from "../../survey/notice.js";
import {
  applicableItems,
  currentStep,
  type InterviewState,
  next,
  progressOf,
  stepsOf,
} from "./flow.js";
import { isPromptExit, type Prompter } from "./prompter.js";
import { askStep } from "./questions.js";
import { type Lang, pick, uiTexts } from "./texts.js";

export interface InterviewIO {
  readonly prompter: Prompter;
  /** Writes lines of the conversation (headers, progress, help) to the terminal. */
  readonly print: (text: string) => void;
  /** Saves the session; called after every answer and on leaving. */
  readonly save: (state: InterviewState) => Promise<void>;
  readonly lang: Lang;
  /** Styling for headers and hints; identity when absent. */
  readonly style?: { readonly heading: (s: string) => string; readonly dim: (s: string) => string };
}

export type InterviewOutcome =
  | { readonly kind: "finished"; readonly state: InterviewState }
  /** "Save and quit" chosen. */
  | { readonly kind: "saved"; readonly state: InterviewState }
  /** Ctrl-C or SIGINT: saved, ends with exit code 130. */
  | { readonly kind: "interrupted"; readonly state: InterviewState };

const plain = (s: string) => s;

export async function runInterview(
  q: Questionnaire,
  start: InterviewState,
  io: InterviewIO,
): Promise<InterviewOutcome> {
  const ui = uiTexts(io.lang);
  const heading = io.style?.heading ?? plain;
  const dim = io.style?.dim ?? plain;
  const steps = stepsOf(q);
  let state = start;
  let lastDimension: string | undefined;
  // A new interview opens with the notice the surveys open with (purpose, voluntariness, …).
  if (Object.keys(start.answers).length === 0) {
    io.print(`\n${heading(ui.notice)}\n`);
    for (const l of noticeLines(noticeOf(q), io.lang, q.languages))
      io.print(`${dim(`${l.heading}:`)} ${l.text}\n`);
  }
  for (;;) {
    const step = currentStep(q, state);
    if (!step) return { kind: "finished", state };
    if (step.item.dimension !== lastDimension) {
      const d = q.dimensions.findIndex((x) => x.id === step.item.dimension);
      const name = pick(q.dimensions[d]?.name, io.lang, q) || step.item.dimension;
      io.print(`\n${heading(ui.dimension(name, d + 1, q.dimensions.length))}\n`);
      lastDimension = step.item.dimension;
    }
    const p = progressOf(q, state);
    io.print(`${dim(`${ui.progress(p.index, p.total, p.answered)}  [${step.key}]`)}\n`);
    const applicable = applicableItems(q, state.group, state.answers);
    const canGoBack =
      steps.findIndex((s) => s.key === step.key) >
      steps.findIndex((s) => applicable.has(s.item.id));
    let reply: Awaited<ReturnType<typeof askStep>>;
    try {
      reply = await askStep({ q, state, prompter: io.prompter, lang: io.lang, canGoBack }, step);
    } catch (e) {
      if (!isPromptExit(e)) throw e;
      await io.save(state);
      return { kind: "interrupted", state };
    }
    switch (reply.kind) {
      case "help":
        io.print(`\n${pick(step.item.help, io.lang, q) || ui.noHelp}\n\n`);
        break;
      case "again":
        break;
      case "quit":
        await io.save(state);
        return { kind: "saved", state };
      case "back":
        state = next(q, state, { type: "back" });
        await io.save(state);
        break;
      case "answer":
        state = next(q, state, { type: "answer", value: reply.value });
        await io.save(state);
        break;
    }
  }
}
