// Reads a sheet of an Excel workbook (.xlsx, as Microsoft Forms and Google Forms download their
// responses) with exceljs' streaming reader, and hands it to the one decoder as CSV text: a
// workbook is imported exactly like the CSV Excel would save from it. Loaded only for a workbook.
import { Buffer } from "node:buffer";
import { UserError } from "./user-error.js";

export const isWorkbook = (name: string): boolean => /\.xlsx$/i.test(name);

/** A cell as text: numbers as JavaScript writes them, dates as `YYYY-MM-DD hh:mm:ss`. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace("T", " ");
  if (typeof v !== "object") return String(v);
  const o = v as {
    richText?: { text: string }[];
    text?: unknown;
    result?: unknown;
    error?: string;
  };
  if (o.richText) return o.richText.map((r) => r.text).join("");
  if (o.result !== undefined) return cellText(o.result);
  if (o.text !== undefined) return cellText(o.text);
  return o.error ?? "";
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The rows of one sheet (`sheet`: its name or 1-based number; default the first) as UTF-8 CSV,
 * every field quoted (but the empty ones padding a row to the header's width), "," between
 * fields. Empty rows inside the sheet stay empty rows.
 */
export async function workbookAsCsv(file: string, sheet?: string): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "emit",
  });
  const names: string[] = [];
  const lines: string[] = [];
  let found = false;
  try {
    for await (const ws of reader) {
      const w = ws as unknown as AsyncIterable<{ number: number; values: unknown[] }> & {
        name?: string;
      };
      names.push(w.name ?? String(names.length + 1));
      const wanted =
        sheet === undefined
          ? names.length === 1
          : sheet === w.name || sheet === String(names.length);
      if (!wanted || found) {
        for await (const _ of w); // a sheet not read is still streamed past
        continue;
      }
      found = true;
      // A sheet leaves a row's empty cells at its end out: each row gets the header's width, so
      // a row is not taken for one cut short (missing-fields).
      let width = 0;
      for await (const row of w) {
        while (lines.length < row.number - 1) lines.push("");
        const cells = row.values.slice(1).map((v) => quote(cellText(v)));
        if (width === 0) width = cells.length;
        while (cells.length < width) cells.push("");
        lines.push(cells.join(","));
      }
    }
  } catch (e) {
    const why = (e as Error).message;
    throw new UserError({
      de: `${file}: die Arbeitsmappe ist nicht lesbar (${why}); öffnen Sie sie in Excel und speichern Sie sie erneut als .xlsx oder als CSV UTF-8`,
      en: `${file}: cannot read the workbook (${why}); open it in Excel and save it again as .xlsx, or as CSV UTF-8`,
    });
  }
  // A zip that is no workbook (or one without sheets) is bad data, not a wrong --sheet.
  if (names.length === 0)
    throw new UserError({
      de: `${file}: keine Excel-Arbeitsmappe (keine Tabelle darin); exportieren Sie die Umfrage als .xlsx oder CSV`,
      en: `${file}: not an Excel workbook (no sheet in it); export the survey as .xlsx or CSV`,
    });
  if (!found)
    throw new UserError(
      {
        de: `${file}: die Arbeitsmappe hat keine Tabelle „${sheet}“ (Tabellen: ${names.join(", ")}); geben Sie mit --sheet eine davon an`,
        en: `${file}: the workbook has no sheet "${sheet}" (sheets: ${names.join(", ")}); pass --sheet with one of them`,
      },
      2,
    );
  return Buffer.from(lines.map((l) => `${l}\r\n`).join(""), "utf8");
}
