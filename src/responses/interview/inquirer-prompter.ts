// The real prompts on the process's terminal, behind the `Prompter` interface. A module of its
// own so that only `run` loads @inquirer/prompts (every other command starts faster without it).
import { checkbox, confirm, input, Separator, select } from "@inquirer/prompts";
import type {
  CheckboxSpec,
  ConfirmSpec,
  InputSpec,
  PromptChoice,
  Prompter,
  SelectSpec,
} from "./prompter.js";

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

/** The real prompts, on the process's terminal. `signal` aborts the open prompt (SIGINT). */
export function inquirerPrompter(signal?: AbortSignal): Prompter {
  const context = signal ? { signal } : {};
  return {
    select: <V extends string>(spec: SelectSpec<V>) =>
      select<V>(
        {
          message: spec.message,
          choices: entries(spec.choices) as (Separator | { value: V; name: string })[],
          ...(spec.default !== undefined ? { default: spec.default } : {}),
          pageSize: Math.min(spec.choices.length + 3, 16),
          loop: false,
        },
        context,
      ),
    checkbox: <V extends string>(spec: CheckboxSpec<V>) =>
      checkbox<V>(
        {
          message: spec.message,
          choices: entries(spec.choices) as (Separator | { value: V; name: string })[],
          pageSize: Math.min(spec.choices.length + 3, 16),
          loop: false,
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
    confirm: (spec: ConfirmSpec) =>
      confirm(
        { message: spec.message, ...(spec.default !== undefined ? { default: spec.default } : {}) },
        context,
      ),
  };
}
