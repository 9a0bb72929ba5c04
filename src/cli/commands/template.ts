// `reifegrad template <id>`: a blank answer CSV (header only) in reifegrad's own format, plus the
// code list of every column.
import { Command, Option } from "commander";
import { writeFileAtomic } from "../../io/files.js";
import { answerHeader, codeListLines } from "../../questionnaire/answer-columns.js";
import { csvText } from "../../util/csv-text.js";
import type { CliContext } from "../context.js";
import { messageLang, say } from "../locale.js";
import type { ExitHolder } from "../main.js";
import { loadForCommand, pick, pickLanguage } from "./questionnaires.js";

interface TemplateOptions {
  out?: string;
  codes?: string;
  lang?: string;
  questionnaires?: string;
}

export function templateCommand(ctx: CliContext, exit: ExitHolder): Command {
  return new Command("template")
    .description("write a blank answer CSV (header only) for a questionnaire, and its code list")
    .argument("<id>", "questionnaire id")
    .option("-o, --out <file>", "write the CSV here (default: stdout)")
    .option("--codes <file>", "write the code list here (default: stderr)")
    .option("--lang <lang>", "language of the code labels (default: the questionnaire's first)")
    .addOption(
      new Option(
        "-q, --questionnaires <path>",
        "questionnaire folder or file (default: questionnaires/)",
      ),
    )
    .action(async (id: string, o: TemplateOptions) => {
      // "-" is stdout, as for `score --out -` (not a file named "-").
      if (o.out === "-") o.out = undefined;
      const q = pick(await loadForCommand(ctx, exit, o), id);
      const lang = pickLanguage(q, o.lang);
      const csv = csvText([answerHeader(q)]);
      const codes = `${codeListLines(q, lang).join("\n")}\n`;
      if (o.out) await writeFileAtomic(o.out, csv);
      else ctx.stdout(csv);
      if (o.codes) await writeFileAtomic(o.codes, codes);
      else ctx.stderr(codes);
      if (o.out) {
        const n = answerHeader(q).length;
        ctx.stderr(
          say(
            messageLang(ctx.env),
            `${o.out} geschrieben (${n} Spalten)\n`,
            `wrote ${o.out} (${n} columns)\n`,
          ),
        );
      }
    });
}
