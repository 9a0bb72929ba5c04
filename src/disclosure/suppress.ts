// Anonymity: a cell with fewer than k respondents never appears (primary suppression), and when a
// total is shown, further cells are hidden until the hidden ones cannot be recovered by subtracting
// the shown ones from it (secondary suppression): at least two hidden cells per total, together
// holding at least k respondents.

import type {
  Assessment,
  DimensionResult,
  ItemResult,
  SuppressionReason,
  SuppressionRecord,
  Unit,
} from "../scoring/assessment.js";
import { compareStrings } from "../util/order.js";

interface Entry {
  readonly key: string;
  readonly n: number;
}

/** Keys to hide among the parts of one shown total (adds to `hidden`, returns reasons). */
export function suppressPartition(
  parts: readonly Entry[],
  k: number,
  hidden: Map<string, SuppressionReason>,
): boolean {
  let changed = false;
  for (const p of parts) {
    if (p.n < k && !hidden.has(p.key)) {
      hidden.set(p.key, "below-minimum");
      changed = true;
    }
  }
  for (;;) {
    const h = parts.filter((p) => hidden.has(p.key));
    const sum = h.reduce((s, p) => s + p.n, 0);
    if (h.length === 0 || (h.length >= 2 && sum >= k)) break;
    const next = parts
      .filter((p) => !hidden.has(p.key))
      .sort((a, b) => a.n - b.n || compareStrings(a.key, b.key))[0];
    if (!next) break;
    hidden.set(next.key, "secondary");
    changed = true;
  }
  return changed;
}

function hideUnit(u: Unit, reason: SuppressionReason): Unit {
  return {
    id: u.id,
    kind: u.kind,
    name: u.name,
    names: u.names,
    ...(u.group ? { group: u.group } : {}),
    respondents: null,
    suppressed: reason,
    overall: { score: null, level: null },
    dimensions: [],
  };
}

function hideDimension(d: DimensionResult, reason: SuppressionReason): DimensionResult {
  return {
    id: d.id,
    name: d.name,
    names: d.names,
    n: 0,
    suppressed: reason,
    ...(d.target ? { target: d.target } : {}),
    ...(d.targetScore !== undefined ? { targetScore: d.targetScore } : {}),
  };
}

export function applySuppression(
  a: Assessment,
  rootGroups: ReadonlyMap<string, { perspective: string }>,
): Assessment {
  const k = a.settings.minGroupSize;
  const records: SuppressionRecord[] = [];
  const internal = (g: string) => rootGroups.get(g)?.perspective !== "external";

  // The administration itself.
  if ((a.administration.respondents ?? 0) < k) {
    records.push({ unit: "administration", reason: "below-minimum" });
    return {
      ...a,
      administration: hideUnit(a.administration, "below-minimum"),
      departments: a.departments.map((d) => hideUnit(d, "below-minimum")),
      groups: a.groups.map((g) => (internal(g.id) ? hideUnit(g, "below-minimum") : g)),
      comparisons: [],
      suppression: { minGroupSize: k, records },
    };
  }

  // Departments within the administration; administration groups (internal) likewise.
  const deptHidden = new Map<string, SuppressionReason>();
  suppressPartition(
    a.departments.map((d) => ({ key: d.id, n: d.respondents ?? 0 })),
    k,
    deptHidden,
  );
  const groupHidden = new Map<string, SuppressionReason>();
  suppressPartition(
    a.groups.filter((g) => internal(g.id)).map((g) => ({ key: g.id, n: g.respondents ?? 0 })),
    k,
    groupHidden,
  );
  for (const g of a.groups)
    if (!internal(g.id) && (g.respondents ?? 0) < k) groupHidden.set(g.id, "below-minimum");

  // Department × group cells: within each department, and across departments per group.
  const cellHidden = new Map<string, SuppressionReason>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of a.departments) {
      if (deptHidden.has(d.id)) continue;
      const parts = (d.groups ?? []).map((g) => ({
        key: `${d.id}/${g.id}`,
        n: g.respondents ?? 0,
      }));
      if (parts.length > 1 || parts.some((p) => p.n < k))
        changed = suppressPartition(parts, k, cellHidden) || changed;
    }
    const groupIds = new Set(a.departments.flatMap((d) => (d.groups ?? []).map((g) => g.id)));
    for (const gid of groupIds) {
      const parts = a.departments.flatMap((d) =>
        (d.groups ?? [])
          .filter((g) => g.id === gid)
          .map((g) => ({
            key: `${d.id}/${g.id}`,
            n: deptHidden.has(d.id) ? 0 : (g.respondents ?? 0),
          })),
      );
      const visible = parts.filter((p) => !cellHidden.has(p.key) && p.n > 0);
      if (parts.some((p) => cellHidden.has(p.key)) && visible.length > 0)
        changed =
          suppressPartition(
            parts.filter((p) => p.n > 0),
            k,
            cellHidden,
          ) || changed;
    }
  }

  // Dimension cells: per dimension across the shown departments (the administration total is shown).
  const dimHidden = new Map<string, SuppressionReason>();
  const dimIds = new Set(a.departments.flatMap((d) => d.dimensions.map((x) => x.id)));
  for (const dim of dimIds) {
    const parts = a.departments
      .filter((d) => !deptHidden.has(d.id))
      .flatMap((d) =>
        d.dimensions
          .filter((x) => x.id === dim && x.n > 0)
          .map((x) => ({ key: `${d.id}#${dim}`, n: x.n })),
      );
    // A cell without any score (n = 0) shows nothing and needs no protection.
    const primary = parts.filter((p) => p.n < k);
    if (primary.length > 0) suppressPartition(parts, k, dimHidden);
  }

  const departments = a.departments.map((d) => {
    const reason = deptHidden.get(d.id);
    if (reason) {
      records.push({ unit: `department:${d.id}`, reason });
      return hideUnit(d, reason);
    }
    const dims = d.dimensions.map((x) => {
      const r = dimHidden.get(`${d.id}#${x.id}`);
      if (!r) return x;
      records.push({ unit: `department:${d.id}`, dimension: x.id, reason: r });
      return hideDimension(x, r);
    });
    const groups = (d.groups ?? []).map((g) => {
      const r = cellHidden.get(`${d.id}/${g.id}`);
      if (!r) return suppressSmallDims(g, k, `department:${d.id}/group:${g.id}`, records);
      records.push({ unit: `department:${d.id}/group:${g.id}`, reason: r });
      return hideUnit(g, r);
    });
    const hiddenDims = new Set(dims.filter((x) => x.suppressed).map((x) => x.id));
    return {
      ...withoutDerivable(d, hiddenDims),
      dimensions: dims,
      groups,
      ...(d.priorities
        ? { priorities: d.priorities.filter((p) => !hiddenDims.has(p.dimension)) }
        : {}),
      ...(d.items
        ? {
            items: d.items.map((i) =>
              hiddenDims.has(i.dimension)
                ? hideItem(i, "secondary")
                : asked(i) < k
                  ? hideItem(i, "below-minimum")
                  : i,
            ),
          }
        : {}),
    };
  });
  const administration = suppressAdministrationItems(a, departments, k);
  const groups = a.groups.map((g) => {
    const r = groupHidden.get(g.id);
    if (!r) {
      const shown = suppressSmallDims(g, k, `group:${g.id}`, records);
      return shown.items
        ? {
            ...shown,
            items: shown.items.map((i) => (asked(i) < k ? hideItem(i, "below-minimum") : i)),
          }
        : shown;
    }
    records.push({ unit: `group:${g.id}`, reason: r });
    return hideUnit(g, r);
  });
  const shownExternal = new Set(groups.filter((g) => !g.suppressed).map((g) => g.id));
  return {
    ...a,
    administration,
    departments,
    groups,
    comparisons: a.comparisons.filter(
      (c) => shownExternal.has(c.external.group) && c.external.n >= k,
    ),
    suppression: { minGroupSize: k, records },
  };
}

function suppressSmallDims(u: Unit, k: number, path: string, records: SuppressionRecord[]): Unit {
  if (!u.dimensions.some((d) => d.n < k && !d.suppressed && d.mean !== undefined)) return u;
  const dimensions = u.dimensions.map((d) => {
    if (d.n >= k || d.mean === undefined) return d;
    records.push({ unit: path, dimension: d.id, reason: "below-minimum" });
    return hideDimension(d, "below-minimum");
  });
  const hidden = new Set(dimensions.filter((d) => d.suppressed).map((d) => d.id));
  return { ...withoutDerivable(u, hidden), dimensions };
}

/**
 * A hidden dimension mean could be recomputed from the unit's index, an area score or the
 * percent-to-target together with the shown dimensions: those go too.
 */
function withoutDerivable(u: Unit, hidden: ReadonlySet<string>): Unit {
  if (hidden.size === 0) return u;
  return {
    ...u,
    overall: { score: null, level: null },
    ...(u.percentToTarget !== undefined ? { percentToTarget: null } : {}),
    ...(u.areas ? { areas: u.areas.filter((x) => !x.dimensions.some((d) => hidden.has(d))) } : {}),
  };
}

/**
 * The administration's free text is the union of the shown departments' answers, so nothing a
 * suppressed department wrote can be singled out by comparing lists.
 */
function withShownFreeText(admin: Unit, departments: readonly Unit[]): Unit {
  if (!admin.freeText) return admin;
  const shown = departments.filter((d) => !d.suppressed);
  return {
    ...admin,
    freeText: admin.freeText.map((t) => ({
      ...t,
      answers: shown
        .flatMap((d) => d.freeText?.find((x) => x.item === t.item)?.answers ?? [])
        .sort(compareStrings),
    })),
  };
}

/** Respondents an item was put to (answered, don't know, not applicable or left blank). */
function asked(i: ItemResult): number {
  return i.n + i.dontKnow + i.notApplicable + i.blank;
}

/**
 * The administration's item results: only items of the root questionnaire (a department's own
 * items are shown in that department alone), and only where the respondents of suppressed
 * departments cannot be recovered by subtracting the shown departments' counts.
 */
function suppressAdministrationItems(a: Assessment, departments: readonly Unit[], k: number): Unit {
  const admin = withShownFreeText(a.administration, departments);
  if (!admin.items) return admin;
  const root = new Set(
    a.items.filter((i) => i.questionnaires.includes(a.questionnaire.id)).map((i) => i.id),
  );
  const shownAsked = new Map<string, number>();
  for (const d of departments) {
    if (d.suppressed) continue;
    for (const i of d.items ?? []) shownAsked.set(i.id, (shownAsked.get(i.id) ?? 0) + asked(i));
  }
  return {
    ...admin,
    items: admin.items.flatMap((i) => {
      if (!root.has(i.id)) return [];
      const residual = asked(i) - (shownAsked.get(i.id) ?? 0);
      if (asked(i) < k) return [hideItem(i, "below-minimum")];
      if (residual > 0 && residual < k) return [hideItem(i, "secondary")];
      return [i];
    }),
  };
}

/** An item result with its counts removed, marked with why. */
export function hideItem(
  i: Pick<ItemResult, "id" | "dimension">,
  reason: SuppressionReason,
): ItemResult {
  return {
    id: i.id,
    dimension: i.dimension,
    n: 0,
    dontKnow: 0,
    notApplicable: 0,
    blank: 0,
    skipped: 0,
    counts: {},
    suppressed: reason,
  };
}
