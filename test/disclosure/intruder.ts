// An intruder who reads nothing but the published assessment.json (and, where an attack needs
// them, the respondent counts, which the guarantee treats as public). Each attack returns what
// it recovered: a hidden value, a statistic of fewer than k respondents, or individual scores.
import { intervals, type Released } from "../../src/disclosure/audit.js";
import { buildTable, dimensionIds, OVERALL } from "../../src/disclosure/table.js";
import type { Assessment, DimensionResult, Unit } from "../../src/scoring/assessment.js";

export interface Finding {
  readonly attack: string;
  readonly unit: string;
  readonly dimension: string;
  /** The recovered mean (or the first recovered score). */
  readonly value: number;
  readonly detail?: string;
}

const shown = (d: DimensionResult | undefined): d is DimensionResult & { mean: number } =>
  d !== undefined && !d.suppressed && d.mean !== undefined && d.n > 0;
const dim = (u: Unit, id: string) => u.dimensions.find((d) => d.id === id);
const isHidden = (u: Unit, id: string) =>
  u.suppressed !== undefined || dim(u, id)?.suppressed !== undefined;
const dimIds = (a: Assessment) => a.dimensions.map((d) => d.id);

/** 1. A hidden department cell is the weighted mean of its shown group cells. */
export function departmentFromGroups(a: Assessment): Finding[] {
  const out: Finding[] = [];
  for (const d of a.departments) {
    if (d.suppressed) continue;
    for (const id of dimIds(a)) {
      if (!dim(d, id)?.suppressed) continue;
      const parts = (d.groups ?? []).map((g) => dim(g, id));
      if (parts.length === 0 || !parts.every(shown)) continue;
      const n = parts.reduce((s, x) => s + x!.n, 0);
      const value = parts.reduce((s, x) => s + x!.n * x!.mean!, 0) / n;
      out.push({
        attack: "department-from-groups",
        unit: `department:${d.id}`,
        dimension: id,
        value,
      });
    }
  }
  return out;
}

/** 2. A hidden department × group cell is the department minus its shown siblings. */
export function groupFromSiblings(a: Assessment): Finding[] {
  const out: Finding[] = [];
  for (const d of a.departments) {
    for (const id of dimIds(a)) {
      const total = dim(d, id);
      if (d.suppressed || !shown(total)) continue;
      const groups = d.groups ?? [];
      const hidden = groups.filter((g) => isHidden(g, id) && (g.respondents ?? 1) !== 0);
      if (hidden.length !== 1) continue;
      const siblings = groups.filter((g) => g !== hidden[0]).map((g) => dim(g, id));
      if (!siblings.every((x) => x === undefined || shown(x))) continue;
      const sn = siblings.reduce((s, x) => s + (x?.n ?? 0), 0);
      const ss = siblings.reduce((s, x) => s + (x ? x.n * x.mean! : 0), 0);
      const n = total.n - sn;
      if (n <= 0) continue;
      out.push({
        attack: "group-from-siblings",
        unit: `department:${d.id}/group:${hidden[0]!.id}`,
        dimension: id,
        value: (total.n * total.mean - ss) / n,
      });
    }
  }
  return out;
}

function allUnits(a: Assessment): [string, Unit][] {
  return [
    ["administration", a.administration],
    ...a.departments.flatMap((d): [string, Unit][] => [
      [`department:${d.id}`, d],
      ...(d.groups ?? []).map((g): [string, Unit] => [`department:${d.id}/group:${g.id}`, g]),
    ]),
    ...a.groups.map((g): [string, Unit] => [`group:${g.id}`, g]),
  ];
}

/** 3. An overall block (the respondents' overall scores) of fewer than k respondents. */
export function smallOverallBlocks(a: Assessment): Finding[] {
  const k = a.settings.minGroupSize;
  return allUnits(a).flatMap(([path, u]) =>
    u.overall.n !== undefined && u.overall.n > 0 && u.overall.n < k && u.overall.mean !== undefined
      ? [{ attack: "small-overall", unit: path, dimension: OVERALL, value: u.overall.mean }]
      : [],
  );
}

/** 4. A group across the administration minus its shown department cells: fewer than k left. */
export function groupResidual(a: Assessment): Finding[] {
  const k = a.settings.minGroupSize;
  const out: Finding[] = [];
  for (const g of a.groups) {
    for (const id of dimIds(a)) {
      const total = dim(g, id);
      if (g.suppressed || !shown(total)) continue;
      const cells = a.departments.flatMap((d) => (d.groups ?? []).filter((x) => x.id === g.id));
      const visible = cells.map((c) => dim(c, id)).filter(shown);
      const n = total.n - visible.reduce((s, x) => s + x.n, 0);
      if (n <= 0 || n >= k) continue;
      const value = (total.n * total.mean - visible.reduce((s, x) => s + x.n * x.mean, 0)) / n;
      out.push({
        attack: "group-residual",
        unit: `group:${g.id}/unassigned`,
        dimension: id,
        value,
        detail: `n=${n}`,
      });
    }
  }
  return out;
}

/** 5. Priorities, ranks and percent-to-target that keep a hidden dimension's place or gap. */
export function prioritiesAndTargets(a: Assessment): Finding[] {
  const out: Finding[] = [];
  for (const [path, u] of allUnits(a)) {
    if (u.suppressed) continue;
    const hidden = u.dimensions.filter((d) => d.suppressed);
    if (hidden.length === 0) continue;
    const ps = u.priorities ?? [];
    for (const p of ps) {
      const d = dim(u, p.dimension);
      if (d?.suppressed && d.targetScore !== undefined)
        out.push({
          attack: "priority-gap",
          unit: path,
          dimension: p.dimension,
          value: d.targetScore - p.gap,
        });
    }
    if (ps.some((p, i) => p.rank !== i + 1))
      out.push({
        attack: "rank-gap",
        unit: path,
        dimension: hidden[0]!.id,
        value: Number.NaN,
        detail: ps.map((p) => p.rank).join(","),
      });
    const withTarget = hidden.filter((d) => d.targetScore !== undefined);
    if (typeof u.percentToTarget === "number" && withTarget.length === 1) {
      const targets = u.dimensions.filter((d) => d.targetScore !== undefined);
      const sumTarget = targets.reduce((s, d) => s + d.targetScore!, 0);
      const gaps = (1 - u.percentToTarget) * sumTarget;
      const shownGaps = targets
        .filter((d) => !d.suppressed)
        .reduce((s, d) => s + Math.max(0, d.gap ?? 0), 0);
      const gap = gaps - shownGaps;
      if (gap > 1e-6)
        out.push({
          attack: "percent-to-target",
          unit: path,
          dimension: withTarget[0]!.id,
          value: withTarget[0]!.targetScore! - gap,
        });
    }
  }
  return out;
}

/** 6. A shown cell of five publishing n, mean, sd, median, min and max: all five scores. */
export function fiveScores(a: Assessment): Finding[] {
  const out: Finding[] = [];
  for (const [path, u] of allUnits(a)) {
    if (u.suppressed) continue;
    for (const d of [
      ...u.dimensions.map((x) => [x.id, x] as const),
      [OVERALL, u.overall] as const,
    ]) {
      const [id, s] = d;
      if (s.n !== 5 || s.mean === undefined || s.sd === undefined || s.median === undefined)
        continue;
      if (s.min === undefined || s.max === undefined) continue;
      const sum = 5 * s.mean - s.min - s.median - s.max;
      const squares = 4 * s.sd ** 2 + 5 * s.mean ** 2 - s.min ** 2 - s.median ** 2 - s.max ** 2;
      const disc = 2 * squares - sum ** 2;
      if (disc < -1e-3) continue;
      const r = Math.sqrt(Math.max(0, disc));
      const scores = [s.min, (sum - r) / 2, s.median, (sum + r) / 2, s.max];
      out.push({
        attack: "five-scores",
        unit: path,
        dimension: id,
        value: scores[1]!,
        detail: scores.map((x) => x.toFixed(2)).join(" "),
      });
    }
  }
  return out;
}

/**
 * 7. Department weighting: the administration is the mean of department means, the groups pool
 * respondents. With two hidden departments of one group each and every other cell of that group
 * shown, two equations give both hidden means. `counts` holds the public respondent counts.
 */
export function departmentWeighting(a: Assessment, counts: ReadonlyMap<string, number>): Finding[] {
  if (a.settings.administrationWeighting !== "department") return [];
  const out: Finding[] = [];
  for (const id of dimIds(a)) {
    const A = dim(a.administration, id);
    if (!shown(A)) continue;
    const hidden = a.departments.filter((d) => isHidden(d, id));
    const visible = a.departments.filter((d) => !isHidden(d, id) && shown(dim(d, id)));
    if (hidden.length !== 2) continue;
    const D = hidden.length + visible.length;
    const c1 = D * A.mean - visible.reduce((s, d) => s + dim(d, id)!.mean!, 0);
    for (const g of a.groups) {
      const G = dim(g, id);
      if (!shown(G)) continue;
      const cells = a.departments
        .filter((d) => !hidden.includes(d))
        .map((d) => (d.groups ?? []).find((x) => x.id === g.id));
      if (!cells.every((c) => c === undefined || shown(dim(c, id)))) continue;
      const c2 =
        G.n * G.mean - cells.reduce((s, c) => s + (c ? dim(c, id)!.n * dim(c, id)!.mean! : 0), 0);
      const [x, y] = hidden.map((d) => counts.get(`department:${d.id}/group:${g.id}#${id}`) ?? 0);
      const [nx, ny] = hidden.map((d) => counts.get(`department:${d.id}#${id}`) ?? 0);
      // Only when each hidden department is this group alone.
      if (x !== nx || y !== ny || !x || !y || x === y) continue;
      const mb = (c2 - x * c1) / (y - x);
      out.push({
        attack: "department-weighting",
        unit: `department:${hidden[0]!.id}`,
        dimension: id,
        value: c1 - mb,
      });
      out.push({
        attack: "department-weighting",
        unit: `department:${hidden[1]!.id}`,
        dimension: id,
        value: mb,
      });
    }
  }
  return out;
}

/** Respondent counts per cell and dimension ("department:x/group:y#dim"), from a k = 1 run. */
export function publicCounts(truth: Assessment): Map<string, number> {
  const out = new Map<string, number>();
  for (const [path, u] of allUnits(truth))
    for (const d of u.dimensions) out.set(`${path}#${d.id}`, d.n);
  return out;
}

/**
 * 8. The auditor as attacker: every released mean, minimum and maximum as a linear program over
 * the cells (counts from the truth, as if public). Findings: hidden cells below k whose interval
 * is narrower than 2p.
 */
export function linearProgram(
  a: Assessment,
  truth: Assessment,
  internal: (g: string) => boolean,
  p: number,
): Finding[] {
  const k = a.settings.minGroupSize;
  const published = new Map(allUnits(a));
  const out: Finding[] = [];
  for (const id of dimensionIds(truth)) {
    const t = buildTable(truth, id, internal);
    const released = new Map<string, Released>();
    for (const c of t.cells) {
      const u = published.get(c.key);
      if (!u || u.suppressed) continue;
      const s = id === OVERALL ? u.overall : dim(u, id);
      if (!s || s.mean === undefined || ("suppressed" in s && s.suppressed)) continue;
      released.set(c.key, {
        mean: s.mean,
        ...(s.min !== undefined && s.max !== undefined ? { min: s.min, max: s.max } : {}),
      });
    }
    for (const iv of intervals(t, released))
      if (iv.n < k && iv.high - iv.low < 2 * p - 1e-6)
        out.push({
          attack: "linear-program",
          unit: iv.key,
          dimension: id,
          value: (iv.low + iv.high) / 2,
          detail: `[${iv.low.toFixed(3)}, ${iv.high.toFixed(3)}] n=${iv.n}`,
        });
  }
  return out;
}
