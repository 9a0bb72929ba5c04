// `reifegrad questionnaires`: list the loaded questionnaires; `… show <id>`: print one, composed.
import { Command, Option } from "commander";
import { readQuestionnaireSources } from "../../io/files.js";
import { UserError } from "../../io/user-error.js";
import { hasErrors } from "../../problem.js";
import { loadQuestionnaires } from "../../questionnaire/load.js";
import type { Questionnaire } from "../../questionnaire/model.js";
import { presentQuestionnaire, type ShowFormat } from "../../questionnaire/present.js";
import type { CliContext } from "../context.js";
import { type MessageLang, messageLang, say } from "../locale.js";
import type { ExitHolder } from "../main.js";
import { formatProblems } from "../problems.js";
import { defaultQuestionnairePaths } from "../project-context.js";

interface SourceOptions {
  questionnaires?: string;
}

/** Loads all questionnaires; problems go to stderr, and errors set exit code 1. */
export async function loadForCommand(
  ctx: CliContext,
  exit: ExitHolder,
  o: SourceOptions,
): Promise<readonly Questionnaire[]> {
  const paths = o.questionnaires ? [o.questionnaires] : await defaultQuestionnairePaths(ctx);
  const sources = await readQuestionnaireSources(paths, ctx.cwd);
  const { questionnaires, problems } = loadQuestionnaires(sources);
  // An empty folder would list nothing and exit 0, as if it were fine.
  if (questionnaires.length === 0 && !hasErrors(problems))
    throw new UserError({
      de: `keine Fragebögen (*.yaml, *.yml) in ${paths.join(", ")}`,
      en: `no questionnaires (*.yaml, *.yml) in ${paths.join(", ")}`,
    });
  if (hasErrors(problems)) {
    const lang = messageLang(ctx.env);
    ctx.stderr(formatProblems(problems, ctx.colorErr, lang));
    ctx.stderr(
      say(
        lang,
        "einige Fragebögen sind fehlerhaft und bleiben außen vor (`reifegrad validate` zeigt die Fehler)\n",
        "some questionnaires are invalid and left out (run `reifegrad validate`)\n",
      ),
    );
    exit.code = 1;
  }
  return questionnaires;
}

/** The questionnaire with this id, or a user error naming the known ones. */
export function pick(questionnaires: readonly Questionnaire[], id: string): Questionnaire {
  const q = questionnaires.find((x) => x.id === id);
  if (!q) {
    const known = questionnaires.map((x) => x.id).join(", ");
    throw new UserError({
      de: `kein gültiger Fragebogen „${id}“ (bekannt: ${known || "keine"})`,
      en: `no valid questionnaire "${id}" (known: ${known || "none"})`,
    });
  }
  return q;
}

/** --lang must be one of the questionnaire's languages; default: its first. */
export function pickLanguage(q: Questionnaire, lang: string | undefined): string {
  if (lang === undefined) return q.languages[0] ?? "de";
  if (!q.languages.includes(lang)) {
    throw new UserError(
      {
        de: `--lang ${lang}: der Fragebogen „${q.id}“ hat die Sprachen ${q.languages.join(", ")}`,
        en: `--lang ${lang}: questionnaire "${q.id}" has ${q.languages.join(", ")}`,
      },
      2,
    );
  }
  return lang;
}

export interface QuestionnaireRow {
  readonly id: string;
  readonly department: string;
  readonly group: string;
  readonly dimensions: number;
  readonly items: number;
}

export function listRows(questionnaires: readonly Questionnaire[]): QuestionnaireRow[] {
  return [...questionnaires]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((q) => ({
      id: q.id,
      department: q.department?.id ?? "-",
      group: q.group,
      dimensions: q.dimensions.length,
      items: q.items.length,
    }));
}

/** The list as a table, its headings in the user's language (the ids in it are the same). */
export function renderRows(rows: readonly QuestionnaireRow[], lang: MessageLang = "en"): string {
  const headings =
    lang === "de"
      ? ["Kennung", "Amt", "Gruppe", "Dimensionen", "Fragen"]
      : ["id", "department", "group", "dimensions", "items"];
  const table = [
    headings,
    ...rows.map((r) => [r.id, r.department, r.group, String(r.dimensions), String(r.items)]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table
    .map((row) =>
      row
        .map((cell, i) => (i >= 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
}

const questionnairesOption = () =>
  new Option(
    "-q, --questionnaires <path>",
    "questionnaire folder or file (default: questionnaires/)",
  );

export function questionnairesCommand(ctx: CliContext, exit: ExitHolder): Command {
  const show = new Command("show")
    .description("print a composed questionnaire for review: dimensions, items, scales, skip logic")
    .argument("<id>", "questionnaire id")
    .addOption(
      new Option("--lang <lang>", "language of the texts (default: the questionnaire's first)"),
    )
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "md"]).default("text"),
    )
    .addOption(questionnairesOption())
    .action(async (id: string, _o: unknown, cmd: Command) => {
      // -q may come before or after `show`; commander then gives it to the parent.
      const o = cmd.optsWithGlobals<SourceOptions & { lang?: string; format: ShowFormat }>();
      const q = pick(await loadForCommand(ctx, exit, o), id);
      const lang = pickLanguage(q, o.lang);
      ctx.stdout(`${presentQuestionnaire(q, lang, o.format).join("\n")}\n`);
    })
    .exitOverride();
  return new Command("questionnaires")
    .description("list the questionnaires (id, department, group, dimensions, items)")
    .addOption(questionnairesOption())
    .action(async (o: SourceOptions) => {
      const rows = listRows(await loadForCommand(ctx, exit, o));
      ctx.stdout(renderRows(rows, messageLang(ctx.env)));
    })
    .addCommand(show);
}
