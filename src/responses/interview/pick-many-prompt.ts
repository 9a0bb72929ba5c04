// The interview's multi-select, built on @inquirer/core like the single-choice list (choose-prompt)
// and read the same way: the answers numbered, "don't know" under its letter, the actions under a
// line with one key each (< back, ? help, ! save and quit, acting at once). A digit or its letter
// ticks or unticks an answer, Space the one under the cursor; Enter goes on ("weiter") with what
// is ticked. Ticking an exclusive answer ("none of these", "don't know") unticks the others and the
// other way round. Every text comes from the caller, in the interview's language.
import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  makeTheme,
  useKeypress,
  usePagination,
  usePrefix,
  useState,
} from "@inquirer/core";
import { type ChooseChoice, rowFor, rowsOf } from "./choose-prompt.js";

export interface PickManyConfig<V extends string = string> {
  readonly message: string;
  /** Answers (numbered, or with their own key) and actions (`immediate`: one key, at once). */
  readonly choices: readonly ChooseChoice<V>[];
  /** Ticked when the prompt opens (the earlier answer when a question is asked again). */
  readonly checked?: readonly V[];
  /** Answers that stand alone: ticking one unticks every other answer. */
  readonly exclusive?: readonly V[];
  /** The key hint under the list, in the interview's language. */
  readonly hint: string;
  /** Heading of the line that lists what is ticked ("gewählt"). */
  readonly chosen: string;
  /** Shown on the chosen line while nothing is ticked ("noch nichts"). */
  readonly nothing: string;
  /** The answer shown when Enter leaves nothing ticked ("keine Angabe"). */
  readonly noAnswer: string;
  /** Checks the ticked answers on Enter: an error text keeps the prompt open. */
  readonly validate?: (values: readonly V[]) => string | undefined;
  readonly pageSize?: number;
}

/**
 * The ticked answers after toggling `value`: an exclusive answer stands alone, and ticking any
 * other answer unticks the exclusive ones. Kept in the order of the choices.
 */
export function toggled<V extends string>(
  order: readonly V[],
  ticked: readonly V[],
  value: V,
  exclusive: readonly V[] = [],
): V[] {
  if (ticked.includes(value)) return ticked.filter((v) => v !== value);
  const rest = exclusive.includes(value) ? [] : ticked.filter((v) => !exclusive.includes(v));
  const next = new Set([...rest, value]);
  return order.filter((v) => next.has(v));
}

/** Resolves to the ticked answers on Enter, or to `[action]` when an action's key is pressed. */
export const pickMany = createPrompt(
  <V extends string>(config: PickManyConfig<V>, done: (value: V[]) => void): string => {
    const theme = makeTheme({});
    const rows = rowsOf(config.choices);
    const answers = config.choices.filter((c) => !c.immediate).map((c) => c.value);
    const numbered = rows.filter((r) => r.kind === "choice" && r.choice.key === undefined).length;
    const [ticked, setTicked] = useState<V[]>(answers.filter((v) => config.checked?.includes(v)));
    const [active, setActive] = useState(-1);
    const [status, setStatus] = useState<"idle" | "done">("idle");
    const [error, setError] = useState<string | undefined>(undefined);
    const [picked, setPicked] = useState<string>("");
    const prefix = usePrefix({ status, theme });
    const nameOf = (v: V) => config.choices.find((c) => c.value === v)?.name ?? v;

    const finish = (values: V[], shown: string) => {
      setPicked(shown);
      setStatus("done");
      done(values);
    };
    const toggle = (index: number) => {
      const row = rows[index];
      if (row?.kind !== "choice") return;
      setActive(index);
      if (row.choice.immediate) finish([row.choice.value], row.choice.name);
      else setTicked(toggled(answers, ticked, row.choice.value, config.exclusive));
    };
    const move = (offset: 1 | -1) => {
      let i = active === -1 ? (offset === 1 ? -1 : rows.length) : active;
      do i += offset;
      while (i >= 0 && i < rows.length && rows[i]?.kind !== "choice");
      if (i >= 0 && i < rows.length) setActive(i);
    };

    useKeypress((key, rl) => {
      if (isEnterKey(key)) {
        const problem = config.validate?.(ticked);
        if (problem !== undefined) setError(problem);
        else finish(ticked, ticked.map(nameOf).join(", ") || config.noAnswer);
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
      if (isSpaceKey(key)) {
        rl.clearLine(0);
        toggle(active);
        return;
      }
      const typed = rl.line.trim();
      const index = rowFor(rows, typed);
      // A number that a longer one could still continue (answers 10 and up) only moves the
      // cursor; the next digit, or Space, decides.
      const more = /^\d+$/.test(typed) && Number(`${typed}0`) <= numbered;
      if (more) {
        if (index >= 0) setActive(index);
        return;
      }
      rl.clearLine(0);
      toggle(index);
    });

    // Every hook on every render (hooks are matched by order): the page before the early return.
    const page = usePagination({
      items: rows,
      active: Math.max(active, 0),
      pageSize: config.pageSize ?? Math.min(rows.length, 16),
      loop: false,
      renderItem: ({ item, index }) => {
        if (item.kind !== "choice") return "  ──────";
        const mark = item.choice.immediate ? " " : ticked.includes(item.choice.value) ? "✔" : " ";
        const line = `${item.label.padEnd(3)} ${mark} ${item.choice.name}`;
        return index === active ? theme.style.highlight(`❯ ${line}`) : `  ${line}`;
      },
    });
    const message = theme.style.message(config.message, status);
    if (status === "done") return `${prefix} ${message} ${theme.style.answer(picked)}`;
    const chosen = ticked.length > 0 ? ticked.map(nameOf).join(", ") : config.nothing;
    return [
      `${prefix} ${message}`,
      page,
      `${config.chosen}: ${chosen}`,
      theme.style.help(config.hint),
      ...(error ? [theme.style.error(error)] : []),
    ].join("\n");
  },
);
