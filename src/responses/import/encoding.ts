// Character encodings of survey exports: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
// Windows-1252 (German Excel) when the bytes are not valid UTF-8. Pure: bytes in, text out.

export type EncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface EncodingGuess {
  readonly encoding: EncodingName;
  /** Bytes of byte-order mark at the start of the file (skipped by the decoder). */
  readonly bom: number;
}

/** Spellings (lower case, without spaces, "_" and "-"); latin1 is read as Windows-1252. */
const SPELLINGS: Readonly<Record<string, EncodingName>> = {
  utf8: "utf-8",
  utf16le: "utf-16le",
  utf16: "utf-16le",
  ucs2: "utf-16le",
  utf16be: "utf-16be",
  windows1252: "windows-1252",
  cp1252: "windows-1252",
  latin1: "windows-1252",
  iso88591: "windows-1252",
  ansi: "windows-1252",
};

/** Accepts the usual spellings: utf8, UTF-16, cp1252, latin1, ISO-8859-1. */
export function parseEncodingName(s: string): EncodingName | undefined {
  const k = s.toLowerCase().replace(/[\s_-]/g, "");
  return Object.hasOwn(SPELLINGS, k) ? SPELLINGS[k] : undefined;
}

/** The BOM decides; without one, UTF-8 if the sample is valid UTF-8 (a cut-off last character is fine). */
export function guessEncoding(head: Uint8Array): EncodingGuess {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  return { encoding: isValidUtf8Prefix(head) ? "utf-8" : "windows-1252", bom: 0 };
}

/** BOM length of a forced encoding at the start of the file (0 when absent). */
export function bomLength(head: Uint8Array, encoding: EncodingName): number {
  const g = guessEncoding(head);
  return g.encoding === encoding ? g.bom : 0;
}

export function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** A streaming decoder that leaves a byte-order mark in (the reader skips it itself). */
export function createDecoder(encoding: EncodingName) {
  return new TextDecoder(encoding, { ignoreBOM: true });
}

/** The error a fatal TextDecoder throws on bytes that are not valid in its encoding. */
export function isInvalidEncodingError(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "ERR_ENCODING_INVALID_ENCODED_DATA";
}
