// `reifegrad survey <target>`: writes, from the composed questionnaires, a survey to import into a
// survey tool (or to print), whose export `score` reads without a mapping file. Thin: picks the
// questionnaires and the language, calls the pure generator (src/survey), writes the files.
import { join } from "node:path";
import { Command } from "commander";
import { checkOutFolder, makeFolder, writeFileAtomic } from "../../io/files.js";
import { UserError } from "../../io/user-error.js";
import { renderMessage } from "../../messages/catalogue.js";
import type { Params } from "../../messages/entry.js";
import type { Questionnaire } from "../../questionnaire/model.js";
import {
  buildSurvey,
  PLANNED_TARGETS,
  SURVEY_TARGETS,
  type SurveyFile,
  type SurveyScope,
  type SurveyTarget,
} from "../../survey/index.js";
import type { CliContext } from "../context.js";
import { messageLang, say } from "../locale.js";
import type { ExitHolder } from "../main.js";
import { loadForCommand, pick, pickLanguage } from "./questionnaires.js";

interface SurveyOptions {
  department?: string;
  questionnaire?: string;
  all?: boolean;
  lang?: string;
  out?: string;
  questionnaires?: string;
  pdf?: boolean;
}

export function surveyCommand(ctx: CliContext, exit: ExitHolder): Command {
  return new Command("survey")
    .description(
      "write a survey for a survey tool (limesurvey, googleforms, xlsform) or on paper from the questionnaires; its export (or the typed-in paper answers) is scored without a mapping file",
    )
    .argument("<target>", `survey tool: ${SURVEY_TARGETS.join(", ")}`)
    .option("--department <id>", "one survey for this department's questionnaire")
    .option("--questionnaire <id>", "one survey for this questionnaire (e.g. citizens, businesses)")
    .option("--all", "one survey for every department, the department as the first question")
    .option("--lang <lang>", "survey language (default: the questionnaire's first)")
    .option("-o, --out <dir>", "folder to write the survey files to")
    .option("--pdf", "paper: also print the form to an A4 PDF (needs Chromium on the PATH)")
    .option(
      "-q, --questionnaires <path>",
      "questionnaire folder or file (default: questionnaires/)",
    )
    .action(async (target: string, o: SurveyOptions) => {
      if (!(SURVEY_TARGETS as readonly string[]).includes(target)) {
        const why = PLANNED_TARGETS[target] ? ` (${PLANNED_TARGETS[target]})` : "";
        throw new UserError(
          {
            de: `unbekanntes Umfrageziel „${target}“${why}; möglich: ${SURVEY_TARGETS.join(", ")}`,
            en: `unknown survey target "${target}"${why}; use one of ${SURVEY_TARGETS.join(", ")}`,
          },
          2,
        );
      }
      const chosen = [o.department, o.questionnaire, o.all].filter((x) => x !== undefined).length;
      if (chosen !== 1) {
        throw new UserError(
          {
            de: "geben Sie genau eines an: --department <id>, --questionnaire <id> oder --all",
            en: "name exactly one of --department <id>, --questionnaire <id> or --all",
          },
          2,
        );
      }
      if (!o.out)
        throw new UserError({ de: "--out <ordner> ist nötig", en: "--out <dir> is required" }, 2);
      checkOutFolder(o.out);
      if (o.pdf && target !== "paper")
        throw new UserError(
          {
            de: `--pdf gibt es nur für den Papierfragebogen (survey paper), nicht für ${target}`,
            en: `--pdf is for the paper form only (survey paper), not ${target}`,
          },
          2,
        );
      if (o.pdf) await needChromium(ctx);
      const questionnaires = await loadForCommand(ctx, exit, o);
      const scope = scopeOf(questionnaires, o);
      const first = scope.kind === "one" ? scope.questionnaire : scope.questionnaires[0]!;
      const lang = pickLanguage(first, o.lang);
      const result = await buildSurvey(target as SurveyTarget, scope, lang);
      const files: SurveyFile[] = [...result.files];
      if (o.pdf) {
        const { printPdf } = await import("../print-pdf.js");
        const html = result.files.find((f) => f.name.endsWith(".html"))!;
        files.push({
          name: html.name.replace(/\.html$/, ".pdf"),
          content: await printPdf(ctx, String(html.content), undefined),
          role: { de: "Papierfragebogen als A4-PDF", en: "paper form as an A4 PDF" },
        });
      }
      makeFolder(o.out);
      const said = messageLang(ctx.env);
      for (const f of files) {
        const path = join(o.out, f.name);
        await writeFileAtomic(path, f.content);
        ctx.stderr(
          say(said, `${path} geschrieben — ${f.role.de}\n`, `wrote ${path} — ${f.role.en}\n`),
        );
      }
      for (const n of result.notes) {
        const text = renderMessage(n.said.id, n.said.params as Params, said);
        ctx.stderr(`${say(said, "Hinweis", "note")} [${n.code}]: ${text}\n`);
      }
    });
}

/** --pdf needs a Chromium on the PATH and playwright-core: checked before anything is written. */
async function needChromium(ctx: CliContext): Promise<void> {
  const { CHROMIUM_NAMES, findChromium } = await import("../print-pdf.js");
  const lang = messageLang(ctx.env);
  if (!findChromium(ctx.env))
    throw new UserError(
      say(
        lang,
        `--pdf braucht Chromium oder Google Chrome im PATH (gesucht: ${CHROMIUM_NAMES.join(", ")}); ohne --pdf entsteht das HTML-Formular, das sich im Browser als PDF drucken lässt`,
        `--pdf needs Chromium or Google Chrome on the PATH (looked for ${CHROMIUM_NAMES.join(", ")}); without --pdf the HTML form is written, which any browser prints to PDF`,
      ),
      1,
    );
  try {
    await import("playwright-core");
  } catch {
    throw new UserError(
      say(
        lang,
        "--pdf braucht das Paket playwright-core (npm install playwright-core); ohne --pdf entsteht das HTML-Formular",
        "--pdf needs the package playwright-core (npm install playwright-core); without --pdf the HTML form is written",
      ),
      1,
    );
  }
}

function scopeOf(questionnaires: readonly Questionnaire[], o: SurveyOptions): SurveyScope {
  const departments = questionnaires.filter((q) => q.department !== undefined);
  if (o.all) {
    if (departments.length === 0)
      throw new UserError(
        { de: "kein Fragebogen eines Amts gefunden", en: "no department questionnaire found" },
        2,
      );
    return { kind: "all", questionnaires: departments };
  }
  if (o.department !== undefined) {
    const q = departments.find((x) => x.department!.id === o.department);
    if (!q) {
      const known = departments.map((x) => x.department!.id).sort();
      throw new UserError(
        {
          de: `unbekanntes Amt „${o.department}“ (bekannt: ${known.join(", ") || "keine"}); für Bürgerinnen, Bürger oder Unternehmen nehmen Sie --questionnaire`,
          en: `unknown department "${o.department}" (known: ${known.join(", ") || "none"}); for citizens or businesses use --questionnaire`,
        },
        2,
      );
    }
    return { kind: "one", questionnaire: q };
  }
  try {
    return { kind: "one", questionnaire: pick(questionnaires, o.questionnaire!) };
  } catch (e) {
    if (e instanceof UserError) throw new UserError(e.texts, 2);
    throw e;
  }
}
