// Test helpers: the bundled questionnaires, and simulated respondents who answer a questionnaire
// the way `reifegrad run` asks it (groups and skip rules), with a fixed seed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadQuestionnaires } from "../../src/questionnaire/load.js";
import type { Item, Questionnaire } from "../../src/questionnaire/model.js";
import { evaluateCondition } from "../../src/questionnaire/when.js";
import { ROOT } from "../e2e/cli.js";

export function bundled(): readonly Questionnaire[] {
  const dir = join(ROOT, "questionnaires");
  const files = [
    join(dir, "core.yaml"),
    ...readdirSync(join(dir, "departments")).map((f) => join(dir, "departments", f)),
    ...readdirSync(join(dir, "external")).map((f) => join(dir, "external", f)),
  ].sort();
  const { questionnaires, problems } = loadQuestionnaires(
    files.map((path) => ({ path, text: readFileSync(path, "utf8") })),
  );
  if (problems.some((p) => p.severity === "error")) throw new Error(JSON.stringify(problems));
  return questionnaires;
}

export interface Respondent {
  readonly id: string;
  readonly department?: string;
  readonly group: string;
  /** Answer key (item id or item[row]) → code; multi: codes joined by ";". */
  readonly answers: ReadonlyMap<string, string>;
}

/** A tiny deterministic generator (LCG). */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `n` respondents per group, answering in questionnaire order as the interview asks. */
export function respondents(
  q: Questionnaire,
  groups: readonly string[],
  n: number,
  seed: number,
): Respondent[] {
  const rnd = random(seed);
  const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: Respondent[] = [];
  for (const group of groups) {
    for (let i = 0; i < n; i++) {
      const answers = new Map<string, string>();
      for (const item of q.items) {
        if (item.groups && !item.groups.includes(group)) continue;
        if (item.when && !evaluateCondition(item.when, (k) => answers.get(k))) continue;
        if (rnd() < 0.08) continue; // skipped
        for (const [key, value] of answer(q, item, rnd, pickOf)) answers.set(key, value);
      }
      out.push({
        id: `${q.id}-${group}-${i + 1}`,
        ...(q.department ? { department: q.department.id } : {}),
        group,
        answers,
      });
    }
  }
  return out;
}

function answer(
  q: Questionnaire,
  item: Item,
  rnd: () => number,
  pickOf: <T>(xs: readonly T[]) => T,
): [string, string][] {
  switch (item.type) {
    case "likert":
      return [[item.id, pickOf(q.scales.get(item.scale)!.options).code]];
    case "grid":
      return item.rows
        .filter(() => rnd() > 0.1)
        .map((r) => [`${item.id}[${r.id}]`, pickOf(q.scales.get(item.scale)!.options).code]);
    case "single":
      return [[item.id, pickOf(item.choices).code]];
    case "yesno":
      return [[item.id, pickOf(["yes", "no", "yes", "dk", "na"])]];
    case "multi": {
      const exclusive = item.choices.filter((c) => c.exclusive);
      if (exclusive.length > 0 && rnd() < 0.15) return [[item.id, pickOf(exclusive).code]];
      const chosen = item.choices.filter((c) => !c.exclusive && rnd() < 0.5);
      const codes = chosen.length > 0 ? chosen : [item.choices.find((c) => !c.exclusive)!];
      return [[item.id, codes.map((c) => c.code).join(";")]];
    }
    case "number": {
      return [[item.id, String(pickOf(item.bands.map((b) => b.min ?? 0)))]];
    }
    default:
      return [[item.id, pickOf(["Mehr Schulungen", "Bessere Geräte, bitte", "Weniger Papier"])]];
  }
}

const YESNO: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  de: { yes: "ja", no: "nein" },
  en: { yes: "yes", no: "no" },
};

/**
 * What a yes/no item's answer reads in a survey: ja / nein, and the missing answers in the
 * questionnaire's own words (the first of its scale answers of that kind: "trifft auf mich nicht
 * zu" in the citizens' survey), never a generic "nicht zutreffend".
 */
export function yesnoLabel(q: Questionnaire, code: string, lang: string): string {
  const kind = code === "dk" ? "dont_know" : code === "na" ? "not_applicable" : undefined;
  if (kind === undefined) return YESNO[lang]![code]!;
  const own = [...q.scales.values()].flatMap((s) => s.options).find((o) => o.missing === kind);
  if (!own) throw new Error(`${q.id} has no scale answer for ${code}`);
  return own.label[lang] ?? own.label[q.languages[0]!]!;
}
