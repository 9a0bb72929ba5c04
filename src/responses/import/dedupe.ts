// Duplicate respondent ids across a set of files, found without keeping the ids: the first pass
// stores one 53-bit hash per row (8 bytes; NaN for rows without an id), then a hash set finds the
// hashes that occur more than once and a second look where each occurs last. The scoring pass
// holds back a row whose hash repeats until the last occurrence arrives, then compares the real
// ids (so a hash collision never drops a row). Memory: 8 bytes per row, and 8 more per row for
// a moment while looking for repeats, plus the held rows.

export class HashColumn {
  private data = new Float64Array(1 << 16);
  length = 0;

  push(h: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = h;
  }

  /** Drops the hashes (when no respondent repeats, pass 2 does not need them). */
  release(): void {
    this.data = new Float64Array(0);
    this.length = 0;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  /** Hash → global row index of its last occurrence, for hashes that occur more than once. */
  repeated(): Map<number, number> {
    // An open-addressing set (twice as many slots as rows) of row numbers + 1, 0 = free: half
    // the memory of a set of the hashes themselves, which counts while a second thread starts.
    let cap = 1024;
    while (cap < 2 * this.length) cap *= 2;
    const shift = 32 - Math.log2(cap);
    const mask = cap - 1;
    const table = new Int32Array(cap);
    const dup = new Set<number>();
    const data = this.data;
    for (let i = 0; i < this.length; i++) {
      const h = data[i]!;
      if (Number.isNaN(h)) continue;
      const hi = Math.floor(h / 0x100000000);
      let at = Math.imul((h >>> 0) ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> shift;
      for (;;) {
        const t = table[at]!;
        if (t === 0) {
          table[at] = i + 1;
          break;
        }
        if (data[t - 1] === h) {
          dup.add(h);
          break;
        }
        at = (at + 1) & mask;
      }
    }
    const last = new Map<number, number>();
    if (dup.size === 0) return last;
    for (let i = 0; i < this.length; i++) {
      const h = data[i]!;
      if (dup.has(h)) last.set(h, i);
    }
    return last;
  }
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
