// `score`'s input side: the import flags, reading every export through the importer into the
// scorer, the per-file detection lines, problems (capped), the account and the rejects file.
import { Buffer } from "node:buffer";
import { join, relative } from "node:path";
import { type Command, Option } from "commander";
import { readFileOrFail } from "../io/files.js";
import { fileExportReader, listExportFiles, readHead, totalBytes } from "../io/read-export.js";
import { isWorkbook } from "../io/read-xlsx.js";
import { RejectsWriter } from "../io/rejects-writer.js";
import { UserError } from "../io/user-error.js";
import { shown } from "../messages/entry.js";
import { coded, hasErrors, type Problem } from "../problem.js";
import { binaryKind, nulPlace } from "../responses/import/binary.js";
import { buildCatalog, type Catalog, type KnownDepartment } from "../responses/import/catalog.js";
import { type Delimiter, delimiterName, parseDelimiter } from "../responses/import/csv.js";
import { type EncodingName, parseEncodingName } from "../responses/import/encoding.js";
import { EMPTY_MAPPING, type Mapping } from "../responses/import/mapping-model.js";
import { PRESET_IDS, type PresetId } from "../responses/import/presets/index.js";
import type { FileAccount, ImportAccount, ImportSettings } from "../responses/import/run.js";
import { importFiles } from "../responses/import/run.js";
import { isIdLike } from "../responses/import/text.js";
import type { Scorer } from "../scoring/score.js";
import type { CliContext } from "./context.js";
import { type MessageLang, messageLang, say } from "./locale.js";
import { formatProblems } from "./problems.js";

export interface ImportOptions {
  out?: string;
  encoding?: string;
  delimiter?: string;
  preset?: PresetId;
  mapping?: string;
  /** Sheet of .xlsx workbooks: name or 1-based number (default: the first). */
  sheet?: string;
  department?: string;
  group?: string;
  includeIncomplete?: boolean;
  allowUnknownDepartments?: boolean;
  keepDuplicates?: boolean;
  strict?: boolean;
  /** --check (reports): write nothing, so no rejects file either. */
  check?: boolean;
  /** Departments of the project file (names, aliases), besides those with a questionnaire. */
  departments?: readonly KnownDepartment[];
  /** Name of the rejects file in --out (default rejects.csv). */
  rejectsName?: string;
}

/** Adds the import flags to a command (score, map). */
export function addImportOptions(cmd: Command, withScoring = true): Command {
  cmd
    .option(
      "--encoding <name>",
      "force the encoding: utf-8, utf-16le, utf-16be, windows-1252 (default: detect)",
    )
    .option("--delimiter <char>", 'force the delimiter: "," ";" or tab (default: detect)')
    .addOption(
      new Option(
        "--preset <tool>",
        "force the export dialect (default: detect from the header)",
      ).choices([...PRESET_IDS]),
    )
    .option(
      "--sheet <name>",
      "sheet of .xlsx workbooks to read: name or number (default: the first)",
    )
    .option(
      "--mapping <file>",
      "mapping file: columns, labels and department names (see docs/mapping-format.md)",
    )
    .option(
      "--department <id>",
      "department of every row (when the export has no department column)",
    )
    .option(
      "--group <id>",
      "respondent group of every row (default: the group column, else the questionnaire's group)",
    )
    .option(
      "--include-incomplete",
      "also score incomplete responses (LimeSurvey: empty submitdate)",
    )
    .option(
      "--allow-unknown-departments",
      "score departments that match no questionnaire with the core questionnaire",
    );
  if (withScoring) {
    cmd
      .option(
        "--keep-duplicates",
        "score every row even when a respondent id repeats (default: keep the last)",
      )
      .option("--strict", "any import problem fails the run (exit 1) before anything is written");
  }
  return cmd;
}

export interface ImportSetup {
  readonly files: string[];
  readonly catalog: Catalog;
  readonly settings: ImportSettings;
}

/** Validates the flags and loads the mapping file: usage errors exit 2, a bad mapping exits 1. */
export async function prepareImport(
  exportsArg: readonly string[],
  o: ImportOptions,
  scorer: Pick<Scorer, "questionnaires" | "root" | "questionnaireFor" | "codes">,
  ctx: CliContext,
): Promise<ImportSetup> {
  let encoding: EncodingName | undefined;
  if (o.encoding !== undefined) {
    encoding = parseEncodingName(o.encoding);
    if (!encoding)
      throw new UserError(
        {
          de: `--encoding muss utf-8, utf-16le, utf-16be oder windows-1252 sein (angegeben: „${o.encoding}“)`,
          en: `--encoding must be utf-8, utf-16le, utf-16be or windows-1252 (got "${o.encoding}")`,
        },
        2,
      );
  }
  let delimiter: Delimiter | undefined;
  if (o.delimiter !== undefined) {
    delimiter = parseDelimiter(o.delimiter);
    if (!delimiter)
      throw new UserError(
        {
          de: `--delimiter muss „,“ „;“ oder tab sein (angegeben: „${o.delimiter}“)`,
          en: `--delimiter must be "," ";" or tab (got "${o.delimiter}")`,
        },
        2,
      );
  }
  const catalog = buildCatalog(scorer.questionnaires, o.departments);
  if (o.group !== undefined && !catalog.groupIds.includes(o.group)) {
    const groups = catalog.groupIds.join(", ");
    throw new UserError(
      {
        de: `--group muss eine dieser Gruppen sein: ${groups} (angegeben: „${o.group}“)`,
        en: `--group must be one of ${groups} (got "${o.group}")`,
      },
      2,
    );
  }
  if (o.department !== undefined && !catalog.departmentNames.has(o.department)) {
    if (!isIdLike(o.department)) {
      const ids = [...catalog.departmentNames.keys()].join(", ");
      throw new UserError(
        {
          de: `--department muss eine Dienststellen-ID sein wie ${ids} (angegeben: „${o.department}“)`,
          en: `--department must be a department id such as ${ids} (got "${o.department}")`,
        },
        2,
      );
    }
    if (!o.allowUnknownDepartments) {
      throw new UserError(
        {
          de: `--department ${o.department} hat keinen Fragebogen; mit --allow-unknown-departments wird sie mit dem Kernfragebogen gewertet`,
          en: `--department ${o.department} has no questionnaire; add --allow-unknown-departments to score it with the core questionnaire`,
        },
        2,
      );
    }
  }
  let mapping: Mapping = EMPTY_MAPPING;
  if (o.mapping !== undefined) {
    const text = (await readFileOrFail(o.mapping)).toString("utf8");
    const path = relative(ctx.cwd, o.mapping) || o.mapping;
    const { parseMapping } = await import("../responses/import/mapping.js");
    const r = parseMapping({ path, text }, catalog);
    if (hasErrors(r.problems) || !r.mapping)
      throw new UserError(
        {
          de: `die Zuordnungsdatei ${path} enthält Fehler`,
          en: `the mapping file ${path} has errors`,
        },
        1,
        r.problems,
      );
    if (r.problems.length > 0)
      ctx.stderr(formatProblems(r.problems, ctx.colorErr, messageLang(ctx.env)));
    mapping = r.mapping;
  }
  const files = await listExportFiles(exportsArg);
  if (files.length === 0)
    throw new UserError({
      de: `keine Dateien *.csv, *.tsv, *.txt oder *.xlsx in ${exportsArg.join(", ")}`,
      en: `no *.csv, *.tsv, *.txt or *.xlsx files in ${exportsArg.join(", ")}`,
    });
  const binaries: Problem[] = [];
  for (const f of files) {
    const head = await readHead(f);
    const kind = binaryKind(head, encoding?.startsWith("utf-16"));
    // A workbook (.xlsx, a ZIP) is read directly; any other binary is refused.
    if (kind && !(kind === "xlsx" && isWorkbook(f))) {
      const at = kind === "binary" ? nulPlace(head) : { line: 1, column: 1 };
      binaries.push(coded("not-a-text-export", { file: f, kind }, { file: f, ...at }));
    } else if (!kind && head.includes(13) && !head.includes(10)) {
      // Rows would run into one: every answer a column, every column unmatched.
      binaries.push(coded("cr-line-ends", { file: f }, { file: f, line: 1, column: 1 }));
    } else if (!kind && looksHeaderless(head)) {
      binaries.push(coded("headerless-export", { file: f }, { file: f, line: 1, column: 1 }));
    }
  }
  if (binaries.length > 0)
    throw new UserError(
      {
        de:
          binaries.length === 1
            ? "1 der Eingaben ist kein lesbarer CSV/TSV-Export"
            : `${binaries.length} der Eingaben sind keine lesbaren CSV/TSV-Exporte`,
        en:
          binaries.length === 1
            ? "1 of the inputs is not a readable CSV/TSV export"
            : `${binaries.length} of the inputs are not readable CSV/TSV exports`,
      },
      1,
      binaries,
    );
  return {
    files,
    catalog,
    settings: {
      ...(encoding ? { encoding } : {}),
      ...(delimiter ? { delimiter } : {}),
      ...(o.preset ? { preset: o.preset } : {}),
      mapping,
      overrides: { global: mapping.values, byItem: mapping.itemValues },
      dedupe: !o.keepDuplicates,
      row: {
        ...(o.department !== undefined ? { department: o.department } : {}),
        ...(o.group !== undefined ? { group: o.group } : {}),
        defaultGroup: scorer.root.group,
        includeIncomplete: Boolean(o.includeIncomplete),
        allowUnknownDepartments: Boolean(o.allowUnknownDepartments),
        questionnaireFor: (d, g) => scorer.questionnaireFor(d, g),
        codes: scorer.codes,
      },
    },
  };
}

/** Large inputs get a progress bar (on a TTY only). */
const PROGRESS_MIN_BYTES = 16 << 20;

/**
 * Reads every export into the scorer. Prints detection, problems and the account to stderr,
 * writes `<out>/rejects.csv`, and returns what goes into assessment.json as `input`.
 * Under --strict any problem throws (exit 1) before anything is written.
 */
export async function importExports(
  exportsArg: readonly string[],
  o: ImportOptions,
  scorer: Scorer,
  ctx: CliContext,
): Promise<ImportAccount> {
  const setup = await prepareImport(exportsArg, o, scorer, ctx);
  const total = 2 * (await totalBytes(setup.files));
  const lang = messageLang(ctx.env);
  const rejects =
    o.out && o.out !== "-" && !o.strict && !o.check
      ? new RejectsWriter(join(o.out, o.rejectsName ?? "rejects.csv"))
      : undefined;
  const bar = ctx.stderrIsTTY && total >= 2 * PROGRESS_MIN_BYTES ? progressBar(ctx) : undefined;
  let result: Awaited<ReturnType<typeof importFiles>>;
  try {
    result = await importFiles(
      setup.files,
      fileExportReader(undefined, o.sheet),
      setup.catalog,
      setup.settings,
      {
        add: (r) => scorer.add(r),
        ...(rejects
          ? { reject: (c) => rejects.write(c), rejectHeader: (c) => rejects.write(c) }
          : {}),
        ...(bar ? { progress: bar.update } : {}),
        detected: (f) => {
          bar?.clear();
          ctx.stderr(`${f.file}: ${describeDetection(f, lang)}\n`);
        },
      },
      total,
    );
  } catch (e) {
    rejects?.discard();
    throw e;
  } finally {
    bar?.clear();
  }
  const { account, log } = result;
  const n = (k: number, de: string, en: string) => say(lang, de, en).replace("#", String(k));
  ctx.stderr(formatProblems(log.kept, ctx.colorErr, lang));
  for (const { code, more } of log.overflow())
    ctx.stderr(`${say(lang, `… und ${more} weitere`, `… and ${more} more`)} ${code}\n`);
  for (const f of account.files) {
    ctx.stderr(`${f.file}: ${accountLine(f, lang)}\n`);
    for (const [kind, c] of Object.entries(f.cells)) {
      if (c.count === 0) continue;
      const what =
        kind === "invalid"
          ? n(c.count, "# Zellen ungültig, nicht gewertet", "# cells invalid, not scored")
          : n(
              c.count,
              "# Zellen beantwortet, aber nicht gefragt, nicht gewertet",
              "# cells answered but not asked, not scored",
            );
      const eg = c.examples
        .map(
          (e) =>
            `${say(lang, "Zeile", "row")} ${e.row} ${say(lang, "Spalte", "column")} ${e.column} "${shown(lang, e.value)}"`,
        )
        .join("; ");
      const one = c.count === 1 ? what.replace("Zellen", "Zelle").replace("cells", "cell") : what;
      ctx.stderr(`  ${one}, ${say(lang, "z. B.", "e.g.")} ${eg}\n`);
    }
  }
  if (account.files.length > 1)
    ctx.stderr(`${say(lang, "gesamt", "total")}: ${accountLine(account.totals, lang)}\n`);
  const summary =
    log.total === 0
      ? say(lang, "keine Probleme", "no problems")
      : say(
          lang,
          `${log.total} Problem${log.total === 1 ? "" : "e"} (${log.errors} Fehler, ${log.warnings} Warnung${log.warnings === 1 ? "" : "en"})`,
          `${log.total} problem${log.total === 1 ? "" : "s"} (${log.errors} error${log.errors === 1 ? "" : "s"}, ${log.warnings} warning${log.warnings === 1 ? "" : "s"})`,
        );
  // A mapping that does not fit the exports (a heading it names is in no file, a role column
  // marked ignore) would score something else than meant: it stops the run like a mapping error.
  const misfit = ["unmatched-mapping-key", "ignored-role-column"].filter((c) => log.counts.has(c));
  if (misfit.length > 0) {
    rejects?.discard();
    throw new UserError(
      say(
        lang,
        `die Zuordnungsdatei ${o.mapping} passt nicht zu den Exporten (${misfit.join(", ")}); nichts geschrieben`,
        `the mapping file ${o.mapping} does not fit the exports (${misfit.join(", ")}); nothing written`,
      ),
      1,
    );
  }
  if (o.strict && log.total > 0) {
    throw new UserError(
      say(
        lang,
        `${summary} in den Exporten; --strict: nichts geschrieben`,
        `${summary} in the exports; --strict: nothing written`,
      ),
      1,
    );
  }
  ctx.stderr(`${summary}\n`);
  if (rejects) {
    const k = account.totals.rejected;
    if (rejects.commit())
      ctx.stderr(
        say(
          lang,
          `${rejects.path} geschrieben: ${k} abgewiesene Zeile${k === 1 ? "" : "n"}\n`,
          `wrote ${rejects.path}: ${k} rejected row${k === 1 ? "" : "s"}\n`,
        ),
      );
  } else if (account.totals.rejected > 0 && (!o.out || o.out === "-")) {
    ctx.stderr(
      say(
        lang,
        `${account.totals.rejected} abgewiesene Zeilen; mit --out stehen sie in rejects.csv\n`,
        `${account.totals.rejected} rejected rows; pass --out to get them in rejects.csv\n`,
      ),
    );
  }
  return account;
}

export function describeDetection(f: FileAccount, lang: MessageLang = "en"): string {
  return [
    ...(isWorkbook(f.file)
      ? [say(lang, "Excel-Arbeitsmappe", "Excel workbook")]
      : [
          `${say(lang, "Kodierung", "encoding")} ${f.encoding}${f.bom ? " (BOM)" : ""}`,
          `${say(lang, "Trennzeichen", "delimiter")} ${delimiterName(f.delimiter, lang)}`,
        ]),
    `preset ${f.preset}${f.presetDetected ? "" : say(lang, " (nicht erkannt)", " (not detected)")}`,
    identityRule(f.identity, lang),
  ].join(", ");
}

/** Which column makes rows one respondent: across files (token, e-mail) or only within the file. */
export function identityRule(identity: FileAccount["identity"], lang: MessageLang = "en"): string {
  if (identity.length === 0)
    return say(
      lang,
      "keine Kennung (jede Zeile ist eine eigene befragte Person)",
      "no respondent id (every row is its own respondent)",
    );
  const rule = (i: FileAccount["identity"][number]) =>
    `"${i.column}" ${i.acrossFiles ? say(lang, "über alle Dateien", "across files") : say(lang, "innerhalb der Datei", "within the file")}`;
  return say(
    lang,
    `Befragte nach ${identity.map(rule).join(", sonst ")}`,
    `respondents by ${identity.map(rule).join(", else ")}`,
  );
}

export function accountLine(
  a: { rows: number; scored: number; rejected: number; incomplete: number; duplicates: number },
  lang: MessageLang = "en",
): string {
  const dup =
    a.duplicates > 0
      ? say(
          lang,
          ` (${a.duplicates} Doppelte)`,
          ` (${a.duplicates} duplicate${a.duplicates === 1 ? "" : "s"})`,
        )
      : "";
  return say(
    lang,
    `${a.rows} Zeilen gelesen = ${a.scored} gewertet + ${a.rejected} abgewiesen${dup} + ${a.incomplete} unvollständig`,
    `${a.rows} rows read = ${a.scored} scored + ${a.rejected} rejected${dup} + ${a.incomplete} incomplete`,
  );
}

function progressBar(ctx: CliContext): {
  update: (done: number, total: number) => void;
  clear: () => void;
} {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = performance.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const share = total === 0 ? 1 : done / total;
      const width = 30;
      const full = Math.round(share * width);
      ctx.stderr(
        `\r[${"#".repeat(full)}${".".repeat(width - full)}] ${(share * 100).toFixed(0).padStart(3)}%`,
      );
      shown = true;
    },
    clear() {
      if (shown) ctx.stderr("\r\x1b[2K");
      shown = false;
    },
  };
}

/**
 * A data file without a heading row, as LimeSurvey's SPSS export writes it (a `.dat` beside its
 * `.sps` syntax file): comma-separated, the response id first, numbers bare, texts in single
 * quotes. Read as an export, its first response would be taken for the headings.
 */
export function looksHeaderless(head: Uint8Array): boolean {
  const line = Buffer.from(head)
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)[0]!;
  const cells = [...line.matchAll(/('(?:[^']|'')*'|"(?:[^"]|"")*"|[^,;\t]*)(?:[,;\t]|$)/g)];
  const values = cells.map((m) => m[1]!.trim()).slice(0, -1);
  return (
    values.length >= 4 &&
    /^'?\d+'?$/.test(values[0]!) &&
    values.some((v) => v.startsWith("'")) &&
    values.every((v) => v === "" || /^-?\d+(\.\d+)?$/.test(v) || /^(['"]).*\1$/.test(v))
  );
}
