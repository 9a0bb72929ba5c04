// The real prompts on the process's terminal, behind the `Prompter` interface. A module of its
// own so that only `run` loads @inquirer/prompts (every other command starts faster without it).
import { input } from "@inquirer/prompts";
import { choose } from "./choose-prompt.js";
import { pickMany } from "./pick-many-prompt.js";
import type { CheckboxSpec, ConfirmSpec, InputSpec, Prompter, SelectSpec } from "./prompter.js";
import { type Lang, uiTexts } from "./texts.js";

/**
 * The real prompts, on the process's terminal, with key hints and confirmations in `lang`.
 * `signal` aborts the open prompt (SIGINT).
 */
export function inquirerPrompter(signal?: AbortSignal, lang: Lang = "de"): Prompter {
  const context = signal ? { signal } : {};
  const ui = uiTexts(lang);
  const pageSize = (n: number) => Math.min(n + 3, 16);
  return {
    // No answer is picked until the user picks one; the earlier answer when asked again.
    select: <V extends string>(spec: SelectSpec<V>) =>
      choose(
        {
          message: spec.message,
          choices: spec.choices,
          ...(spec.default !== undefined ? { default: spec.default } : {}),
          hint: ui.prompt.selectHint,
          pickOne: ui.prompt.pickOne,
          pageSize: pageSize(spec.choices.length),
        },
        context,
      ) as Promise<V>,
    // A numbered list, ticked by digit, letter or Space; Enter goes on, the actions act at once.
    checkbox: <V extends string>(spec: CheckboxSpec<V>) =>
      pickMany<V>(
        {
          message: spec.message,
          choices: spec.choices,
          checked: spec.choices.filter((c) => c.checked).map((c) => c.value),
          exclusive: spec.choices.filter((c) => c.exclusive).map((c) => c.value),
          hint: ui.prompt.checkboxHint,
          chosen: ui.prompt.chosen,
          nothing: ui.prompt.nothing,
          noAnswer: ui.noAnswer,
          pageSize: pageSize(spec.choices.length) + 1,
          ...(spec.validate ? { validate: spec.validate } : {}),
        },
        context,
      ),
    input: (spec: InputSpec) =>
      input(
        {
          message: spec.message,
          ...(spec.default !== undefined && spec.default !== "" ? { default: spec.default } : {}),
          ...(spec.validate ? { validate: (v: string) => spec.validate!(v) ?? true } : {}),
        },
        context,
      ),
    // A confirmation in the interview's language: ja / nein (j, n), the default under the cursor.
    confirm: async (spec: ConfirmSpec) =>
      (await choose(
        {
          message: spec.message,
          choices: [
            { value: "yes", name: ui.yes, key: ui.prompt.yesKey, immediate: true },
            { value: "no", name: ui.no, key: ui.prompt.noKey, immediate: true },
          ],
          ...(spec.default !== undefined ? { default: spec.default ? "yes" : "no" } : {}),
          hint: ui.prompt.selectHint,
          pickOne: ui.prompt.pickOne,
        },
        context,
      )) === "yes",
  };
}
