// The one thin wrapper around @inquirer/prompts. The interview talks only to `Prompter`, so tests
// replace it with a scripted fake and the flow never needs a terminal.
import { checkbox, confirm, input, Separator, select } from "@inquirer/prompts";

export interface PromptChoice<V extends string = string> {
  readonly value: V;
  readonly name: string;
  /** Shown under the list while the choice is highlighted. */
  readonly description?: string;
  /** checkbox: ticked when the prompt opens. */
  readonly checked?: boolean;
  /** Draw a separator line before this choice. */
  readonly separatorBefore?: boolean;
}

export interface SelectSpec<V extends string = string> {
  readonly message: string;
  readonly choices: readonly PromptChoice<V>[];
  readonly default?: V;
}

export interface CheckboxSpec<V extends string = string> {
  readonly message: string;
  readonly choices: readonly PromptChoice<V>[];
  /** Returns an error text, or undefined when the selection is fine. */
  readonly validate?: (values: readonly V[]) => string | undefined;
}

export interface InputSpec {
  readonly message: string;
  readonly default?: string;
  /** Returns an error text, or undefined when the value is fine. */
  readonly validate?: (value: string) => string | undefined;
}

export interface ConfirmSpec {
  readonly message: string;
  readonly default?: boolean;
}

export interface Prompter {
  select<V extends string>(spec: SelectSpec<V>): Promise<V>;
  checkbox<V extends string>(spec: CheckboxSpec<V>): Promise<V[]>;
  input(spec: InputSpec): Promise<string>;
  confirm(spec: ConfirmSpec): Promise<boolean>;
}

/**
 * True for the errors a prompt throws when the user leaves it: Ctrl-C (ExitPromptError) or an
 * aborted signal (AbortPromptError, e.g. SIGINT between keystrokes).
 */
export function isPromptExit(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === "ExitPromptError" || name === "AbortPromptError";
}

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
