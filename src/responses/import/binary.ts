// Recognises files that are not text exports (Excel workbooks, PDFs, other binaries) from their
// first bytes, so the user gets "save it as CSV" (not-a-text-export, src/messages/import.ts)
// instead of a run that scores nothing.

export type BinaryKind = "xlsx" | "xls" | "pdf" | "binary";

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** `utf16`: the user declared UTF-16 (--encoding), so NUL bytes are text even without a BOM. */
export function binaryKind(head: Uint8Array, utf16 = false): BinaryKind | undefined {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "xlsx"; // ZIP: .xlsx, .ods
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "xls"; // OLE2
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  // UTF-16 text has NUL bytes too, but starts with a byte-order mark.
  const bom = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (!utf16 && !bom && head.includes(0)) return "binary";
  return undefined;
}

/**
 * Where a text file's stray NUL byte is (line, byte column), so it can be found; 1:1 for a file
 * that is binary before it too (control bytes other than tab, CR and LF).
 */
export function nulPlace(head: Uint8Array): { line: number; column: number } {
  const i = head.indexOf(0);
  let line = 1;
  let start = 0;
  for (let k = 0; k < i; k++) {
    const b = head[k]!;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) return { line: 1, column: 1 };
    if (b === 10) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: i - start + 1 };
}
