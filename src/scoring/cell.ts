// Running state of one cell (questionnaire × department × respondent group). Its size depends on
// the questionnaire, not on the number of respondents; larger units are merges of cells.
import { ReliabilityAcc } from "./reliability.js";
import type { DimensionScore, ItemState } from "./respondent.js";
import { addTo, type Histogram, mergeInto } from "./stats.js";

export class DimAcc {
  readonly hist: Histogram = new Map();
  /** Applicable and answered item counts over every respondent (for coverage). */
  applicable = 0;
  answered = 0;

  merge(o: DimAcc): void {
    mergeInto(this.hist, o.hist);
    this.applicable += o.applicable;
    this.answered += o.answered;
  }
}

export class ItemAcc {
  n = 0;
  /** Item scores 0–100 → count; exact and order-independent means. */
  readonly scores: Histogram = new Map();
  dontKnow = 0;
  notApplicable = 0;
  blank = 0;
  skipped = 0;
  invalid = 0;
  readonly counts = new Map<string, number>();

  merge(o: ItemAcc): void {
    this.n += o.n;
    mergeInto(this.scores, o.scores);
    this.dontKnow += o.dontKnow;
    this.notApplicable += o.notApplicable;
    this.blank += o.blank;
    this.skipped += o.skipped;
    this.invalid += o.invalid;
    for (const [c, k] of o.counts) this.counts.set(c, (this.counts.get(c) ?? 0) + k);
  }
}

export class Cell {
  respondents = 0;
  readonly dims = new Map<string, DimAcc>();
  /** Respondent overall scores over the cell questionnaire's dimensions. */
  readonly overall: Histogram = new Map();
  /** Respondent overall scores over the root questionnaire's dimensions (administration view). */
  readonly rootOverall: Histogram = new Map();
  readonly items = new Map<string, ItemAcc>();
  readonly reliability = new Map<string, ReliabilityAcc>();

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

  addDimension(id: string, d: DimensionScore): void {
    const acc = this.dim(id);
    acc.applicable += d.applicable;
    acc.answered += d.answered;
    if (d.score !== undefined) addTo(acc.hist, d.score);
  }

  addItem(id: string, state: ItemState, codes: readonly string[]): void {
    const acc = this.item(id);
    switch (state.kind) {
      case "score":
        acc.n++;
        addTo(acc.scores, state.score);
        break;
      case "dont_know":
        acc.dontKnow++;
        break;
      case "not_applicable":
        acc.notApplicable++;
        break;
      case "blank":
        acc.blank++;
        break;
      case "skipped":
        acc.skipped++;
        return;
      case "invalid":
        acc.invalid++;
        return;
    }
    for (const c of codes) acc.counts.set(c, (acc.counts.get(c) ?? 0) + 1);
  }

  merge(o: Cell): void {
    this.respondents += o.respondents;
    for (const [id, d] of o.dims) this.dim(id).merge(d);
    mergeInto(this.overall, o.overall);
    mergeInto(this.rootOverall, o.rootOverall);
    for (const [id, a] of o.items) this.item(id).merge(a);
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

export function mergeCells(cells: readonly Cell[]): Cell {
  const out = new Cell();
  for (const c of cells) out.merge(c);
  return out;
}
