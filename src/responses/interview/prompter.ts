// The one thin wrapper around @inquirer/prompts. The interview talks only to `Prompter`, so tests
// replace it with a scripted fake and the flow never needs a terminal.

export interface PromptChoice<V extends string = string> {
  readonly value: V;
  readonly name: string;
  /** Shown under the list while the choice is highlighted. */
  readonly description?: string;
  /** checkbox: ticked when the prompt opens. */
  readonly checked?: boolean;
  /** checkbox: an answer that stands alone; ticking it unticks the others. */
  readonly exclusive?: boolean;
  /** Draw a separator line before this choice. */
  readonly separatorBefore?: boolean;
  /** Its own key (w = weiß nicht, < = back); choices without one are numbered. */
  readonly key?: string;
  /** The key acts at once, without Enter (back, help, save and quit); checkbox: alone. */
  readonly immediate?: boolean;
}

export interface SelectSpec<V extends string = string> {
  readonly message: string;
  readonly choices: readonly PromptChoice<V>[];
  readonly default?: V;
}

/**
 * Several answers from a numbered list. An `immediate` choice (an action) resolves at once to
 * itself alone; Enter resolves to the ticked answers.
 */
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
