// A list prompt for the interview, built on @inquirer/core: the cursor starts on no answer (or on
// the earlier answer when a question is asked again), answers are numbered and a digit moves the
// cursor to one, a choice may have its own key (w = weiß nicht), actions take one key and act at
// once (< back, ? help, ! save and quit), and every text it shows comes from the caller, so the
// prompt speaks the interview's language. Enter on no answer asks for one instead of guessing.
import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isUpKey,
  makeTheme,
  useKeypress,
  usePagination,
  usePrefix,
  useState,
} from "@inquirer/core";

export interface ChooseChoice<V extends string = string> {
  readonly value: V;
  readonly name: string;
  /** Its own key (a letter or sign); choices without one are numbered 1, 2, … */
  readonly key?: string;
  /** The key answers at once, without Enter (actions: back, help, save and quit). */
  readonly immediate?: boolean;
  /** Draw a line before this choice. */
  readonly separatorBefore?: boolean;
}

export interface ChooseConfig<V extends string = string> {
  readonly message: string;
  readonly choices: readonly ChooseChoice<V>[];
  /** Where the cursor starts (the earlier answer); without it, on no choice. */
  readonly default?: V;
  /** The key hint under the list, in the interview's language. */
  readonly hint: string;
  /** Shown when Enter is pressed before a choice is picked. */
  readonly pickOne: string;
  readonly pageSize?: number;
}

type Row<V extends string> =
  | { readonly kind: "line" }
  | { readonly kind: "choice"; readonly choice: ChooseChoice<V>; readonly label: string };

/** The rows on screen: choices with their labels ("1." or their key) and separator lines. */
export function rowsOf<V extends string>(choices: readonly ChooseChoice<V>[]): Row<V>[] {
  const rows: Row<V>[] = [];
  let n = 0;
  for (const choice of choices) {
    if (choice.separatorBefore && rows.length > 0) rows.push({ kind: "line" });
    const label = choice.key ?? `${++n}.`;
    // "? Hilfe" under the key "?" reads "?  Hilfe": the sign is shown once.
    const name =
      choice.key !== undefined && choice.name.startsWith(`${choice.key} `)
        ? choice.name.slice(choice.key.length + 1)
        : choice.name;
    rows.push({ kind: "choice", choice: { ...choice, name }, label });
  }
  return rows;
}

/** The row a typed text points at: a numbered choice by its number, else a choice by its key. */
export function rowFor<V extends string>(rows: readonly Row<V>[], typed: string): number {
  const t = typed.trim().toLowerCase();
  if (t === "") return -1;
  if (/^\d+$/.test(t)) return rows.findIndex((r) => r.kind === "choice" && r.label === `${t}.`);
  return rows.findIndex((r) => r.kind === "choice" && r.choice.key?.toLowerCase() === t);
}

const isChoice = <V extends string>(r: Row<V> | undefined): r is Row<V> & { kind: "choice" } =>
  r?.kind === "choice";

export const choose = createPrompt(
  <V extends string>(config: ChooseConfig<V>, done: (value: V) => void): string => {
    const theme = makeTheme({});
    const rows = rowsOf(config.choices);
    const numbered = rows.filter((r) => isChoice(r) && r.choice.key === undefined).length;
    const start = rows.findIndex((r) => isChoice(r) && r.choice.value === config.default);
    const [active, setActive] = useState(config.default === undefined ? -1 : start);
    const [status, setStatus] = useState<"idle" | "done">("idle");
    const [error, setError] = useState<string | undefined>(undefined);
    const prefix = usePrefix({ status, theme });

    const finish = (index: number) => {
      const row = rows[index];
      if (!isChoice(row)) return;
      setActive(index);
      setStatus("done");
      done(row.choice.value);
    };
    const move = (offset: 1 | -1) => {
      let i = active === -1 ? (offset === 1 ? -1 : rows.length) : active;
      do i += offset;
      while (i >= 0 && i < rows.length && !isChoice(rows[i]));
      if (i >= 0 && i < rows.length) setActive(i);
    };

    useKeypress((key, rl) => {
      if (isEnterKey(key)) {
        if (active === -1) setError(config.pickOne);
        else finish(active);
        return;
      }
      setError(undefined);
      if (isUpKey(key) || isDownKey(key)) {
        rl.clearLine(0);
        move(isUpKey(key) ? -1 : 1);
        return;
      }
      if (isBackspaceKey(key)) {
        rl.clearLine(0);
        return;
      }
      const typed = rl.line.trim();
      const index = rowFor(rows, typed);
      const row = rows[index];
      // A number is kept while a longer one could still follow (answers 10 and up).
      const more = /^\d+$/.test(typed) && Number(`${typed}0`) <= numbered;
      if (!more) rl.clearLine(0);
      if (!isChoice(row)) return;
      if (row.choice.immediate) finish(index);
      else setActive(index);
    });

    // Every hook on every render (hooks are matched by order): the page before the early return.
    const page = usePagination({
      items: rows,
      active: Math.max(active, 0),
      pageSize: config.pageSize ?? Math.min(rows.length, 16),
      loop: false,
      renderItem: ({ item, index }) => {
        if (!isChoice(item)) return "  ──────";
        const line = `${item.label.padEnd(3)} ${item.choice.name}`;
        return index === active ? theme.style.highlight(`❯ ${line}`) : `  ${line}`;
      },
    });
    const message = theme.style.message(config.message, status);
    const chosen = rows[active];
    if (status === "done" && isChoice(chosen)) {
      return `${prefix} ${message} ${theme.style.answer(chosen.choice.name)}`;
    }
    return [
      `${prefix} ${message}`,
      page,
      theme.style.help(config.hint),
      ...(error ? [theme.style.error(error)] : []),
    ].join("\n");
  },
);
