// Duplicate respondent ids across a set of files, found without keeping the ids: the first pass
// stores one 53-bit hash per row (8 bytes; NaN for rows without an id), then a bit filter finds
// the few that may repeat, and a look at those whole tells which hashes occur more than once and
// where each occurs last. The scoring pass holds back a row whose hash repeats until the last
// occurrence arrives, then compares the real ids (so a hash collision never drops a row).
// Memory: 8 bytes per row, and 2 more per row for a moment while looking for repeats, plus the
// held rows.

/** Rows per chunk: the column grows by chunks, never copying (nor leaving garbage behind). */
const CHUNK = 1 << 16;

export class HashColumn {
  private chunks: Float64Array[] = [];
  /** The last chunk (the one `push` fills). */
  private current: Float64Array = new Float64Array(0);
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Truncates (a file read again from its start drops its rows). */
  set length(n: number) {
    this.size = Math.min(this.size, n);
    this.chunks.length = Math.ceil(this.size / CHUNK);
    this.current = this.chunks.at(-1) ?? new Float64Array(0);
  }

  push(h: number): void {
    const at = this.size & (CHUNK - 1);
    if (at === 0) {
      this.current = new Float64Array(CHUNK);
      this.chunks.push(this.current);
    }
    this.current[at] = h;
    this.size++;
  }

  /** Drops the hashes (when no respondent repeats, pass 2 does not need them). */
  release(): void {
    this.chunks = [];
    this.current = new Float64Array(0);
    this.size = 0;
  }

  /** The hashes as a list of arrays (views, not copies). */
  values(): Float64Array[] {
    return this.chunks.map((c, i) => c.subarray(0, Math.min(CHUNK, this.size - i * CHUNK)));
  }

  at(i: number): number {
    return this.chunks[Math.floor(i / CHUNK)]![i & (CHUNK - 1)]!;
  }

  /** Hash → global row index of its last occurrence, for hashes that occur more than once. */
  repeated(): Map<number, number> {
    return repeatedHashes(this.values());
  }
}

/**
 * Hashes that occur more than once in the parts (read as one column; NaN: no id), each with the
 * row index of its last occurrence (in the order of their first).
 *
 * A filter of 16 bits per row finds the candidates without sorting every hash: a hash's low bits
 * pick a bit, and a bit set twice marks its slot. Only the rows on marked slots (about one in
 * sixteen at most) are sorted whole to see which hashes really repeat. The filter is a quarter of
 * the hashes' size, and a freed scratch buffer stays in the process (glibc), so it is kept small.
 */
export function repeatedHashes(parts: readonly Float64Array[]): Map<number, number> {
  const rows = parts.reduce((n, p) => n + p.length, 0);
  let size = 1024;
  while (size < 16 * rows && size < 2 ** 31) size *= 2;
  const mask = size - 1;
  const filter = new Int32Array(size >>> 5);
  const again: number[] = [];
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      if (Number.isNaN(p[i]!)) continue;
      // x >>> 0 is x modulo 2³² for these integers, without a floating-point modulo.
      const slot = (p[i]! >>> 0) & mask;
      const bit = 1 << (slot & 31);
      if (filter[slot >>> 5]! & bit) again.push(slot);
      else filter[slot >>> 5]! |= bit;
    }
  }
  if (again.length === 0) return new Map(); // the usual case: nobody answered twice
  const marked = (h: number) => {
    const slot = (h >>> 0) & mask;
    return !Number.isNaN(h) && (filter[slot >>> 5]! & (1 << (slot & 31))) !== 0;
  };
  filter.fill(0);
  for (const slot of again) filter[slot >>> 5]! |= 1 << (slot & 31);
  const candidates: number[] = [];
  for (const p of parts)
    for (let i = 0; i < p.length; i++) if (marked(p[i]!)) candidates.push(p[i]!);
  const sorted = Float64Array.from(candidates).sort();
  const repeats = new Set<number>();
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeats.add(sorted[i]!);
  const last = new Map<number, number>();
  let row = 0;
  for (const p of parts)
    for (let i = 0; i < p.length; i++, row++)
      if (marked(p[i]!) && repeats.has(p[i]!)) last.set(p[i]!, row);
  return last;
}

/**
 * A hash moved into a file's own range, for ids that are unique only within one export: "1" in
 * two files is two respondents. Still 53 bits; a collision only costs a look at the real ids.
 */
export function scopedHash(h: number, scope: number): number {
  const lo = h % 0x200000;
  const hi = ((h - lo) / 0x200000) ^ Math.imul(scope + 1, 0x9e3779b1);
  return (hi >>> 0) * 0x200000 + lo;
}

/** 53-bit string hash (two 32-bit FNV-1a variants), exact as a double. */
export function hash53(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}
