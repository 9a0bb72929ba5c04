// Collects import problems: every one is counted, the first few per code are kept for printing,
// so a million bad cells cost a counter, not a million messages.
import type { Problem } from "../../problem.js";

export const PRINT_CAP_PER_CODE = 20;

export class ProblemLog {
  /** Problems per code (all of them). */
  readonly counts = new Map<string, number>();
  /** The first `cap` problems of each code. */
  readonly kept: Problem[] = [];
  errors = 0;
  warnings = 0;

  constructor(readonly cap = PRINT_CAP_PER_CODE) {}

  add(p: Problem): void {
    const n = (this.counts.get(p.code) ?? 0) + 1;
    this.counts.set(p.code, n);
    if (p.severity === "error") this.errors++;
    else this.warnings++;
    if (n <= this.cap) this.kept.push(p);
  }

  /** Adds another log's problems after this one's (e.g. of a file's second half). */
  absorb(other: {
    readonly kept: readonly Problem[];
    readonly counts: ReadonlyMap<string, number>;
    readonly errors: number;
    readonly warnings: number;
  }): void {
    const keptPerCode = new Map<string, number>();
    let keptErrors = 0;
    for (const p of other.kept) {
      this.add(p);
      keptPerCode.set(p.code, (keptPerCode.get(p.code) ?? 0) + 1);
      if (p.severity === "error") keptErrors++;
    }
    // The ones the other log only counted.
    for (const [code, n] of other.counts) {
      const more = n - (keptPerCode.get(code) ?? 0);
      if (more > 0) this.counts.set(code, (this.counts.get(code) ?? 0) + more);
    }
    this.errors += other.errors - keptErrors;
    this.warnings += other.warnings - (other.kept.length - keptErrors);
  }

  get total(): number {
    return this.errors + this.warnings;
  }

  /** Codes with more problems than were kept, and how many were left out. */
  overflow(): { code: string; more: number }[] {
    return [...this.counts]
      .filter(([, n]) => n > this.cap)
      .map(([code, n]) => ({ code, more: n - this.cap }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}
