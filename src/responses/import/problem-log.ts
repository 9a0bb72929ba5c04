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
