// CSV dialect helpers: delimiter names and detection. The record splitter is in split.ts.

export type Delimiter = "," | ";" | "\t";
export const DELIMITERS: readonly Delimiter[] = [",", ";", "\t"];

/** The delimiter's name as `--delimiter` takes it, or in German for a German reader. */
export function delimiterName(d: Delimiter, lang: "de" | "en" = "en"): string {
  if (lang === "de") return d === "\t" ? "Tabulator" : d === ";" ? "Semikolon" : "Komma";
  return d === "\t" ? "tab" : d === ";" ? "semicolon" : "comma";
}

/** "," ";" "tab" "\t" "comma" "semicolon" → the delimiter. */
export function parseDelimiter(s: string): Delimiter | undefined {
  const k = s.toLowerCase();
  if (k === "," || k === "comma") return ",";
  if (k === ";" || k === "semicolon") return ";";
  if (k === "\t" || k === "\\t" || k === "tab") return "\t";
  return undefined;
}

/**
 * The delimiter that splits the first lines most consistently: the most frequent candidate outside
 * quotes in the header, preferring one whose count repeats in the following lines.
 */
export function detectDelimiter(sample: string): Delimiter {
  const lines = firstLines(sample, 10);
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const head = counts[0] ?? 0;
    if (head === 0) continue;
    const consistent = counts.slice(1).filter((c) => c === head).length;
    const score = head * 10 + consistent * 1000;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function firstLines(sample: string, n: number): string[] {
  // Logical lines: a newline inside quotes does not end the line.
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < sample.length && out.length < n; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted) {
      const line = sample.slice(start, i);
      if (line.trim() !== "") out.push(line);
      start = i + 1;
    }
  }
  if (out.length < n && start < sample.length) out.push(sample.slice(start));
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
}
