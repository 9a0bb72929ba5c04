// Recognises files that are not text exports (Excel workbooks, PDFs, other binaries) from their
// first bytes, so the user gets "save it as CSV" instead of a run that scores nothing.

export type BinaryKind = "xlsx" | "xls" | "pdf" | "binary";

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

export function binaryKind(head: Uint8Array): BinaryKind | undefined {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "xlsx"; // ZIP: .xlsx, .ods
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "xls"; // OLE2
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  // UTF-16 text has NUL bytes too, but starts with a byte-order mark.
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (!utf16 && head.includes(0)) return "binary";
  return undefined;
}

export function binaryHint(kind: BinaryKind): string {
  switch (kind) {
    case "xlsx":
    case "xls":
      return "it is an old-style or unnamed spreadsheet workbook: save it in Excel as .xlsx (read directly) or use File › Save As › CSV UTF-8";
    case "pdf":
      return "it is a PDF document, not a CSV export: download the survey results as CSV";
    case "binary":
      return "it is not a text file: export the survey results as CSV or TSV";
  }
}
