// The real prompts on the process's terminal, behind the `Prompter` interface. A module of its
// own so that only `run` loads @inquirer/prompts (every other command starts faster without it).
import { checkbox, input, Separator } from "@inquirer/prompts";
import { choose } from "./choose-prompt.js";
import type {
  CheckboxSpec,
  ConfirmSpec,
  InputSpec,
  PromptChoice,
  Prompter,
  SelectSpec,
} from "./prompter.js";
import { type Lang, uiTexts } from "./texts.js";

type Entry<V> = { value: V; name: string; description?: string; checked?: boolean } | Separator;

function entries<V extends string>(choices: readonly PromptChoice<V>[]): Entry<V>[] {
  const out: Entry<V>[] = [];
  for (const c of choices) {
    if (c.separatorBefore) out.push(new Separator());
    out.push({
      value: c.value,
      name: c.name,
      ...(c.description !== undefined ? { description: c.description } : {}),
      ...(c.checked !== undefined ? { checked: c.checked } : {}),
    });
  }
  return out;
}

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
    checkbox: <V extends string>(spec: CheckboxSpec<V>) =>
      checkbox<V>(
        {
          message: spec.message,
          choices: entries(spec.choices) as (Separator | { value: V; name: string })[],
          pageSize: pageSize(spec.choices.length),
          loop: false,
          instructions: ui.prompt.checkboxHint,
          // "a" (all) and "i" (invert) would tick answers by accident in an interview.
          shortcuts: { all: null, invert: null },
          ...(spec.validate
            ? {
                validate: (chosen: readonly { value: V }[]) =>
                  spec.validate!(chosen.map((c) => c.value)) ?? true,
              }
            : {}),
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
