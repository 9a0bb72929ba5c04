// The shared output step of `score`, `report` and `compare`: write rendered files atomically, or
// with --check compare them byte for byte with what is in the folder and list what would change.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Command, Option } from "commander";
import { checkOutFolder, writeFileAtomic } from "../io/files.js";
import { UserError } from "../io/user-error.js";
import { published } from "../report/json.js";
import { ALL_FORMATS, parseFormats, renderReportFiles } from "../report/render.js";
import type { Assessment } from "../scoring/assessment.js";
import type { CliContext } from "./context.js";
import { messageLang, say } from "./locale.js";

export interface WriteOptions {
  readonly out: string;
  readonly check: boolean;
}

export type FileState = "current" | "changed" | "missing";

/** A file to write: rendered text, or bytes (report.pdf). */
export interface OutputFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** What --check finds for each file (reads only). */
export async function checkFiles(
  files: readonly OutputFile[],
  out: string,
): Promise<{ file: string; state: FileState }[]> {
  return Promise.all(
    files.map(async (f) => {
      const path = join(out, f.name);
      let existing: Buffer;
      try {
        existing = await readFile(path);
      } catch {
        return { file: path, state: "missing" as const };
      }
      return {
        file: path,
        state: existing.equals(
          typeof f.content === "string" ? Buffer.from(f.content, "utf8") : Buffer.from(f.content),
        )
          ? ("current" as const)
          : ("changed" as const),
      };
    }),
  );
}

/** Writes every file (each atomically) or checks them; returns the exit code. */
export async function writeReports(
  ctx: CliContext,
  files: readonly OutputFile[],
  o: WriteOptions,
): Promise<number> {
  const lang = messageLang(ctx.env);
  checkOutFolder(o.out, o.check);
  if (o.check) {
    const results = await checkFiles(files, o.out);
    const stale = results.filter((r) => r.state !== "current");
    for (const r of stale)
      ctx.stderr(
        `${r.file}: ${r.state === "missing" ? say(lang, "fehlt", "missing") : say(lang, "würde sich ändern", "would change")}\n`,
      );
    if (stale.length > 0) {
      ctx.stderr(
        `${ctx.colorErr.red(say(lang, "Fehler", "error"))}: ${say(
          lang,
          `${stale.length} von ${results.length} Berichtsdatei(en) veraltet; erzeugen Sie sie ohne --check neu`,
          `${stale.length} of ${results.length} report file(s) are stale; regenerate them without --check`,
        )}\n`,
      );
      return 1;
    }
    ctx.stderr(
      say(
        lang,
        `${results.length} Berichtsdatei(en) in ${o.out} sind aktuell\n`,
        `${results.length} report file(s) in ${o.out} are current\n`,
      ),
    );
    return 0;
  }
  for (const f of files) await writeFileAtomic(join(o.out, f.name), f.content);
  const written = files.map((f) => join(o.out, f.name)).join(", ");
  ctx.stderr(say(lang, `geschrieben: ${written}\n`, `wrote ${written}\n`));
  return 0;
}

export interface ReportFlags {
  out?: string;
  format: string;
  lang: "de" | "en";
  excel?: boolean;
  check?: boolean;
  /** --include-free-text: free-text answers in report.md, report.html and assessment.json. */
  includeFreeText?: boolean;
}

/** Adds --out, --format, --lang, --excel, --include-free-text and --check (score, report). */
export function addReportOptions(
  cmd: Command,
  outHelp = "folder for assessment.json and the reports",
): Command {
  return cmd
    .option("-o, --out <dir>", outHelp)
    .option(
      "--format <list>",
      `formats, comma-separated: ${ALL_FORMATS.join(",")} (all: every one but pdf, which needs Chromium)`,
      ALL_FORMATS.filter((f) => f !== "pdf").join(","),
    )
    .addOption(new Option("--lang <lang>", "report language").choices(["de", "en"]).default("de"))
    .option("--excel", "CSV for German Excel: UTF-8 BOM, ';' and decimal comma")
    .option(
      "--include-free-text",
      "show free-text answers (units of at least k respondents) in report.md, report.html and assessment.json; without it they never appear",
    )
    .option(
      "--check",
      "write nothing; exit 1 listing every file in --out that would change (for CI)",
    );
}

/** Parses --format against the allowed names; unknown names are a usage error. */
export function formatsOf(list: string, allowed: readonly string[] = ALL_FORMATS): string[] {
  const { formats, unknown } = parseFormats(list, allowed);
  if (unknown.length > 0 || formats.length === 0)
    throw new UserError(
      {
        de: `--format: unbekanntes Format „${unknown.join(",") || list}“ (möglich: ${allowed.join(", ")})`,
        en: `--format: unknown format "${unknown.join(",") || list}" (choose from ${allowed.join(", ")})`,
      },
      2,
    );
  return formats;
}

/**
 * The formats, after checking that the output flags can write something: usage errors (exit 2)
 * before any work, so a long scoring run never ends in one.
 */
export function checkOutputFlags(flags: ReportFlags): string[] {
  const formats = formatsOf(flags.format);
  if (flags.check && !flags.out)
    throw new UserError(
      {
        de: "--check braucht --out <ordner> (den Ordner mit den committeten Berichten)",
        en: "--check needs --out <dir> (the folder with the committed reports)",
      },
      2,
    );
  const toFiles = formats.filter((f) => f !== "terminal");
  // Asked for files but given nowhere to put them: nothing would be written.
  if (!flags.out && !formats.includes("terminal"))
    throw new UserError(
      {
        de: `--format ${toFiles.join(",")} schreibt Dateien: geben Sie --out <ordner> an, oder --out - für eine Datei auf stdout`,
        en: `--format ${toFiles.join(",")} writes files: pass --out <dir>, or --out - for one file on stdout`,
      },
      2,
    );
  if (
    flags.out === "-" &&
    (flags.check ||
      formats.includes("terminal") ||
      toFiles.length !== 1 ||
      toFiles[0] === "csv" ||
      toFiles[0] === "pdf")
  )
    throw new UserError(
      {
        de: "--out - schreibt eine Datei auf stdout: geben Sie nur --format json, md oder html an (csv schreibt drei Dateien, pdf ist binär; --check braucht einen Ordner)",
        en: "--out - writes one file to stdout: pass --format json, md or html alone (csv writes three files, pdf is binary; --check needs a folder)",
      },
      2,
    );
  return formats;
}

/** `--out -`: the one file of one format (json, md or html) to stdout, for pipes. */
async function emitToStdout(
  ctx: CliContext,
  assessment: Assessment,
  toFiles: readonly string[],
  flags: ReportFlags,
): Promise<number> {
  const files = await renderReportFiles(assessment, toFiles, {
    lang: flags.lang,
    excel: flags.excel ?? false,
    includeFreeText: flags.includeFreeText ?? false,
  });
  for (const f of files) ctx.stdout(f.content);
  return 0;
}

/**
 * The output step shared by `score` and `report`: prints the terminal summary, renders every
 * file format to strings first, then writes them atomically (or checks them). Returns the exit code.
 */
export async function emitReports(
  ctx: CliContext,
  scored: Assessment,
  flags: ReportFlags,
): Promise<number> {
  // What assessment.json holds, numbers as written: the one source of every format.
  const assessment = published(scored);
  const formats = checkOutputFlags(flags);
  const toFiles = formats.filter((f) => f !== "terminal");
  if (flags.out === "-") return emitToStdout(ctx, assessment, toFiles, flags);
  const options = {
    lang: flags.lang,
    excel: flags.excel ?? false,
    includeFreeText: flags.includeFreeText ?? false,
  };
  const files: OutputFile[] = flags.out
    ? await renderReportFiles(assessment, formats, options)
    : [];
  if (flags.out && formats.includes("pdf"))
    files.push(await pdfFile(ctx, assessment, files, options));
  if (formats.includes("terminal") && !flags.check) {
    // Imported only when asked for, like the file renderers (see renderReportFiles).
    const { renderTerminal } = await import("../report/terminal.js");
    ctx.stdout(
      renderTerminal(assessment, { lang: flags.lang, color: ctx.color, width: terminalWidth(ctx) }),
    );
  }
  if (!flags.out) return 0;
  return writeReports(ctx, files, { out: flags.out, check: flags.check ?? false });
}

/** report.pdf: report.html (rendered here when html is not among the formats) printed to A4. */
async function pdfFile(
  ctx: CliContext,
  assessment: Assessment,
  files: readonly OutputFile[],
  options: { lang: "de" | "en"; includeFreeText: boolean },
): Promise<OutputFile> {
  const rendered = files.find((f) => f.name === "report.html")?.content;
  const html =
    typeof rendered === "string"
      ? rendered
      : (await import("../report/html.js")).renderHtml(assessment, options);
  const { printPdf } = await import("./print-pdf.js");
  return { name: "report.pdf", content: await printPdf(ctx, html, assessment.date) };
}

/**
 * Columns the terminal summary may fill: the terminal's own width on a TTY, else $COLUMNS when
 * set (as `ls` does), else 80.
 */
export function terminalWidth(ctx: CliContext): number {
  const tty = ctx.stdoutIsTTY ? process.stdout.columns : undefined;
  if (tty && tty > 0) return tty;
  const env = Number(ctx.env.COLUMNS);
  return Number.isInteger(env) && env > 0 ? env : 80;
}
