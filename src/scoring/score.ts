// Streaming scorer: add respondents one at a time, then finish() builds the Assessment.
import type { Condition, Questionnaire } from "../questionnaire/model.js";
import { findRoot, isExternal } from "../questionnaire/root.js";
import { AnswerCodes } from "../responses/answer-codes.js";
import type { ResponseRecord } from "../responses/model.js";
import { compareStrings } from "../util/order.js";
import type { Assessment, Settings } from "./assessment.js";
import { buildAssessment } from "./build.js";
import { Cell, type DimAcc, type ItemAcc } from "./cell.js";
import { type OverallScale, overallScale } from "./denominators.js";
import { lcm } from "./exact.js";
import {
  KIND_BLANK,
  KIND_DONT_KNOW,
  KIND_INVALID,
  KIND_NOT_APPLICABLE,
  KIND_SCORE,
  KIND_SKIPPED,
  KINDS,
  type Values,
} from "./item-score.js";
import { ReliabilityAcc } from "./reliability.js";
import {
  type CodeCounts,
  compilePlan,
  overallKey,
  type Plan,
  type PlannedItem,
  scoreCodes,
  Workspace,
} from "./respondent.js";

export interface ScorerOptions {
  readonly settings: Settings;
  /** Target level per department and dimension, overriding the questionnaire's targets. */
  readonly targets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Department names (e.g. from a project file) for departments without a questionnaire. */
  readonly departmentNames?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Staff per department (e.g. from a project file), for response rates. */
  readonly headcounts?: Readonly<Record<string, number>>;
  /** Departments assessed by interview (expert assessments): reported apart from the survey. */
  readonly interviewed?: readonly string[];
  readonly date?: string;
  readonly generatorVersion?: string;
}

/**
 * A plan's dimensions as the administration sees them (the root's dimensions and weights):
 * where each root dimension is in the plan, and the scale of that overall score. Throws a
 * RangeError when it is too fine for exact scoring (see denominators.ts).
 */
export function administrationView(
  plan: Plan,
  root: Questionnaire,
): { rootDims: Int32Array; rootScale: OverallScale } {
  const rootDims = Int32Array.from(root.dimensions, (d) =>
    plan.dimensions.findIndex((x) => x.id === d.id),
  );
  const rootScale = overallScale(
    Array.from(rootDims, (at) => (at < 0 ? 1 : plan.scales[at]!.L)),
    root.dimensions.map((d) => d.weight),
    root.overall.aggregate === "min",
    `questionnaire ${plan.questionnaire.id} in the view of ${root.id}`,
  );
  return { rootDims, rootScale };
}

/**
 * Units merge cells scored with different questionnaires, so a dimension's histograms meet over
 * the lcm of its L in every plan, and the administration's overall over the lcm of every plan's
 * view of it (`rootScale.Q`). A score is at most 100, so 100 · lcm must be a safe integer for the
 * merged keys to stay exact. Throws a RangeError naming the first that is not.
 */
export function checkMergedScales(questionnaires: readonly Questionnaire[], root: Questionnaire) {
  const scales = new Map<string, number>();
  const merge = (id: string, d: number) => {
    const m = lcm(scales.get(id) ?? 1, d);
    if (!Number.isSafeInteger(100 * m))
      throw new RangeError(
        `${id === "" ? "the overall score" : `dimension ${id}`}: the questionnaires' scales together are too fine for exact scoring`,
      );
    scales.set(id, m);
  };
  for (const q of questionnaires) {
    const plan = compilePlan(q);
    plan.dimensions.forEach((d, i) => {
      merge(d.id, plan.scales[i]!.L);
    });
    merge("", administrationView(plan, root).rootScale.Q);
  }
}

export interface CellKey {
  readonly questionnaire: string;
  readonly department: string | undefined;
  readonly group: string;
}

interface PlanEntry {
  readonly plan: Plan;
  readonly workspace: Workspace;
  /** For each root dimension: indexes into plan.items of the root's items (−1 when removed). */
  readonly rootItems: ReadonlyMap<string, readonly number[]>;
  /** Index of each root dimension in plan.dimensions (−1 when absent). */
  readonly rootDims: Int32Array;
  /** The administration view's overall score (root dimensions and weights) for this plan. */
  readonly rootScale: OverallScale;
}

/** A cell with its accumulators aligned to the plan, so the per-row path needs no lookups. */
interface Leaf {
  readonly key: CellKey;
  readonly cell: Cell;
  readonly entry: PlanEntry;
  readonly dims: readonly DimAcc[];
  readonly items: readonly ItemAcc[];
  readonly texts: readonly { readonly at: number; readonly list: string[] }[];
  /** Respondents per item by answer code, and those not asked (see CodeCounts). */
  readonly counts: CodeCounts;
  readonly rel: readonly { acc: ReliabilityAcc; idx: Int32Array; xs: Float64Array }[];
  /** Rows waiting to be scored: `pending` rows of the plan's keys' codes (see Scorer.add). */
  readonly batch: Int32Array;
  pending: number;
  /** The last importer layout (key → position) seen here, and where its codes go in the plan. */
  layout: ReadonlyMap<string, number> | undefined;
  slots: Int32Array | undefined;
}

/** Rows per cell scored at once. */
const BATCH = 64;

export class Scorer {
  readonly root: Questionnaire;
  private readonly cells = new Map<string, Leaf>();
  private readonly leafCache = new Map<string, Map<string, Leaf>>();
  private readonly plans = new Map<string, PlanEntry>();
  private readonly rootMinimum: boolean;
  private readonly byDepartment = new Map<string, Questionnaire>();
  private readonly byGroup = new Map<string, Questionnaire>();
  /** The run's answer codes: importers write them, the kernel reads them. */
  readonly codes: AnswerCodes;

  constructor(
    readonly questionnaires: readonly Questionnaire[],
    readonly options: ScorerOptions,
  ) {
    this.codes = new AnswerCodes(
      uncollectedTexts(questionnaires, options.settings.includeFreeText),
    );
    this.root = findRoot(questionnaires);
    this.rootMinimum = this.root.overall.aggregate === "min";
    for (const q of questionnaires) {
      if (q.department) this.byDepartment.set(q.department.id, q);
      else if (q !== this.root && !this.byGroup.has(q.group)) this.byGroup.set(q.group, q);
    }
  }

  /** The questionnaire a record is scored with: its department's, its group's, or the root. */
  questionnaireFor(department: string | undefined, group: string): Questionnaire {
    if (department !== undefined) {
      const q = this.byDepartment.get(department);
      if (q) return q;
    }
    return this.byGroup.get(group) ?? this.root;
  }

  private planFor(q: Questionnaire): PlanEntry {
    let entry = this.plans.get(q.id);
    if (!entry) {
      const plan = compilePlan(q);
      const rel = isExternal(q) ? q : this.root;
      const rootItems = new Map<string, number[]>();
      for (const d of rel.dimensions) {
        // Alpha needs one item set for everyone: the items every respondent is asked (no group
        // restriction, no skip logic), or listwise deletion would drop whole groups.
        const ids = rel.items
          .filter((i) => i.dimension === d.id && i.type !== "text" && !i.groups && !i.when)
          .map((i) => i.id);
        rootItems.set(
          d.id,
          ids.map((id) => plan.items.findIndex((p) => p.item.id === id)),
        );
      }
      entry = {
        plan,
        workspace: new Workspace(plan, this.codes, BATCH),
        rootItems,
        ...administrationView(plan, this.root),
      };
      this.plans.set(q.id, entry);
    }
    return entry;
  }

  private leafFor(department: string | undefined, group: string): Leaf {
    // Two plain lookups on the row's own strings; the composite key is built once per cell.
    let byGroup = this.leafCache.get(department ?? "");
    if (!byGroup) {
      byGroup = new Map();
      this.leafCache.set(department ?? "", byGroup);
    }
    const cached = byGroup.get(group);
    if (cached) return cached;
    const q = this.questionnaireFor(department, group);
    const k = `${q.id}\u0000${department ?? ""}\u0000${group}`;
    let leaf = this.cells.get(k);
    if (!leaf) {
      const entry = this.planFor(q);
      const cell = new Cell();
      leaf = {
        key: { questionnaire: q.id, department, group },
        cell,
        entry,
        dims: entry.plan.dimensions.map((d) => cell.dim(d.id)),
        items: entry.plan.items.map((p) => cell.item(p.item.id)),
        counts: entry.workspace.newCounts(),
        batch: new Int32Array(BATCH * entry.plan.keys.length),
        pending: 0,
        layout: undefined,
        slots: undefined,
        texts: this.options.settings.includeFreeText
          ? entry.plan.questionnaire.items
              .filter((i) => i.type === "text")
              .map((i) => {
                const list: string[] = [];
                cell.freeText.set(i.id, list);
                return { at: entry.plan.keyIndex.get(i.id) ?? -1, list };
              })
          : [],
        rel: [...entry.rootItems].map(([dim, idx]) => {
          const acc = new ReliabilityAcc(
            idx.map((i) => (i < 0 ? "" : entry.plan.items[i]!.item.id)),
          );
          if (idx.length >= 2 && idx.every((i) => i >= 0)) cell.reliability.set(dim, acc);
          return { acc, idx: Int32Array.from(idx), xs: new Float64Array(idx.length) };
        }),
      };
      this.cells.set(k, leaf);
    }
    byGroup.set(group, leaf);
    return leaf;
  }

  /** Respondents added so far per department (before any suppression; for input checks). */
  respondentsByDepartment(): Map<string, number> {
    this.scorePending();
    const out = new Map<string, number>();
    for (const leaf of this.cells.values()) {
      const d = leaf.key.department;
      if (d !== undefined) out.set(d, (out.get(d) ?? 0) + leaf.cell.respondents);
    }
    return out;
  }

  /**
   * Scores one respondent: the one way in, for every importer and the interview. The row's
   * codes join its cell's batch; a full batch is scored at once, so the kernel's tables stay in
   * the processor's cache from row to row (rows of many cells arrive mixed).
   */
  add(record: ResponseRecord): void {
    const leaf = this.leafFor(record.department, record.group);
    const { plan, workspace } = leaf.entry;
    const to = leaf.batch;
    const row = leaf.pending * plan.keys.length;
    const aligned = record.aligned;
    if (aligned?.answerCodes === this.codes) {
      // The importer's codes are this run's: only their positions differ from the plan's (the
      // same layout row after row: one per file).
      if (leaf.layout !== aligned.index) {
        leaf.layout = aligned.index;
        leaf.slots = positionsOf(plan.keys, aligned.index);
      }
      const slots = leaf.slots!;
      const from = aligned.codes;
      for (let i = 0; i < slots.length; i++) {
        const at = slots[i]!;
        to[row + i] = at < 0 ? 0 : from[at]!;
      }
    } else readByKey(record, workspace, to, row);
    if (++leaf.pending === BATCH) this.scoreBatch(leaf);
  }

  /** Scores the rows waiting in a cell's batch, then adds each row's results to the cell. */
  private scoreBatch(leaf: Leaf): void {
    const n = leaf.pending;
    if (n === 0) return;
    const { plan, rootDims, rootScale, workspace: ws } = leaf.entry;
    ws.codes = leaf.batch;
    scoreCodes(ws, leaf.key.group, this.options.settings.minCoverage, leaf.counts, n);
    leaf.pending = 0;
    leaf.cell.respondents += n;
    const { keys, applicable, answered, itemScores } = ws;
    const nd = plan.dimensions.length;
    const ni = plan.items.length;
    const minimum = plan.questionnaire.overall.aggregate === "min";
    for (let d = 0; d < nd; d++) {
      const acc = leaf.dims[d]!;
      const L = plan.scales[d]!.L;
      for (let o = d; o < n * nd; o += nd) {
        acc.applicable += applicable[o]!;
        acc.answered += answered[o]!;
        if (!Number.isNaN(keys[o]!)) acc.hist.addKey(keys[o]!, L);
      }
    }
    for (let r = 0; r < n; r++) {
      const overall = overallKey(keys, r * nd, undefined, plan.overall, minimum);
      if (!Number.isNaN(overall)) leaf.cell.overall.addKey(overall, plan.overall.Q);
      const rootOverall = overallKey(keys, r * nd, rootDims, rootScale, this.rootMinimum);
      if (!Number.isNaN(rootOverall)) leaf.cell.rootOverall.addKey(rootOverall, rootScale.Q);
      // Reliability: the respondents who answered every item of the dimension.
      // Indexed loops, not for-of, for every row: an iterator per loop and row is garbage.
      for (let k = 0; k < leaf.rel.length; k++) {
        const rel = leaf.rel[k]!;
        const { idx, xs } = rel;
        if (idx.length < 2) continue;
        let j = 0;
        for (; j < idx.length; j++) {
          const at = idx[j]!;
          // An item's score is NaN unless it was answered with a score.
          const x = at < 0 ? Number.NaN : itemScores[r * ni + at]!;
          if (Number.isNaN(x)) break;
          xs[j] = x;
        }
        if (j === idx.length) rel.acc.add(xs);
      }
      // Composite items: rare; their scores and codes counted from their answers.
      for (let k = 0; k < plan.composites.length; k++) {
        const i = plan.composites[k]!;
        const o = ws.outcomeOf(i, r);
        // Unanswered (most rows, for an item not in the export): no codes to count.
        if (o.kind === "skipped" || o.kind === "blank" || o.kind === "invalid") continue;
        const p = plan.items[i]!;
        leaf.items[i]!.addComposite(o, p.item.type === "number" ? [] : codesOf(p, ws.valuesOf(p)));
      }
      for (let k = 0; k < leaf.texts.length; k++) {
        const t = leaf.texts[k]!;
        const code = t.at < 0 ? 0 : leaf.batch[r * plan.keys.length + t.at]!;
        const v = ws.answers[t.at]?.[code]?.trim();
        if (v) t.list.push(v);
      }
    }
  }

  /** Whether any respondent so far has a score in any dimension (before any suppression). */
  hasScores(): boolean {
    this.scorePending();
    for (const leaf of this.cells.values()) if (leaf.dims.some((d) => d.hist.size > 0)) return true;
    return false;
  }

  /** Scores every waiting row (before anything reads the cells). */
  private scorePending(): void {
    for (const leaf of this.cells.values()) this.scoreBatch(leaf);
  }

  finish(input?: unknown): Assessment {
    this.scorePending();
    for (const leaf of this.cells.values()) flushLeaf(leaf);
    // In the order of their keys (questionnaire, department, group), whatever order rows came in.
    const cells = [...this.cells].sort(([a], [b]) => compareStrings(a, b)).map(([, l]) => l);
    return buildAssessment({
      root: this.root,
      questionnaires: this.questionnaires,
      cells,
      options: this.options,
      input,
      questionnaireFor: (d, g) => this.questionnaireFor(d, g),
    });
  }
}

// Apart from Scorer.add, these two: a closure there over the record or its layout would make V8
// allocate a context on every call, whichever branch runs.

/** A record without the run's codes, read key by key (the interview). */
function readByKey(record: ResponseRecord, workspace: Workspace, to: Int32Array, row: number) {
  workspace.read((k) => record.answers.get(k), to, row);
}

/** Where each plan key is in an importer's layout (−1: not there). */
function positionsOf(keys: readonly string[], index: ReadonlyMap<string, number>): Int32Array {
  return Int32Array.from(keys, (k) => index.get(k) ?? -1);
}

/** Moves a leaf's typed-array tallies into its cell's item accumulators (once, at the end). */
function flushLeaf(leaf: Leaf): void {
  const { items } = leaf.entry.plan;
  const { workspace } = leaf.entry;
  const { tally, optCounts } = workspace.tallies(leaf.counts);
  const { optNum, optDen } = workspace;
  // A plain loop without a closure or [code, count, score] tuples per item: this runs once, cold,
  // for every item of every cell (see Histogram.merge).
  for (let i = 0; i < items.length; i++) {
    const codes = items[i]!.options ?? [];
    const base = workspace.optBase[i]!;
    const at = i * KINDS;
    leaf.items[i]!.addTallies(
      {
        n: tally[at + KIND_SCORE]!,
        dontKnow: tally[at + KIND_DONT_KNOW]!,
        notApplicable: tally[at + KIND_NOT_APPLICABLE]!,
        blank: tally[at + KIND_BLANK]!,
        skipped: tally[at + KIND_SKIPPED]!,
        invalid: tally[at + KIND_INVALID]!,
      },
      codes,
      optCounts,
      optNum,
      optDen,
      base,
    );
  }
  for (const counted of leaf.counts.byCode) counted.fill(0);
  leaf.counts.skipped.fill(0);
}

/** Answer codes of a composite item (grid rows as `row:code`, multi choices), for counts. */
function codesOf(p: PlannedItem, values: Values): string[] {
  const out: string[] = [];
  for (const [label, at] of p.answerColumns) {
    const v = values[at];
    if (v === undefined || v === "") continue;
    if (label === "") {
      for (const c of v.split(";")) if (c !== "") out.push(c);
    } else out.push(`${label}:${v}`);
  }
  return out;
}

/** Free-text keys whose answers a run need not keep: not collected, and read by no `when`. */
function uncollectedTexts(qs: readonly Questionnaire[], collected: boolean): Set<string> {
  const texts = new Set<string>();
  if (collected) return texts;
  const read = new Set<string>();
  const visit = (c: Condition): void => {
    if ("left" in c) {
      visit(c.left);
      visit(c.right);
    } else if ("operand" in c) visit(c.operand);
    else read.add(c.item);
  };
  for (const q of qs) {
    for (const item of q.items) {
      if (item.when) visit(item.when);
      if (item.type === "text") texts.add(item.id);
    }
  }
  for (const id of read) texts.delete(id);
  return texts;
}

export function scoreRecords(
  questionnaires: readonly Questionnaire[],
  records: Iterable<ResponseRecord>,
  options: ScorerOptions,
): Assessment {
  const s = new Scorer(questionnaires, options);
  for (const r of records) s.add(r);
  return s.finish();
}
