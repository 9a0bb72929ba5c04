// Streaming scorer: add respondents one at a time, then finish() builds the Assessment.
import type { Questionnaire } from "../questionnaire/model.js";
import type { ResponseRecord } from "../responses/model.js";
import { gridKey } from "../responses/model.js";
import { compareStrings } from "../util/order.js";
import type { Assessment, Settings } from "./assessment.js";
import { buildAssessment } from "./build.js";
import { Cell } from "./cell.js";
import { ReliabilityAcc } from "./reliability.js";
import { combineDimensions, compilePlan, type Plan, scoreRespondent } from "./respondent.js";

export interface ScorerOptions {
  readonly settings: Settings;
  /** Target level per department and dimension, overriding the questionnaire's targets. */
  readonly targets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Department names (e.g. from a project file) for departments without a questionnaire. */
  readonly departmentNames?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Staff per department (e.g. from a project file), for response rates. */
  readonly headcounts?: Readonly<Record<string, number>>;
  readonly date?: string;
  readonly generatorVersion?: string;
}

/** Picks the root questionnaire: the base the department questionnaires extend. */
export function findRoot(questionnaires: readonly Questionnaire[]): Questionnaire {
  const bases = questionnaires.filter((q) => q.extendsChain.length === 1 && !q.department);
  const extended = new Map<string, number>();
  for (const q of questionnaires) {
    const base = q.extendsChain[0];
    if (base && q.extendsChain.length > 1) extended.set(base, (extended.get(base) ?? 0) + 1);
  }
  const sorted = [...bases].sort(
    (a, b) => (extended.get(b.id) ?? 0) - (extended.get(a.id) ?? 0) || compareStrings(a.id, b.id),
  );
  const internal = sorted.filter((q) => !isExternal(q));
  const root =
    internal.find((q) => q.id === "core") ?? internal[0] ?? sorted[0] ?? questionnaires[0];
  if (!root) throw new Error("no questionnaire to score with");
  return root;
}

export function isExternal(q: Questionnaire): boolean {
  return q.groups.find((g) => g.id === q.group)?.perspective === "external";
}

export interface CellKey {
  readonly questionnaire: string;
  readonly department: string | undefined;
  readonly group: string;
}

interface PlanEntry {
  readonly plan: Plan;
  /** For each root dimension: indexes into plan.items of the root's items (−1 when removed). */
  readonly rootItems: ReadonlyMap<string, readonly number[]>;
  /** Index of each root dimension in plan.dimensions (−1 when absent). */
  readonly rootDims: readonly number[];
}

export class Scorer {
  readonly root: Questionnaire;
  private readonly plans = new Map<string, PlanEntry>();
  private readonly cells = new Map<string, { key: CellKey; cell: Cell }>();
  private readonly byDepartment = new Map<string, Questionnaire>();
  private readonly byGroup = new Map<string, Questionnaire>();

  constructor(
    readonly questionnaires: readonly Questionnaire[],
    readonly options: ScorerOptions,
  ) {
    this.root = findRoot(questionnaires);
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
        const ids = rel.items
          .filter((i) => i.dimension === d.id && i.type !== "text")
          .map((i) => i.id);
        rootItems.set(
          d.id,
          ids.map((id) => plan.items.findIndex((p) => p.item.id === id)),
        );
      }
      const rootDims = this.root.dimensions.map((d) =>
        plan.dimensions.findIndex((x) => x.id === d.id),
      );
      entry = { plan, rootItems, rootDims };
      this.plans.set(q.id, entry);
    }
    return entry;
  }

  private cellFor(key: CellKey): Cell {
    const k = `${key.questionnaire}\u0000${key.department ?? ""}\u0000${key.group}`;
    let c = this.cells.get(k);
    if (!c) {
      c = { key, cell: new Cell() };
      this.cells.set(k, c);
    }
    return c.cell;
  }

  add(record: ResponseRecord): void {
    const q = this.questionnaireFor(record.department, record.group);
    const entry = this.planFor(q);
    const { plan } = entry;
    const get = (key: string) => record.answers.get(key);
    const r = scoreRespondent(plan, record.group, get, this.options.settings.minCoverage);
    const cell = this.cellFor({
      questionnaire: q.id,
      department: record.department,
      group: record.group,
    });
    cell.respondents++;
    for (const [i, d] of plan.dimensions.entries()) cell.addDimension(d.id, r.dimensions[i]!);
    const dimScores = r.dimensions.map((d) => d.score);
    const overall = combineDimensions(
      dimScores,
      plan.dimensions.map((d) => d.weight),
      q.overall.aggregate,
    );
    if (overall !== undefined) cell.overall.set(overall, (cell.overall.get(overall) ?? 0) + 1);
    const rootScores = entry.rootDims.map((i) => (i < 0 ? undefined : dimScores[i]));
    const rootOverall = combineDimensions(
      rootScores,
      this.root.dimensions.map((d) => d.weight),
      this.root.overall.aggregate,
    );
    if (rootOverall !== undefined)
      cell.rootOverall.set(rootOverall, (cell.rootOverall.get(rootOverall) ?? 0) + 1);
    for (const [i, p] of plan.items.entries())
      cell.addItem(p.item.id, r.items[i]!, codesOf(p.item, get));
    for (const [dim, idx] of entry.rootItems) {
      const xs: number[] = [];
      for (const i of idx) {
        const s = i < 0 ? undefined : r.items[i];
        if (!s || s.kind !== "score") break;
        xs.push(s.score);
      }
      if (xs.length !== idx.length || idx.length < 2) continue;
      let acc = cell.reliability.get(dim);
      if (!acc) {
        acc = new ReliabilityAcc(idx.map((i) => plan.items[i]!.item.id));
        cell.reliability.set(dim, acc);
      }
      acc.add(xs);
    }
  }

  finish(input?: unknown): Assessment {
    const cells = [...this.cells.values()].sort((a, b) =>
      compareStrings(
        `${a.key.questionnaire}\u0000${a.key.department ?? ""}\u0000${a.key.group}`,
        `${b.key.questionnaire}\u0000${b.key.department ?? ""}\u0000${b.key.group}`,
      ),
    );
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

function codesOf(
  item: Questionnaire["items"][number],
  get: (k: string) => string | undefined,
): string[] {
  switch (item.type) {
    case "grid": {
      const out: string[] = [];
      for (const r of item.rows) {
        const v = get(gridKey(item.id, r.id));
        if (v !== undefined && v !== "") out.push(`${r.id}:${v}`);
      }
      return out;
    }
    case "multi": {
      const v = get(item.id);
      return v ? v.split(";").filter((c) => c !== "") : [];
    }
    case "number":
      return [];
    default: {
      const v = get(item.id);
      return v ? [v] : [];
    }
  }
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
