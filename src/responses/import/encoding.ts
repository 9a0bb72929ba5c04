// Character encodings of survey exports: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
// Windows-1252 (German Excel) when the bytes are not valid UTF-8. Pure: bytes in, text out.

export type EncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export const ENCODINGS: readonly EncodingName[] = ["utf-8", "utf-16le", "utf-16be", "windows-1252"];

export interface EncodingGuess {
  readonly encoding: EncodingName;
  /** Bytes of byte-order mark at the start of the file (skipped by the decoder). */
  readonly bom: number;
}

/** Accepts the usual spellings: utf8, UTF-16, cp1252, latin1 (treated as Windows-1252). */
export function parseEncodingName(s: string): EncodingName | undefined {
  const k = s.toLowerCase().replace(/[\s_]/g, "");
  if (k === "utf8" || k === "utf-8") return "utf-8";
  if (k === "utf16le" || k === "utf-16le" || k === "utf16" || k === "utf-16" || k === "ucs2")
    return "utf-16le";
  if (k === "utf16be" || k === "utf-16be") return "utf-16be";
  if (
    ["windows1252", "windows-1252", "cp1252", "latin1", "iso-8859-1", "iso8859-1", "ansi"].includes(
      k,
    )
  ) {
    return "windows-1252";
  }
  return undefined;
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

/** A streaming decoder; `fatal` makes invalid UTF-8 throw (used to switch to Windows-1252). */
export interface ChunkDecoder {
  decode(chunk: Uint8Array, final: boolean): string;
}

export function createDecoder(encoding: EncodingName, fatal = false): ChunkDecoder {
  const d = new TextDecoder(encoding, { fatal, ignoreBOM: true });
  return {
    decode: (chunk, final) => d.decode(chunk, { stream: !final }),
  };
}

/** The error a fatal TextDecoder throws on bytes that are not valid in its encoding. */
export function isInvalidEncodingError(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "ERR_ENCODING_INVALID_ENCODED_DATA";
}
