// Turns merged cells into the Assessment: statistics, levels, targets, gaps, priorities,
// comparisons, reliability — then applies anonymity suppression.

import { applySuppression } from "../disclosure/suppress.js";
import type { Dimension, Level, Questionnaire, Text } from "../questionnaire/model.js";
import { isExternal } from "../questionnaire/root.js";
import { compareStrings } from "../util/order.js";
import {
  type Assessment,
  type Comparison,
  type DimensionInfo,
  type DimensionResult,
  type ItemInfo,
  type ItemResult,
  type Overall,
  type Priority,
  type Reliability,
  SCHEMA_VERSION,
  type Settings,
  type Stats,
  type Unit,
} from "./assessment.js";
import { type Cell, mergeCells } from "./cell.js";
import {
  add,
  cmp,
  decimal,
  div,
  min,
  mul,
  type Ratio,
  ratio,
  sub,
  toNumber,
  weightedMean,
  ZERO,
} from "./exact.js";
import { cronbach } from "./reliability.js";
import type { CellKey, ScorerOptions } from "./score.js";
import { ciHalfWidth, type Histogram, summarize, summarizeSorted, tQuantile } from "./stats.js";

/** Exact means of a unit's dimensions, by id: what its score, gaps and comparisons come from. */
const exactMeans = new WeakMap<Unit, ReadonlyMap<string, Ratio>>();

/** A mean's standard error and its degrees of freedom (for the difference of two means). */
interface StandardError {
  readonly se: number;
  readonly df: number;
}
const standardErrors = new WeakMap<Unit, ReadonlyMap<string, StandardError>>();

/** A cell's statistics of one dimension, with the exact mean and the mean's standard error. */
interface DimensionStats {
  readonly stats: Stats;
  readonly mean: Ratio;
  readonly se?: StandardError;
  readonly ciWithheld?: "single-respondent-stratum";
}

/**
 * Area (pillar) scores: the weighted mean of the area's dimension means, when every one of them
 * has a mean. Area weights come from the questionnaire.
 */
function areaResults(
  q: Questionnaire,
  means: ReadonlyMap<string, Ratio>,
): { id: string; names: Text; weight: number; score: Ratio; dimensions: string[] }[] {
  const out: { id: string; names: Text; weight: number; score: Ratio; dimensions: string[] }[] = [];
  const { dimensions, areas } = q;
  const weights = new Map(dimensions.map((d) => [d.id, decimal(d.weight)]));
  for (const area of areas) {
    const members = dimensions.filter((d) => d.area === area.id).map((d) => d.id);
    if (members.length === 0 || members.some((id) => !means.has(id))) continue;
    const score = weightedMean(
      members.map((id) => ({ value: means.get(id)!, weight: weights.get(id)! })),
    );
    if (!score) continue;
    out.push({ id: area.id, names: area.name, weight: area.weight, score, dimensions: members });
  }
  return out;
}

export interface BuildInput {
  readonly root: Questionnaire;
  readonly questionnaires: readonly Questionnaire[];
  readonly cells: readonly { key: CellKey; cell: Cell }[];
  readonly options: ScorerOptions;
  readonly input?: unknown;
  readonly questionnaireFor: (department: string | undefined, group: string) => Questionnaire;
}

/** Each level's threshold as an exact value, read once per questionnaire's level list. */
const thresholds = new WeakMap<readonly Level[], readonly Ratio[]>();

/** The highest level whose threshold the score reaches, decided exactly. */
export function levelOf(levels: readonly Level[], score: Ratio | number): Level {
  const x = typeof score === "number" ? decimal(score) : score;
  let mins = thresholds.get(levels);
  if (!mins) {
    mins = levels.map((l) => decimal(l.min));
    thresholds.set(levels, mins);
  }
  let found = levels[0]!;
  for (let i = 0; i < levels.length; i++) if (cmp(x, mins[i]!) >= 0) found = levels[i]!;
  return found;
}

function first(text: Text | undefined, languages: readonly string[]): string {
  if (!text) return "";
  return text[languages[0] ?? "de"] ?? Object.values(text)[0] ?? "";
}

function statsOf(
  h: Histogram,
  levels: readonly Level[],
  settings: Settings,
): DimensionStats | undefined {
  const entries = h.sorted();
  const s = summarizeSorted(entries);
  if (!s) return undefined;
  const half = ciHalfWidth(s.sd, s.n, settings.confidence);
  const counts: Record<string, number> = Object.fromEntries(levels.map((l) => [l.id, 0]));
  for (const [value, weight] of entries) counts[levelOf(levels, value).id]! += weight;
  const { exact, ...numbers } = s;
  return {
    stats: {
      ...numbers,
      ciLow: Math.max(0, s.mean - half),
      ciHigh: Math.min(100, s.mean + half),
      level: levelOf(levels, exact.mean).id,
      levelShares: Object.fromEntries(Object.entries(counts).map(([id, c]) => [id, c / s.n])),
    },
    mean: exact.mean,
    ...(s.n > 1 ? { se: { se: s.sd / Math.sqrt(s.n), df: s.n - 1 } } : {}),
  };
}

interface UnitSpec {
  readonly id: string;
  readonly kind: Unit["kind"];
  readonly names: Text;
  readonly group?: string;
  readonly cell: Cell;
  /** Whose dimensions, areas and overall aggregate the unit is scored on. */
  readonly questionnaire: Questionnaire;
  /** Overall histogram to describe (root view for the administration). */
  readonly overallHist: Histogram;
  readonly targets?: Readonly<Record<string, string>>;
  /** Department-weighted administration: stats from department cells instead of pooling. */
  readonly strata?: readonly Stratum[];
}

/** What every unit of a run is built with: the root's levels and languages, and lookups. */
interface UnitContext {
  readonly levels: readonly Level[];
  readonly languages: readonly string[];
  readonly settings: Settings;
  /** Level id → its threshold: a dimension's target score. */
  readonly levelMin: ReadonlyMap<string, number>;
  readonly itemDimension: ReadonlyMap<string, string>;
  /** Text items are not in `items` (nothing to score), so free-text answers carry their question. */
  readonly questionOf: ReadonlyMap<string, Text>;
}

type KeyedCell = { key: CellKey; cell: Cell };

/**
 * The assessment in steps: departments (with their groups), the administration, the groups
 * across it, comparisons of external groups with the administration, then assembly and
 * suppression.
 */
export function buildAssessment(b: BuildInput): Assessment {
  const ctx = unitContext(b);
  const rootGroups = groupsOf(b.root);
  const departments = departmentUnits(b, ctx, cellsByDepartment(b.cells));
  // Expert assessments (departments assessed by interview) stay out of every survey total.
  const interviewed = new Set(b.options.interviewed ?? []);
  const survey = {
    ...b,
    cells: b.cells.filter(
      (c) => c.key.department === undefined || !interviewed.has(c.key.department),
    ),
  };
  const { base: adminBase, unit: administration } = administrationUnit(
    survey,
    ctx,
    cellsByDepartment(survey.cells),
    rootGroups,
  );
  const groups = groupUnits(survey, ctx, rootGroups);
  // From the base unit: exactMeans is keyed by the unit makeUnit returned.
  const comparisons = compare(adminBase, groups, b.root, rootGroups, ctx.settings.confidence);
  const draft = assemble(b, ctx, { administration, departments, groups, comparisons });
  return applySuppression(draft, rootGroups);
}

function unitContext(b: BuildInput): UnitContext {
  const levels = b.root.levels;
  const itemDimension = new Map<string, string>();
  for (const q of b.questionnaires) for (const i of q.items) itemDimension.set(i.id, i.dimension);
  const questionOf = new Map<string, Text>();
  for (const q of b.questionnaires)
    for (const i of q.items)
      if (i.type === "text" && !questionOf.has(i.id)) questionOf.set(i.id, i.text);
  return {
    levels,
    languages: b.root.languages,
    settings: b.options.settings,
    levelMin: new Map(levels.map((l) => [l.id, l.min])),
    itemDimension,
    questionOf,
  };
}

const groupsOf = (q: Questionnaire) => new Map(q.groups.map((g) => [g.id, g]));

/** A unit without a name of its own is named by its id, in the first language. */
function nameById(ctx: UnitContext, id: string): Text {
  return { [ctx.languages[0] ?? "de"]: id };
}

/** Every cell with a department, listed per department. */
function cellsByDepartment(cells: readonly KeyedCell[]): Map<string, KeyedCell[]> {
  const deptCells = new Map<string, KeyedCell[]>();
  for (const c of cells) {
    if (c.key.department === undefined) continue;
    const list = deptCells.get(c.key.department) ?? [];
    list.push(c);
    deptCells.set(c.key.department, list);
  }
  return deptCells;
}

/** Departments in id order: their cells merged, with a unit per respondent group inside. */
function departmentUnits(
  b: BuildInput,
  ctx: UnitContext,
  deptCells: ReadonlyMap<string, readonly KeyedCell[]>,
): Unit[] {
  const { options } = b;
  return [...deptCells.keys()].sort(compareStrings).map((id) => {
    const list = deptCells.get(id)!;
    const q = b.questionnaireFor(id, list[0]!.key.group);
    const merged = mergeCells(list.map((c) => c.cell));
    const names = q.department?.name ?? options.departmentNames?.[id] ?? nameById(ctx, id);
    const targets = options.targets?.[id] ? { targets: options.targets[id] } : {};
    const groups = departmentGroupUnits(ctx, q, list, targets);
    const unit = makeUnit(
      ctx,
      {
        id,
        kind: "department",
        names,
        cell: merged,
        questionnaire: q,
        overallHist: merged.overall,
        ...targets,
      },
      true,
    );
    return {
      ...unit,
      ...(options.interviewed?.includes(id) ? { method: "interview" as const } : {}),
      ...responseRate(merged.respondents, options.headcounts?.[id], ctx.settings),
      groups,
    };
  });
}

/** A department's respondent groups, each on the department's questionnaire and targets. */
function departmentGroupUnits(
  ctx: UnitContext,
  q: Questionnaire,
  list: readonly KeyedCell[],
  targets: Pick<UnitSpec, "targets">,
): Unit[] {
  const byGroup = new Map<string, Cell[]>();
  for (const c of list) byGroup.set(c.key.group, [...(byGroup.get(c.key.group) ?? []), c.cell]);
  const gmap = groupsOf(q);
  return [...byGroup.keys()].sort(compareStrings).map((g) => {
    const cell = mergeCells(byGroup.get(g)!, false);
    return makeUnit(
      ctx,
      {
        id: g,
        kind: "group",
        group: g,
        names: gmap.get(g)?.name ?? nameById(ctx, g),
        cell,
        questionnaire: q,
        overallHist: cell.overall,
        ...targets,
      },
      false,
    );
  });
}

/**
 * The administration: internal respondents (staff, management …) on the root's dimensions,
 * pooled, or with --weighting department one stratum per department. `base` is the unit as
 * makeUnit made it (the key of its exact means), `unit` adds the response rate.
 */
function administrationUnit(
  b: BuildInput,
  ctx: UnitContext,
  deptCells: ReadonlyMap<string, readonly KeyedCell[]>,
  rootGroups: ReadonlyMap<string, { perspective: string }>,
): { base: Unit; unit: Unit } {
  const { root } = b;
  const internal = (c: KeyedCell) => rootGroups.get(c.key.group)?.perspective !== "external";
  const adminCell = mergeCells(b.cells.filter(internal).map((c) => c.cell));
  const adminStrata =
    ctx.settings.administrationWeighting === "department"
      ? [...deptCells].map(([id, list]) => ({
          cell: mergeCells(
            list.filter(internal).map((c) => c.cell),
            false,
          ),
          headcount: b.options.headcounts?.[id],
        }))
      : undefined;
  const base = makeUnit(
    ctx,
    {
      id: "administration",
      kind: "administration",
      names: root.title,
      cell: adminCell,
      questionnaire: root,
      overallHist: adminCell.rootOverall,
      ...(adminStrata ? { strata: adminStrata } : {}),
    },
    true,
  );
  const rate = responseRate(adminCell.respondents, totalHeadcount(b.options), ctx.settings);
  return { base, unit: { ...base, ...rate } };
}

function totalHeadcount(options: ScorerOptions): number | undefined {
  return options.headcounts
    ? Object.values(options.headcounts).reduce((x, y) => x + y, 0)
    : undefined;
}

/**
 * Groups across the administration (internal: on the root's dimensions) and outside it
 * (external: on their own questionnaire, with items, reliability and free text).
 */
function groupUnits(
  b: BuildInput,
  ctx: UnitContext,
  rootGroups: ReadonlyMap<string, { perspective: string; name: Text }>,
): Unit[] {
  const { root } = b;
  const allGroupIds = new Set(b.cells.map((c) => c.key.group));
  return [...allGroupIds].sort(compareStrings).map((g) => {
    const list = b.cells.filter((c) => c.key.group === g);
    const q = b.questionnaireFor(undefined, g);
    const external = isExternal(q) || rootGroups.get(g)?.perspective === "external";
    // Items, reliability and free text only for the units that show them (withDetail below).
    const cell = mergeCells(
      list.map((c) => c.cell),
      external,
    );
    return makeUnit(
      ctx,
      {
        id: g,
        kind: "group",
        group: g,
        names: groupsOf(q).get(g)?.name ?? rootGroups.get(g)?.name ?? nameById(ctx, g),
        cell,
        questionnaire: external ? q : root,
        overallHist: external ? cell.overall : cell.rootOverall,
      },
      external,
    );
  });
}

/** The unpublished Assessment: identity, settings, definitions and the units. */
function assemble(
  b: BuildInput,
  ctx: UnitContext,
  units: Pick<Assessment, "administration" | "departments" | "groups" | "comparisons">,
): Assessment {
  const { root, options } = b;
  const { settings } = ctx;
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: "reifegrad", version: options.generatorVersion ?? "0.0.0" },
    questionnaire: { id: root.id, version: root.version, contentHash: root.contentHash },
    questionnaires: [...b.questionnaires]
      .sort((x, y) => compareStrings(x.id, y.id))
      .map((q) => ({
        id: q.id,
        version: q.version,
        contentHash: q.contentHash,
        ...(q.department ? { department: q.department.id } : {}),
        group: q.group,
      })),
    languages: ctx.languages,
    ...(options.date ? { date: options.date } : {}),
    settings,
    levels: ctx.levels.map((l) => ({
      id: l.id,
      rank: l.rank,
      name: l.name,
      ...(l.description ? { description: l.description } : {}),
      min: l.min,
    })),
    dimensions: dimensionInfos(b.questionnaires, root),
    items: itemInfos(b.questionnaires),
    administration: units.administration,
    departments: units.departments,
    groups: units.groups,
    comparisons: units.comparisons,
    suppression: { minGroupSize: settings.minGroupSize, records: [] },
    counts: countAnswers(b.cells.map((c) => c.cell)),
    ...(b.input !== undefined ? { input: b.input } : {}),
  };
}

/** One unit: its dimensions, areas, overall score and level, targets and priorities. */
function makeUnit(ctx: UnitContext, spec: UnitSpec, withDetail: boolean): Unit {
  const { levels, languages, settings } = ctx;
  const { dims, means, errors } = dimensionResults(ctx, spec);
  const q = spec.questionnaire;
  const areas = areaResults(q, means);
  const ids = dims.map((d) => d.id);
  const exactScore = indexScore(q, ids, means, areas);
  const ostats = spec.strata ? undefined : statsOf(spec.overallHist, levels, settings)?.stats;
  const overall: Overall = {
    ...(ostats ?? {}),
    score: exactScore === undefined ? null : toNumber(exactScore),
    level: exactScore === undefined ? null : levelOf(levels, exactScore).id,
  };
  const unit: Unit = {
    id: spec.id,
    kind: spec.kind,
    name: first(spec.names, languages),
    names: spec.names,
    ...(spec.group ? { group: spec.group } : {}),
    respondents: spec.cell.respondents,
    overall,
    ...(areas.length > 0
      ? {
          areas: areas.map((x) => ({
            id: x.id,
            name: first(x.names, languages),
            names: x.names,
            score: toNumber(x.score),
            level: levelOf(levels, x.score).id,
            dimensions: x.dimensions,
          })),
        }
      : {}),
    dimensions: dims,
    ...targetsAndPriorities(dims, q.dimensions, means),
    ...(withDetail ? { items: itemResults(spec.cell, ctx.itemDimension) } : {}),
    ...(withDetail ? { reliability: reliabilityOf(spec.cell, q.dimensions, settings) } : {}),
    ...(withDetail && settings.includeFreeText
      ? { freeText: freeTextOf(spec.cell, ctx.questionOf) }
      : {}),
  };
  exactMeans.set(unit, means);
  standardErrors.set(unit, errors);
  return unit;
}

/** A unit's dimension results, and their exact means (by id) for everything computed from them. */
function dimensionResults(
  ctx: UnitContext,
  spec: UnitSpec,
): {
  dims: DimensionResult[];
  means: Map<string, Ratio>;
  errors: Map<string, StandardError>;
} {
  const { levels, settings } = ctx;
  const dims: DimensionResult[] = [];
  const means = new Map<string, Ratio>();
  const errors = new Map<string, StandardError>();
  for (const d of spec.questionnaire.dimensions) {
    const acc = spec.cell.dims.get(d.id);
    if (!acc) continue;
    const r = spec.strata
      ? stratifiedStats(spec.strata, d.id, levels, settings)
      : statsOf(acc.hist, levels, settings);
    const stats = r?.stats;
    if (r) means.set(d.id, r.mean);
    if (r?.se) errors.set(d.id, r.se);
    const target = spec.targets?.[d.id] ?? d.target;
    const targetScore = target !== undefined ? ctx.levelMin.get(target) : undefined;
    dims.push({
      id: d.id,
      name: first(d.name, ctx.languages),
      names: d.name,
      ...(stats ?? {}),
      n: stats?.n ?? 0,
      ...(r?.ciWithheld ? { ciWithheld: r.ciWithheld } : {}),
      coverage: acc.applicable > 0 ? acc.answered / acc.applicable : 0,
      ...(target !== undefined ? { target } : {}),
      ...(targetScore !== undefined ? { targetScore } : {}),
      ...(targetScore !== undefined && r
        ? { gap: toNumber(sub(decimal(targetScore), r.mean)) }
        : {}),
    });
  }
  return { dims, means, errors };
}

/**
 * A unit's index (exact), when each of its dimensions `ids` (in questionnaire order) has a mean:
 * the weighted mean (or the minimum) of the areas when areas cover every dimension, else of the
 * dimensions. The interview's own result (interview/summary.ts) is decided by the same rule.
 */
export function indexScore(
  q: Questionnaire,
  ids: readonly string[],
  means: ReadonlyMap<string, Ratio>,
  areas = areaResults(q, means),
): Ratio | undefined {
  if (ids.length === 0 || ids.some((id) => !means.has(id))) return undefined;
  const parts =
    areas.length > 0 && q.dimensions.every((d) => d.area !== undefined)
      ? areas.map((x) => ({ value: x.score, weight: decimal(x.weight) }))
      : ids.map((id) => ({
          value: means.get(id)!,
          weight: decimal(q.dimensions.find((x) => x.id === id)!.weight),
        }));
  return q.overall.aggregate === "min"
    ? parts.map((x) => x.value).reduce(min)
    : weightedMean(parts);
}

function responseRate(
  respondents: number,
  headcount: number | undefined,
  settings: Settings,
): Pick<Unit, "headcount" | "responseRate" | "lowResponseRate"> {
  if (headcount === undefined || headcount <= 0) return {};
  const rate = respondents / headcount;
  return { headcount, responseRate: rate, lowResponseRate: rate < settings.minResponseRate };
}

/** A department as a stratum of the administration: its cell and, if known, its staff. */
interface Stratum {
  readonly cell: Cell;
  readonly headcount: number | undefined;
}

/**
 * Department-weighted: each department counts once. The mean's variance is the stratified one,
 * Σ (1 − n_h/N_h) s_h² / n_h / D², with the finite-population correction where the headcount N_h
 * is known, and Satterthwaite's degrees of freedom. A stratum of one respondent (short of its
 * whole staff) has no variance estimate: then the interval is withheld, not taken as exact.
 * Each respondent weighs 1 / (D · n_department) in the median, shares, minimum and maximum.
 */
function stratifiedStats(
  strata: readonly Stratum[],
  dim: string,
  levels: readonly Level[],
  settings: Settings,
): DimensionStats | undefined {
  const parts = strata.flatMap(({ cell, headcount }) => {
    const entries = cell.dims.get(dim)?.hist.sorted();
    const s = entries ? summarizeSorted(entries) : undefined;
    return s && entries ? [{ s, entries, headcount }] : [];
  });
  if (parts.length === 0) return undefined;
  const D = parts.length;
  const sum = parts.reduce((a, p) => add(a, p.s.exact.mean), ZERO);
  const mean = ratio(sum.p, sum.q * BigInt(D));
  // Per stratum (1 − f) s² / n; a census (n = N) is exact whatever its size.
  const census = (p: (typeof parts)[number]) => p.headcount !== undefined && p.s.n >= p.headcount;
  const single = parts.some((p) => p.s.n < 2 && !census(p));
  const v = parts.map((p) =>
    census(p) || p.s.n < 2
      ? 0
      : (p.headcount ? 1 - p.s.n / p.headcount : 1) * (p.s.sd ** 2 / p.s.n),
  );
  const vsum = v.reduce((a, b) => a + b, 0);
  const dfDen = parts.reduce((a, p, i) => a + (p.s.n > 1 ? v[i]! ** 2 / (p.s.n - 1) : 0), 0);
  const df = dfDen > 0 ? vsum ** 2 / dfDen : Math.max(1, parts.reduce((a, p) => a + p.s.n, 0) - D);
  const n = parts.reduce((a, p) => a + p.s.n, 0);
  const weighted = parts
    .flatMap((p) => p.entries.map(([v, w]) => ({ v, w: ratio(w, D * p.s.n) })))
    .sort((a, b) => cmp(a.v, b.v));
  const half = ratio(1, 2);
  let cum = ZERO;
  let median = weighted[weighted.length - 1]!.v;
  for (const { v, w } of weighted) {
    cum = add(cum, w);
    if (cmp(cum, half) >= 0) {
      median = v;
      break;
    }
  }
  let ss = ZERO;
  const shares: Record<string, number> = Object.fromEntries(levels.map((l) => [l.id, 0]));
  for (const { v, w } of weighted) {
    const d = sub(v, mean);
    ss = add(ss, mul(mul(d, d), w));
    const id = levelOf(levels, v).id;
    shares[id] = (shares[id] ?? 0) + toNumber(w);
  }
  const m = toNumber(mean);
  const se = Math.sqrt(vsum) / D;
  const width = tQuantile(1 - (1 - settings.confidence) / 2, df) * se;
  return {
    stats: {
      n,
      mean: m,
      median: toNumber(median),
      sd: Math.sqrt(toNumber(ss)),
      ...(single ? {} : { ciLow: Math.max(0, m - width), ciHigh: Math.min(100, m + width) }),
      min: toNumber(weighted[0]!.v),
      max: toNumber(weighted[weighted.length - 1]!.v),
      level: levelOf(levels, mean).id,
      levelShares: shares,
    } as Stats,
    mean,
    ...(single ? { ciWithheld: "single-respondent-stratum" as const } : { se: { se, df } }),
  };
}

function targetsAndPriorities(
  dims: readonly DimensionResult[],
  defs: readonly Dimension[],
  means: ReadonlyMap<string, Ratio>,
): { percentToTarget: number | null; priorities: Priority[] } {
  const byId = new Map(defs.map((d) => [d.id, d]));
  let gapSum = ZERO;
  let targetSum = ZERO;
  const priorities: (Omit<Priority, "rank"> & { exact: Ratio })[] = [];
  for (const d of dims) {
    const mean = means.get(d.id);
    if (d.targetScore === undefined || mean === undefined) continue;
    const target = decimal(d.targetScore);
    const below = sub(target, mean);
    const gap = below.p > 0n ? below : ZERO;
    gapSum = add(gapSum, gap);
    targetSum = add(targetSum, target);
    if (gap.p === 0n) continue;
    const def = byId.get(d.id)!;
    const fromLevel = d.level!;
    const levelIds = Object.keys(d.levelShares ?? {});
    const toLevel = levelIds[levelIds.indexOf(fromLevel) + 1] ?? fromLevel;
    const exact = mul(gap, decimal(def.weight));
    priorities.push({
      dimension: d.id,
      gap: toNumber(gap),
      weight: def.weight,
      priority: toNumber(exact),
      exact,
      fromLevel,
      toLevel,
      recommendations: def.recommendations[fromLevel] ?? [],
    });
  }
  priorities.sort((a, b) => cmp(b.exact, a.exact) || compareStrings(a.dimension, b.dimension));
  return {
    percentToTarget: targetSum.p > 0n ? toNumber(sub(ratio(1), div(gapSum, targetSum))) : null,
    priorities: priorities.map(({ exact: _, ...p }, i) => ({ rank: i + 1, ...p })),
  };
}

function itemResults(cell: Cell, dimensionOf: ReadonlyMap<string, string>): ItemResult[] {
  // Keys sorted, not destructured [key, value] pairs: see Histogram.merge.
  return [...cell.items.keys()].sort(compareStrings).map((id) => {
    const a = cell.items.get(id)!;
    const s = summarize(a.scores);
    return {
      id,
      dimension: dimensionOf.get(id) ?? "",
      n: a.n,
      ...(s ? { mean: s.mean } : {}),
      dontKnow: a.dontKnow,
      notApplicable: a.notApplicable,
      blank: a.blank,
      skipped: a.skipped,
      counts: Object.fromEntries(
        [...a.counts.keys()].sort(compareStrings).map((code) => [code, a.counts.get(code)!]),
      ),
    };
  });
}

function freeTextOf(
  cell: Cell,
  questionOf: ReadonlyMap<string, Text>,
): { item: string; text?: Text; answers: string[] }[] {
  return [...cell.freeText.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([item, answers]) => {
      const text = questionOf.get(item);
      return { item, ...(text ? { text } : {}), answers: [...answers].sort(compareStrings) };
    });
}

function reliabilityOf(cell: Cell, dims: readonly Dimension[], settings: Settings): Reliability[] {
  const out: Reliability[] = [];
  for (const d of dims) {
    const acc = cell.reliability.get(d.id);
    if (!acc) continue;
    const r = cronbach(acc, settings.minAlphaN);
    out.push({
      dimension: d.id,
      n: r.n,
      items: acc.itemIds.length,
      alpha: r.alpha,
      // Rounding noise must not decide (an alpha of exactly 0.7 is not low).
      low: r.alpha !== null && r.alpha < 0.7 - 1e-9,
      itemStats: r.items.map((i) => ({
        ...i,
        // By more than rounding noise: with alpha at 1, deleting an item gives 1 ± 1e-16.
        lowersAlpha:
          r.alpha !== null && i.alphaIfDeleted !== null && i.alphaIfDeleted > r.alpha + 1e-9,
      })),
    });
  }
  return out;
}

/**
 * Half the width of the confidence interval of a difference of two independent means (Welch:
 * the standard errors add in squares, Satterthwaite's degrees of freedom); undefined when either
 * mean has no standard error.
 */
function differenceInterval(
  x: StandardError | undefined,
  y: StandardError | undefined,
  confidence: number,
): number | undefined {
  if (!x || !y) return undefined;
  const [vx, vy] = [x.se ** 2, y.se ** 2];
  const v = vx + vy;
  if (v === 0) return 0;
  const df = v ** 2 / (vx ** 2 / x.df + vy ** 2 / y.df);
  return tQuantile(1 - (1 - confidence) / 2, df) * Math.sqrt(v);
}

function compare(
  admin: Unit,
  groups: readonly Unit[],
  root: Questionnaire,
  rootGroups: ReadonlyMap<string, { perspective: string }>,
  confidence: number,
): Comparison[] {
  const out: Comparison[] = [];
  const internal = admin.dimensions;
  const adminMeans = exactMeans.get(admin);
  for (const g of groups) {
    const q = rootGroups.get(g.id);
    if (q?.perspective !== "external") continue;
    const groupMeans = exactMeans.get(g);
    for (const d of g.dimensions) {
      const mine = internal.find((x) => x.id === d.id);
      const a = adminMeans?.get(d.id);
      const b = groupMeans?.get(d.id);
      if (!mine || mine.mean === undefined || d.mean === undefined || !a || !b) continue;
      const difference = toNumber(sub(a, b));
      const ci = differenceInterval(
        standardErrors.get(admin)?.get(d.id),
        standardErrors.get(g)?.get(d.id),
        confidence,
      );
      out.push({
        dimension: d.id,
        internal: { group: "administration", n: mine.n, mean: mine.mean },
        external: { group: g.id, n: d.n, mean: d.mean },
        difference,
        ...(ci
          ? {
              ciLow: difference - ci,
              ciHigh: difference + ci,
              distinguishable: Math.abs(difference) > ci,
            }
          : {}),
      });
    }
  }
  const order = root.dimensions.map((d) => d.id);
  return out.sort(
    (a, b) =>
      order.indexOf(a.dimension) - order.indexOf(b.dimension) ||
      compareStrings(a.external.group, b.external.group),
  );
}

function dimensionInfos(
  questionnaires: readonly Questionnaire[],
  root: Questionnaire,
): DimensionInfo[] {
  const seen = new Map<string, DimensionInfo>();
  const ordered = [
    root,
    ...[...questionnaires].filter((q) => q !== root).sort((a, b) => compareStrings(a.id, b.id)),
  ];
  for (const q of ordered) {
    for (const d of q.dimensions) {
      if (seen.has(d.id)) continue;
      seen.set(d.id, {
        id: d.id,
        name: d.name,
        ...(d.description ? { description: d.description } : {}),
        weight: d.weight,
        ...(d.target ? { target: d.target } : {}),
        aggregate: d.aggregate,
        ...(d.area ? { area: d.area } : {}),
        recommendations: d.recommendations,
      });
    }
  }
  return [...seen.values()];
}

function itemInfos(questionnaires: readonly Questionnaire[]): ItemInfo[] {
  const out = new Map<string, ItemInfo>();
  for (const q of [...questionnaires].sort((a, b) => compareStrings(a.id, b.id))) {
    for (const item of q.items) {
      const existing = out.get(item.id);
      if (existing) {
        out.set(item.id, { ...existing, questionnaires: [...existing.questionnaires, q.id] });
        continue;
      }
      if (item.type === "text") continue;
      const scale =
        item.type === "likert" || item.type === "grid" ? q.scales.get(item.scale) : undefined;
      const choices = item.type === "single" || item.type === "multi" ? item.choices : undefined;
      const options =
        (scale?.options ?? choices)?.map((o) => ({
          code: o.code,
          label: o.label,
          ...(o.missing ? { missing: o.missing } : {}),
        })) ??
        (item.type === "yesno"
          ? [
              { code: "no", label: { de: "nein", en: "no" } },
              { code: "yes", label: { de: "ja", en: "yes" } },
            ]
          : []);
      out.set(item.id, {
        id: item.id,
        dimension: item.dimension,
        type: item.type,
        text: item.text,
        reverse: "reverse" in item ? item.reverse : false,
        weight: item.weight,
        options,
        ...(item.type === "grid" ? { rows: item.rows } : {}),
        questionnaires: [q.id],
      });
    }
  }
  return [...out.values()];
}

function countAnswers(cells: readonly Cell[]): Assessment["counts"] {
  let respondents = 0;
  let answers = 0;
  let dontKnow = 0;
  let notApplicable = 0;
  let blank = 0;
  let invalid = 0;
  for (const c of cells) {
    respondents += c.respondents;
    for (const a of c.items.values()) {
      answers += a.n;
      dontKnow += a.dontKnow;
      notApplicable += a.notApplicable;
      blank += a.blank;
      invalid += a.invalid;
    }
  }
  return { respondents, answers, dontKnow, notApplicable, blank, invalid };
}
