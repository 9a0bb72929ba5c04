// Text normalisation for matching headers, labels and department names: NFC, case-folded,
// whitespace collapsed, trailing punctuation (":" "?" "*" "." "!") stripped.

const TRAILING = /[\s:?*.!]+$/u;
const SPACES = /\s+/gu;

export function normalizeKey(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(SPACES, " ").trim().replace(TRAILING, "");
}

/** An id-like slug for an unknown department name: "Amt 33" → "amt-33", "Bürgeramt" → "buergeramt". */
export function slug(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Looks like an id (e.g. "rpa", "bau_amt"): lower-case letters, digits, "_" and "-". */
export function isIdLike(s: string): boolean {
  return /^[a-z][a-z0-9_-]*$/.test(s);
}

/** `Title [Row]` or `Q1[SQ001]` → { base, sub }; undefined when the header has no trailing bracket. */
export function splitBracket(header: string): { base: string; sub: string } | undefined {
  const h = header.trimEnd();
  if (!h.endsWith("]")) return undefined;
  const open = h.lastIndexOf("[");
  if (open <= 0) return undefined;
  return { base: h.slice(0, open).trimEnd(), sub: h.slice(open + 1, -1).trim() };
}
