// A respondent's answers as a read-only Map over one array of values and a key → slot index
// shared by every row of a file: no per-row Map to build, lookups are one shared-Map hit.

export class RowAnswers implements ReadonlyMap<string, string> {
  constructor(
    readonly index: ReadonlyMap<string, number>,
    readonly cells: readonly (string | undefined)[],
  ) {}

  get(key: string): string | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.cells[i];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (const v of this.cells) if (v !== undefined) n++;
    return n;
  }

  *entries(): MapIterator<[string, string]> {
    for (const [k, i] of this.index) {
      const v = this.cells[i];
      if (v !== undefined) yield [k, v];
    }
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<string> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(fn: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}
