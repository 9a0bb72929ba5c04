// The published numbers of one dimension as a linear system over the hierarchy.
//
// Atoms are the smallest groups of respondents the assessment distinguishes: a department ×
// group cell, and per group the respondents without a department (never published on their
// own). Every published cell of the dimension — the administration, a department, a
// department × group cell, a group across the administration — has a mean that is a linear
// combination of its atoms' means with known coefficients (shares of respondents; with
// department weighting the administration gives each department 1/D). Respondent counts are
// treated as public, so the coefficients are known to a reader.

import type { Assessment, Unit } from "../scoring/assessment.js";
import { compareStrings } from "../util/order.js";

/** The pseudo-dimension of the respondents' overall scores (a unit's `overall` block). */
export const OVERALL = "@overall";

export interface Atom {
  readonly key: string;
  readonly n: number;
  /** The true mean (the disclosure step) or NaN (unknown to a reader). */
  readonly mean: number;
}

export interface TableCell {
  /** The unit path of suppression records: "administration", "department:x/group:y", "group:y". */
  readonly key: string;
  readonly n: number;
  /** mean = Σ coefficient · atom mean, over these [atom index, coefficient] terms. */
  readonly terms: readonly (readonly [number, number])[];
}

/** A published total and the published parts it is the sum of; `remainder` counts the rest. */
export interface Relation {
  readonly total: string;
  readonly parts: readonly string[];
  /** Respondents of the total in no part (e.g. without a department): never published alone. */
  readonly remainder: number;
}

export interface DimTable {
  readonly dimension: string;
  readonly atoms: readonly Atom[];
  readonly cells: readonly TableCell[];
  readonly relations: readonly Relation[];
}

interface Moments {
  readonly n: number;
  readonly mean?: number;
}

/** A unit's numbers for one dimension (or its overall block). */
export function momentsOf(u: Unit, dimension: string): Moments | undefined {
  if (dimension === OVERALL) {
    const o = u.overall;
    return o.n !== undefined && o.n > 0
      ? { n: o.n, ...(o.mean !== undefined ? { mean: o.mean } : {}) }
      : undefined;
  }
  const d = u.dimensions.find((x) => x.id === dimension);
  return d && d.n > 0 ? { n: d.n, ...(d.mean !== undefined ? { mean: d.mean } : {}) } : undefined;
}

/** Every dimension id any unit has, in first-seen order, then the overall block. */
export function dimensionIds(a: Assessment): string[] {
  const seen = new Set<string>();
  for (const u of [a.administration, ...a.departments, ...a.groups])
    for (const d of u.dimensions) seen.add(d.id);
  return [...seen, OVERALL];
}

const cellKey = (dept: string, group: string) => `department:${dept}/group:${group}`;

/**
 * The dimension's table, from an assessment whose every cell has its numbers (the draft before
 * disclosure, or one scored with k = 1). `internal` tells the administration's groups.
 */
export function buildTable(
  a: Assessment,
  dimension: string,
  internal: (group: string) => boolean,
): DimTable {
  const atoms: Atom[] = [];
  const cells: TableCell[] = [];
  const relations: Relation[] = [];
  const atomsOfGroup = new Map<string, number[]>();
  const deptAtoms = new Map<string, number[]>();
  const addAtom = (key: string, m: Moments, group: string): number => {
    atoms.push({ key, n: m.n, mean: m.mean ?? Number.NaN });
    const i = atoms.length - 1;
    atomsOfGroup.set(group, [...(atomsOfGroup.get(group) ?? []), i]);
    return i;
  };
  const share = (list: readonly number[]) => {
    const total = list.reduce((s, i) => s + atoms[i]!.n, 0);
    return list.map((i) => [i, atoms[i]!.n / total] as const);
  };

  for (const d of a.departments) {
    const own: number[] = [];
    const parts: string[] = [];
    for (const g of d.groups ?? []) {
      const m = momentsOf(g, dimension);
      if (!m) continue;
      const i = addAtom(cellKey(d.id, g.id), m, g.id);
      own.push(i);
      parts.push(cellKey(d.id, g.id));
      cells.push({ key: cellKey(d.id, g.id), n: m.n, terms: [[i, 1]] });
    }
    const m = momentsOf(d, dimension);
    if (!m || own.length === 0) continue;
    deptAtoms.set(d.id, own);
    cells.push({ key: `department:${d.id}`, n: m.n, terms: share(own) });
    relations.push({
      total: `department:${d.id}`,
      parts,
      remainder: Math.max(0, m.n - own.reduce((s, i) => s + atoms[i]!.n, 0)),
    });
  }

  // Groups across the administration: their department cells and the rest (no department).
  const groupCells: string[] = [];
  for (const g of a.groups) {
    const m = momentsOf(g, dimension);
    if (!m) continue;
    const inDepts = [...(atomsOfGroup.get(g.id) ?? [])];
    const rest = m.n - inDepts.reduce((s, i) => s + atoms[i]!.n, 0);
    if (rest > 0) {
      const sum = (m.mean ?? Number.NaN) * m.n;
      const deptSum = inDepts.reduce((s, i) => s + atoms[i]!.mean * atoms[i]!.n, 0);
      const mean = Math.min(100, Math.max(0, (sum - deptSum) / rest));
      addAtom(`group:${g.id}/unassigned`, { n: rest, mean }, g.id);
    }
    const list = atomsOfGroup.get(g.id) ?? [];
    cells.push({ key: `group:${g.id}`, n: m.n, terms: share(list) });
    relations.push({
      total: `group:${g.id}`,
      parts: inDepts.map((i) => atoms[i]!.key),
      remainder: Math.max(0, rest),
    });
    if (internal(g.id)) groupCells.push(`group:${g.id}`);
  }

  const admin = momentsOf(a.administration, dimension);
  if (admin) {
    const inner = [...atomsOfGroup.entries()]
      .filter(([g]) => internal(g))
      .flatMap(([, list]) => list)
      .sort((x, y) => x - y);
    const departmentWeighted = a.settings.administrationWeighting === "department";
    let terms: (readonly [number, number])[] = share(inner);
    if (departmentWeighted) {
      const strata = [...deptAtoms.values()]
        .map((list) => list.filter((i) => inner.includes(i)))
        .filter((list) => list.length > 0);
      terms = strata.flatMap((list) =>
        share(list).map(([i, c]) => [i, c / strata.length] as const),
      );
    }
    if (terms.length > 0) {
      cells.push({ key: "administration", n: admin.n, terms });
      const depts = a.departments
        .filter((d) => deptAtoms.get(d.id)?.every((i) => inner.includes(i)))
        .map((d) => `department:${d.id}`);
      const nOf = (key: string) => cells.find((c) => c.key === key)?.n ?? 0;
      const covered = depts.reduce((s, k) => s + nOf(k), 0);
      relations.push({
        total: "administration",
        parts: depts,
        remainder: Math.max(0, admin.n - covered),
      });
      if (!departmentWeighted && groupCells.length > 0)
        relations.push({
          total: "administration",
          parts: groupCells,
          remainder: Math.max(0, admin.n - groupCells.reduce((s, k) => s + nOf(k), 0)),
        });
    }
  }
  cells.sort((x, y) => compareStrings(x.key, y.key));
  return { dimension, atoms, cells, relations };
}
