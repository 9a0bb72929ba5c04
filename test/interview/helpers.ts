// Shared helpers for the interview tests: the fixture questionnaires and a scripted Prompter.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import type { Questionnaire } from "../../src/questionnaire/model.js";
import type {
  CheckboxSpec,
  ConfirmSpec,
  InputSpec,
  Prompter,
  SelectSpec,
} from "../../src/responses/interview/prompter.js";

export const FIXTURES = join(import.meta.dirname, "../../fixtures/interview/questionnaires");

/** Loads the fixture questionnaires; `edit` may change a file's text first (changed questionnaire). */
export function loadFixture(
  id = "amt",
  edit: (file: string, text: string) => string = (_f, t) => t,
): Questionnaire {
  const sources = ["core.yaml", "amt.yaml"].map((f) => ({
    path: f,
    text: edit(f, readFileSync(join(FIXTURES, f), "utf8")),
  }));
  const r = loadQuestionnaires(sources);
  const errors = r.problems.filter((p) => p.severity === "error");
  if (errors.length > 0)
    throw new Error(errors.map((p) => `${p.file}:${p.line} ${p.code} ${p.message}`).join("\n"));
  const q = r.questionnaires.find((x) => x.id === id);
  if (!q) throw new Error(`no questionnaire ${id}`);
  return q;
}

/** One scripted reply: a choice (by value or by shown name), ticked choices, typed text, yes/no, or Ctrl-C. */
export type Scripted =
  | { readonly select: string }
  | { readonly checkbox: readonly string[] }
  | { readonly input: string }
  | { readonly confirm: boolean }
  | { readonly ctrlC: true };

export interface Asked {
  readonly kind: "select" | "checkbox" | "input" | "confirm";
  readonly message: string;
  readonly choices?: readonly string[];
  readonly default?: string | boolean;
}

class PromptExit extends Error {
  override name = "ExitPromptError";
}

/** A Prompter that replays a script and records what was asked; fails loudly on a mismatch. */
export class FakePrompter implements Prompter {
  readonly asked: Asked[] = [];
  private readonly script: Scripted[];

  constructor(script: readonly Scripted[]) {
    this.script = [...script];
  }

  get remaining(): number {
    return this.script.length;
  }

  private take(kind: Asked["kind"], message: string): Scripted {
    const s = this.script.shift();
    if (!s) throw new Error(`script ended, but asked ${kind}: ${message}`);
    if ("ctrlC" in s) throw new PromptExit("User force closed the prompt with SIGINT");
    if (!(kind in s))
      throw new Error(`script has ${JSON.stringify(s)}, but asked ${kind}: ${message}`);
    return s;
  }

  async select<V extends string>(spec: SelectSpec<V>): Promise<V> {
    this.asked.push({
      kind: "select",
      message: spec.message,
      choices: spec.choices.map((c) => c.name),
      ...(spec.default !== undefined ? { default: spec.default } : {}),
    });
    const want = (this.take("select", spec.message) as { select: string }).select;
    const c =
      spec.choices.find((x) => x.value === want) ?? spec.choices.find((x) => x.name === want);
    if (!c)
      throw new Error(
        `no choice "${want}" in: ${spec.choices.map((x) => `${x.value}=${x.name}`).join(", ")}`,
      );
    return c.value;
  }

  async checkbox<V extends string>(spec: CheckboxSpec<V>): Promise<V[]> {
    this.asked.push({
      kind: "checkbox",
      message: spec.message,
      choices: spec.choices.map((c) => c.name),
    });
    const want = (this.take("checkbox", spec.message) as { checkbox: readonly string[] }).checkbox;
    const values = want.map((w) => {
      const c = spec.choices.find((x) => x.value === w) ?? spec.choices.find((x) => x.name === w);
      if (!c) throw new Error(`no choice "${w}"`);
      return c.value;
    });
    const error = spec.validate?.(values);
    if (error) throw new Error(`checkbox would refuse ${JSON.stringify(want)}: ${error}`);
    return values;
  }

  async input(spec: InputSpec): Promise<string> {
    this.asked.push({
      kind: "input",
      message: spec.message,
      ...(spec.default !== undefined ? { default: spec.default } : {}),
    });
    const typed = (this.take("input", spec.message) as { input: string }).input;
    const value = typed === "" && spec.default !== undefined ? spec.default : typed;
    const error = spec.validate?.(value);
    if (error) throw new Error(`input would refuse "${value}": ${error}`);
    return value;
  }

  async confirm(spec: ConfirmSpec): Promise<boolean> {
    this.asked.push({ kind: "confirm", message: spec.message });
    return (this.take("confirm", spec.message) as { confirm: boolean }).confirm;
  }
}
