// `reifegrad compare <before.json> <after.json>`: the trend between two survey waves. Refuses
// (exit 1) when the questionnaires' items differ in a way that breaks comparability.
import { Command, Option } from "commander";
import { checkOutFolder } from "../../io/files.js";
import { UserError } from "../../io/user-error.js";
import {
  buildTrend,
  COMPARE_FORMATS,
  comparability,
  renderTrendFiles,
  renderTrendTerminal,
} from "../../report/compare.js";
import type { CliContext } from "../context.js";
import { messageLang, say } from "../locale.js";
import type { ExitHolder } from "../main.js";
import { formatsOf, writeReports } from "../write-reports.js";
import { readAssessmentFile, versionsDiffer } from "./report.js";

interface CompareOptions {
  out?: string;
  format: string;
  lang: "de" | "en";
  check?: boolean;
}

/** How an item differs between the waves (trend.ts's reasons), as the user reads it: de, en. */
const REASONS: Record<string, [string, string]> = {
  "only-before": ["nur in der früheren Erhebung", "only in the earlier wave"],
  "only-after": ["nur in der späteren Erhebung", "only in the later wave"],
  type: ["anderer Fragetyp", "another item type"],
  dimension: ["andere Dimension", "another dimension"],
  reverse: ["anders gepolt", "reversed differently"],
  options: ["andere Antwortoptionen", "other answer options"],
  rows: ["andere Zeilen", "other rows"],
};
/** Differing items listed before "… and N more". */
const SHOWN = 20;

export function compareCommand(ctx: CliContext, exit: ExitHolder): Command {
  return new Command("compare")
    .description("show the change between two assessments (survey waves)")
    .argument("<before>", "the earlier assessment.json")
    .argument("<after>", "the later assessment.json")
    .option("-o, --out <dir>", "folder for compare.json / .md / .html / .csv")
    .option(
      "--format <list>",
      `formats, comma-separated: ${COMPARE_FORMATS.join(",")}`,
      COMPARE_FORMATS.join(","),
    )
    .addOption(new Option("--lang <lang>", "report language").choices(["de", "en"]).default("de"))
    .option("--check", "write nothing; exit 1 listing every file in --out that would change")
    .action(async (beforeFile: string, afterFile: string, o: CompareOptions) => {
      const formats = formatsOf(o.format, COMPARE_FORMATS);
      if (o.check && !o.out)
        throw new UserError(
          { de: "--check braucht --out <ordner>", en: "--check needs --out <dir>" },
          2,
        );
      if (o.out === "-")
        throw new UserError(
          {
            de: "--out - gibt es bei compare nicht: ohne --out steht der Vergleich im Terminal; für Dateien geben Sie einen Ordner an",
            en: "compare has no --out -: without --out the comparison goes to the terminal; for files name a folder",
          },
          2,
        );
      // Files asked for with nowhere to put them: nothing would be written (as in `score`).
      if (!o.out && !formats.includes("terminal"))
        throw new UserError(
          {
            de: `--format ${formats.join(",")} schreibt Dateien: geben Sie --out <ordner> an`,
            en: `--format ${formats.join(",")} writes files: pass --out <dir>`,
          },
          2,
        );
      if (o.out) checkOutFolder(o.out, o.check);
      const before = await readAssessmentFile(beforeFile);
      const after = await readAssessmentFile(afterFile);
      const c = comparability(before, after);
      if (!c.comparable) {
        const lang = messageLang(ctx.env);
        const said = (r: string) => say(lang, ...(REASONS[r] ?? [r, r]));
        // Unrelated files differ in every item: the first few say enough.
        for (const d of c.differences.slice(0, SHOWN))
          ctx.stderr(`  ${d.item}: ${d.reasons.map(said).join(", ")}\n`);
        const more = c.differences.length - SHOWN;
        if (more > 0) ctx.stderr(say(lang, `  … und ${more} weitere\n`, `  … and ${more} more\n`));
        const items = c.differences
          .slice(0, SHOWN)
          .map((d) => d.item)
          .join(", ")
          .concat(more > 0 ? ", …" : "");
        throw new UserError(
          {
            de: `${beforeFile} und ${afterFile} sind nicht vergleichbar: ${c.differences.length} Frage(n) unterscheiden sich (${items})`,
            en: `${beforeFile} and ${afterFile} are not comparable: ${c.differences.length} item(s) differ (${items})`,
          },
          1,
        );
      }
      if (c.versionChanged) versionsDiffer(ctx, before, after);
      const trend = buildTrend(before, after);
      const files = o.out ? renderTrendFiles(trend, after, formats, o.lang) : [];
      if (formats.includes("terminal") && !o.check)
        ctx.stdout(renderTrendTerminal(trend, after, o.lang));
      exit.code = o.out
        ? await writeReports(ctx, files, { out: o.out, check: o.check ?? false })
        : 0;
    });
}
