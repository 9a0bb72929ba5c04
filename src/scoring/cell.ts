// Running state of one cell (questionnaire × department × respondent group). Its size depends on
// the questionnaire, not on the number of respondents; larger units are merges of cells.

import { ReliabilityAcc } from "./reliability.js";
import type { ItemState } from "./respondent.js";
import { Histogram } from "./stats.js";

export class DimAcc {
  readonly hist = new Histogram();
  /** Applicable and answered item counts over every respondent (for coverage). */
  applicable = 0;
  answered = 0;

  merge(o: DimAcc): void {
    this.hist.merge(o.hist);
    this.applicable += o.applicable;
    this.answered += o.answered;
  }
}

/** Respondents of an item by kind of answer. */
type Kinds = Pick<ItemAcc, "n" | "dontKnow" | "notApplicable" | "blank" | "skipped" | "invalid">;

export class ItemAcc {
  n = 0;
  /** Item scores 0–100 → count; exact and order-independent means. */
  readonly scores = new Histogram();
  dontKnow = 0;
  notApplicable = 0;
  blank = 0;
  skipped = 0;
  invalid = 0;
  readonly counts = new Map<string, number>();
  /** A composite item (grid, multi, number) answered: its score and codes come with it. */
  addComposite(state: ItemState, codes: readonly string[]): void {
    if (state.kind === "score") this.scores.addKey(state.num, state.den);
    for (const c of codes) this.counts.set(c, (this.counts.get(c) ?? 0) + 1);
  }

  /**
   * Tallies kept in typed arrays on the per-row path: the counts per kind, and per option o its
   * count and exact score num / den (den 0: none) at `base + o` of `counts`, `nums`, `dens`
   * (no options: a composite item, whose scores and codes come through addComposite).
   */
  addTallies(
    t: Kinds,
    codes: readonly string[],
    counts: Float64Array,
    nums: Float64Array,
    dens: Float64Array,
    base: number,
  ): void {
    this.addKinds(t);
    // Indexed loops and forEach, not destructuring for-of, in the once-per-run merges of this
    // file: see Histogram.merge.
    for (let o = 0; o < codes.length; o++) {
      const count = counts[base + o]!;
      if (count === 0) continue;
      const code = codes[o]!;
      this.counts.set(code, (this.counts.get(code) ?? 0) + count);
      const den = dens[base + o]!;
      if (den > 0) this.scores.addKey(nums[base + o]!, den, count);
    }
  }

  private addKinds(t: Kinds): void {
    this.n += t.n;
    this.dontKnow += t.dontKnow;
    this.notApplicable += t.notApplicable;
    this.blank += t.blank;
    this.skipped += t.skipped;
    this.invalid += t.invalid;
  }

  merge(o: ItemAcc): void {
    this.addKinds(o);
    this.scores.merge(o.scores);
    o.counts.forEach((k, c) => {
      this.counts.set(c, (this.counts.get(c) ?? 0) + k);
    });
  }
}

export class Cell {
  respondents = 0;
  readonly dims = new Map<string, DimAcc>();
  /** Respondent overall scores over the cell questionnaire's dimensions. */
  readonly overall = new Histogram();
  /** Respondent overall scores over the root questionnaire's dimensions (administration view). */
  readonly rootOverall = new Histogram();
  readonly items = new Map<string, ItemAcc>();
  readonly reliability = new Map<string, ReliabilityAcc>();
  /** Free-text answers by item id (only collected when asked for). */
  readonly freeText = new Map<string, string[]>();

  dim(id: string): DimAcc {
    let d = this.dims.get(id);
    if (!d) {
      d = new DimAcc();
      this.dims.set(id, d);
    }
    return d;
  }

  item(id: string): ItemAcc {
    let a = this.items.get(id);
    if (!a) {
      a = new ItemAcc();
      this.items.set(id, a);
    }
    return a;
  }

  /**
   * Adds another cell. With `detail` false only what a unit's summary reads (respondents,
   * dimension and overall histograms), not items, reliability and free text.
   */
  merge(o: Cell, detail = true): void {
    this.respondents += o.respondents;
    o.dims.forEach((d, id) => {
      this.dim(id).merge(d);
    });
    this.overall.merge(o.overall);
    this.rootOverall.merge(o.rootOverall);
    if (!detail) return;
    o.items.forEach((a, id) => {
      this.item(id).merge(a);
    });
    for (const [id, texts] of o.freeText)
      this.freeText.set(id, [...(this.freeText.get(id) ?? []), ...texts]);
    for (const [id, r] of o.reliability) {
      const mine = this.reliability.get(id);
      if (mine && mine.itemIds.join() === r.itemIds.join()) mine.merge(r);
      else if (!mine) {
        const copy = new ReliabilityAcc(r.itemIds);
        copy.merge(r);
        this.reliability.set(id, copy);
      }
    }
  }
}

/**
 * The cells merged into a new one (only their summary without `detail`, see Cell.merge). A single
 * cell comes back as it is: merging it into an empty cell would copy it exactly, and merged cells
 * are only read (when building the assessment).
 */
export function mergeCells(cells: readonly Cell[], detail = true): Cell {
  if (cells.length === 1) return cells[0]!;
  const out = new Cell();
  for (const c of cells) out.merge(c, detail);
  return out;
}
