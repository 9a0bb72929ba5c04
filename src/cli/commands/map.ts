// `reifegrad map <export>`: reads an export like `score` does and writes a draft mapping file of
// what it matched, with unmatched columns, department names and answer labels as TODO entries.

import { Command } from "commander";
import { writeFileAtomic } from "../../io/files.js";
import { fileExportReader } from "../../io/read-export.js";
import { UserError } from "../../io/user-error.js";
import { planColumns } from "../../responses/import/columns.js";
import { draftMapping } from "../../responses/import/draft-mapping.js";
import { PRESETS } from "../../responses/import/presets/index.js";
import { importFiles, isSecondHeading } from "../../responses/import/run.js";
import { normalizeKey } from "../../responses/import/text.js";
import { isInvalid } from "../../responses/import/values.js";
import { DEFAULT_SETTINGS } from "../../scoring/assessment.js";
import { Scorer } from "../../scoring/score.js";
import type { CliContext } from "../context.js";
import {
  addImportOptions,
  describeDetection,
  type ImportOptions,
  prepareImport,
} from "../import-exports.js";
import { loadValidQuestionnaires } from "../load-questionnaires.js";
import { messageLang, say } from "../locale.js";
import type { ExitHolder } from "../main.js";
import {
  defaultQuestionnairePaths,
  loadProjectContext,
  projectQuestionnairePaths,
} from "../project-context.js";

interface MapOptions extends ImportOptions {
  questionnaires?: string;
}

/** Distinct values remembered per column; a draft lists at most these. */
const MAX_DISTINCT = 200;

export function mapCommand(ctx: CliContext, exit: ExitHolder): Command {
  const cmd = new Command("map")
    .description(
      "write a draft mapping file for a survey export (what matched, and TODOs for the rest)",
    )
    .argument("<export>", "export file (CSV, TSV)")
    .option(
      "-q, --questionnaires <path>",
      "questionnaire folder or file (default: questionnaires/)",
    )
    .option("-o, --out <file>", "write the draft here (default: stdout)");
  return addImportOptions(cmd, false).action(async (file: string, o: MapOptions) => {
    // In an assessment folder, its questionnaires and its departments (names, aliases) as score
    // would use them, so the draft leaves no TODO for a name the project already knows.
    const pc = await loadProjectContext(ctx);
    const questionnaires = await loadValidQuestionnaires(
      o.questionnaires
        ? [o.questionnaires]
        : pc
          ? projectQuestionnairePaths(pc, ctx)
          : await defaultQuestionnairePaths(ctx),
      ctx.cwd,
    );
    const scorer = new Scorer(questionnaires, { settings: DEFAULT_SETTINGS });
    const { out, ...importOptions } = o;
    const setup = await prepareImport(
      [file],
      { ...importOptions, departments: pc?.project.departments ?? [] },
      scorer,
      ctx,
    );
    const target = setup.files[0]!;
    const departments = new Map<string, string | undefined>();
    const unknownLabels = new Map<string, Set<string>>();
    const mapping = setup.settings.mapping;
    // One pass through the scoring import (with a sink that keeps nothing) for the account and
    // detection, then a look at the values it could not place.
    const { account } = await importFiles(
      [target],
      fileExportReader(undefined, o.sheet),
      setup.catalog,
      { ...setup.settings, dedupe: false },
      { add: () => {} },
      0,
    );
    const f = account.files[0]!;
    ctx.stderr(`${f.file}: ${describeDetection(f, messageLang(ctx.env))}\n`);
    let plan: ReturnType<typeof planColumns> | undefined;
    let first: string[] | undefined;
    await fileExportReader(undefined, o.sheet).read(
      { file: target, encoding: f.encoding, delimiter: f.delimiter, fatal: false },
      (row) => {
        if (!first) {
          first = row.fields();
          return;
        }
        if (!plan) {
          // A LimeSurvey VV export's second line holds the codes: the header.
          const second = isSecondHeading(first, row.fields());
          plan = planColumns(
            target,
            second ? row.fields() : first,
            PRESETS[f.preset],
            setup.catalog,
            mapping,
            setup.settings.overrides,
          );
          if (second) return;
        }
        if (plan.departmentCol >= 0 && departments.size < MAX_DISTINCT) {
          const v = row.trimmed(plan.departmentCol);
          if (v !== "" && !departments.has(v)) {
            const k = normalizeKey(v);
            departments.set(v, mapping.departments.get(k) ?? setup.catalog.departmentByKey.get(k));
          }
        }
        for (const c of plan.itemCols) {
          const v = row.trimmed(c.col);
          if (v === "") continue;
          const r = c.convert(v);
          if (isInvalid(r) && r.code === "unknown-label") {
            let s = unknownLabels.get(c.item);
            if (!s) {
              s = new Set();
              unknownLabels.set(c.item, s);
            }
            // A multi-select cell: its unknown options one by one, not the combination.
            for (const part of r.unknown ?? [v]) if (s.size < 20) s.add(part);
          }
        }
      },
    );
    if (!plan && first)
      plan = planColumns(
        target,
        first,
        PRESETS[f.preset],
        setup.catalog,
        mapping,
        setup.settings.overrides,
      );
    if (!plan)
      throw new UserError({
        de: `${target}: die Datei hat keine Kopfzeile`,
        en: `${target}: the file has no header row`,
      });
    const text = draftMapping(
      { file: f, plan, departments, unknownLabels, mapping },
      setup.catalog,
    );
    const todo = text.split("\n").filter((l) => l.includes("# TODO")).length;
    // "-" is stdout, as for `score --out -` (not a file named "-").
    if (out && out !== "-") {
      await writeFileAtomic(out, text);
      const n = plan.itemCols.length + plan.choiceCols.length;
      ctx.stderr(
        say(
          messageLang(ctx.env),
          `${out} geschrieben: ${n} Spalte${n === 1 ? "" : "n"} zugeordnet, ${todo} TODO-Eintr${todo === 1 ? "ag" : "äge"}\n`,
          `wrote ${out}: ${n} columns matched, ${todo} TODO entr${todo === 1 ? "y" : "ies"}\n`,
        ),
      );
    } else {
      ctx.stdout(text);
    }
    exit.code = 0;
  });
}
