// Duplicate respondent ids across a set of files, found without keeping the ids: the first pass
// stores one 53-bit hash per row (8 bytes; NaN for rows without an id), then a sorted copy of
// their low halves finds the few that repeat, and a look at those whole tells which hashes occur
// more than once and where each occurs last. The scoring pass holds back a row whose hash
// repeats until the last occurrence arrives, then compares the real ids (so a hash collision
// never drops a row). Memory: 8 bytes per row, and 4 more per row for a moment while looking for
// repeats, plus the held rows.

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
 * row index of its last occurrence.
 */
export function repeatedHashes(parts: readonly Float64Array[]): Map<number, number> {
  // A sorted copy of each hash's low 32 bits puts equal hashes side by side in half the memory of
  // the hashes (a native sort in place: a radix sort was faster but needed as much again, and a
  // freed buffer stays in the process's memory; NaN becomes 0, which the exact look below skips).
  // The few low halves that repeat are then looked at whole.
  const lows = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  // x >>> 0 is x modulo 2³² for these integers (and 0 for NaN), without a floating-point modulo.
  for (const p of parts) for (let i = 0; i < p.length; i++) lows[at++] = p[i]! >>> 0;
  lows.sort();
  const candidates = new Set<number>();
  for (let i = 1; i < lows.length; i++) if (lows[i] === lows[i - 1]) candidates.add(lows[i]!);
  if (candidates.size === 0) return new Map(); // the usual case: nobody answered twice
  const seen = new Map<number, { count: number; last: number }>();
  let row = 0;
  for (const data of parts) {
    for (let i = 0; i < data.length; i++, row++) {
      const h = data[i]!;
      if (Number.isNaN(h) || !candidates.has(h >>> 0)) continue;
      const s = seen.get(h);
      if (s) {
        s.count++;
        s.last = row;
      } else seen.set(h, { count: 1, last: row });
    }
  }
  const last = new Map<number, number>();
  for (const [h, s] of seen) if (s.count > 1) last.set(h, s.last);
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
