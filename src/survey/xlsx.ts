// Writes an XLSForm's sheets to an .xlsx workbook (exceljs), byte for byte the same for the same
// form: the workbook's created/modified dates are fixed, and the zip entries' modification times
// (JSZip, inside exceljs, stamps the current time) are set to that date afterwards.
import ExcelJS from "exceljs";
import type { Sheet } from "./xlsform.js";

/** The date every generated workbook carries (its content alone decides its bytes). */
export const FIXED_DATE = new Date(Date.UTC(2020, 0, 1, 0, 0, 0));

export async function xlsxWorkbook(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "reifegrad";
  wb.lastModifiedBy = "reifegrad";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow([...s.header]);
    for (const r of s.rows) ws.addRow([...r]);
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: "frozen", ySplit: 1 }];
  }
  const buf = new Uint8Array(await wb.xlsx.writeBuffer());
  return fixZipTimes(buf, FIXED_DATE);
}

/**
 * Sets the DOS modification time and date of every entry of a zip archive (local file headers
 * and central directory) to `date` (UTC, as JSZip writes them). Found through the end of central
 * directory record; CRCs and sizes are untouched.
 */
export function fixZipTimes(zip: Uint8Array, date: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const time =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day =
    ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip archive: no end of central directory");
  const entries = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error("zip central directory is corrupt");
    v.setUint16(p + 12, time, true);
    v.setUint16(p + 14, day, true);
    const local = v.getUint32(p + 42, true);
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error("zip local header is corrupt");
    v.setUint16(local + 10, time, true);
    v.setUint16(local + 12, day, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}
