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
import { type CellValues, DEFAULT_PROTECTION, protectTable } from "./protect.js";
import { buildTable, dimensionIds, OVERALL } from "./table.js";

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

/**
 * The disclosure step. Expert assessments (departments assessed by interview, `method`) are
 * released as they are: declared as such, they are no anonymous survey, and they are part of no
 * published total, so nothing else can be derived from them or them from anything else.
 */
export function applySuppression(
  a: Assessment,
  rootGroups: ReadonlyMap<string, { perspective: string }>,
): Assessment {
  const experts = a.departments.filter((d) => d.method === "interview");
  if (experts.length === 0) return suppressSurvey(a, rootGroups);
  const r = suppressSurvey(
    { ...a, departments: a.departments.filter((d) => d.method !== "interview") },
    rootGroups,
  );
  const order = a.departments.map((d) => d.id);
  return {
    ...r,
    departments: [...r.departments, ...experts].sort(
      (x, y) => order.indexOf(x.id) - order.indexOf(y.id),
    ),
  };
}

function suppressSurvey(
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
      suppression: { minGroupSize: k, protectionInterval: DEFAULT_PROTECTION, records },
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
      // A hidden group total publishes no sum to subtract from (the dimension tables check the rest).
      if (groupHidden.has(gid)) continue;
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

  // Cells of every dimension (and of the respondents' overall scores): primary, complementary.
  const unitOf = (key: string): SuppressionReason | undefined => {
    const [first, second] = key.split("/");
    const [kind, id = ""] = (first ?? "").split(":");
    if (kind === "department") {
      const dept = deptHidden.get(id);
      if (dept || !second) return dept;
      return cellHidden.get(`${id}/${second.slice("group:".length)}`);
    }
    return kind === "group" ? groupHidden.get(id) : undefined;
  };
  const cells = decideCells(a, internal, unitOf);
  const shown = (u: Unit, path: string): Unit => releaseUnit(u, path, cells, k, records);

  const departments = a.departments.map((d) => {
    const reason = deptHidden.get(d.id);
    if (reason) {
      records.push({ unit: `department:${d.id}`, reason });
      return hideUnit(d, reason);
    }
    const groups = (d.groups ?? []).map((g) => {
      const r = cellHidden.get(`${d.id}/${g.id}`);
      if (!r) return shown(g, `department:${d.id}/group:${g.id}`);
      records.push({ unit: `department:${d.id}/group:${g.id}`, reason: r });
      return hideUnit(g, r);
    });
    const unit = shown(d, `department:${d.id}`);
    const hiddenDims = new Set(unit.dimensions.filter((x) => x.suppressed).map((x) => x.id));
    return {
      ...unit,
      groups,
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
  const administration = suppressAdministrationItems(
    a,
    shown(a.administration, "administration"),
    departments,
    k,
  );
  const groups = a.groups.map((g) => {
    const r = groupHidden.get(g.id);
    if (!r) {
      const unit = shown(g, `group:${g.id}`);
      return unit.items
        ? {
            ...unit,
            items: unit.items.map((i) => (asked(i) < k ? hideItem(i, "below-minimum") : i)),
          }
        : unit;
    }
    records.push({ unit: `group:${g.id}`, reason: r });
    return hideUnit(g, r);
  });
  const shownExternal = new Set(groups.filter((g) => !g.suppressed).map((g) => g.id));
  const shownAdmin = new Set(
    administration.dimensions.filter((x) => !x.suppressed).map((x) => x.id),
  );
  return {
    ...a,
    administration,
    departments,
    groups,
    comparisons: a.comparisons
      .filter(
        (c) =>
          shownExternal.has(c.external.group) && c.external.n >= k && shownAdmin.has(c.dimension),
      )
      // The interval gives the standard errors, so the sd, back: only where the sd is shown.
      .map((c) =>
        c.internal.n >= 2 * k && c.external.n >= 2 * k
          ? c
          : {
              dimension: c.dimension,
              internal: c.internal,
              external: c.external,
              difference: c.difference,
            },
      ),
    suppression: { minGroupSize: k, protectionInterval: DEFAULT_PROTECTION, records },
  };
}

/**
 * Per dimension, the hidden cells (by unit path) and why: cells of hidden units, cells below k,
 * and the complementary suppressions protectTable adds.
 */
function decideCells(
  a: Assessment,
  internal: (group: string) => boolean,
  unitOf: (key: string) => SuppressionReason | undefined,
): Map<string, Map<string, SuppressionReason>> {
  const k = a.settings.minGroupSize;
  const out = new Map<string, Map<string, SuppressionReason>>();
  const units = new Map<string, Unit>([["administration", a.administration]]);
  for (const d of a.departments) {
    units.set(`department:${d.id}`, d);
    for (const g of d.groups ?? []) units.set(`department:${d.id}/group:${g.id}`, g);
  }
  for (const g of a.groups) units.set(`group:${g.id}`, g);
  for (const dim of dimensionIds(a)) {
    const table = buildTable(a, dim, internal);
    const hidden = new Map<string, SuppressionReason>();
    const values = new Map<string, CellValues>();
    for (const c of table.cells) {
      const unitReason = unitOf(c.key);
      if (unitReason) hidden.set(c.key, unitReason);
      else if (c.n < k) hidden.set(c.key, "below-minimum");
      const u = units.get(c.key);
      const x = u && (dim === OVERALL ? u.overall : u.dimensions.find((y) => y.id === dim));
      if (x?.mean !== undefined)
        values.set(c.key, {
          mean: x.mean,
          ...(x.min !== undefined ? { min: x.min } : {}),
          ...(x.max !== undefined ? { max: x.max } : {}),
        });
    }
    protectTable(table, values, hidden, k, DEFAULT_PROTECTION, 2 * k);
    out.set(dim, hidden);
  }
  return out;
}

/** Statistics that single out respondents (or give the sd back): released only from n ≥ 2k. */
const SMALL_CELL_STATISTICS = ["median", "sd", "ciLow", "ciHigh", "min", "max"] as const;

function withoutSmallCellStatistics<T extends { readonly n?: number }>(x: T, k: number): T {
  if (x.n === undefined || x.n >= 2 * k) return x;
  const out: Record<string, unknown> = { ...x };
  for (const key of SMALL_CELL_STATISTICS) delete out[key];
  return out as T;
}

/**
 * A shown unit as released: hidden dimension cells and a hidden overall block without numbers,
 * small-cell statistics withheld, and everything a hidden dimension could be recomputed from
 * (index, areas, percent-to-target) gone; priorities ranked among the shown dimensions only.
 */
function releaseUnit(
  u: Unit,
  path: string,
  cells: ReadonlyMap<string, ReadonlyMap<string, SuppressionReason>>,
  k: number,
  records: SuppressionRecord[],
): Unit {
  const dimensions = u.dimensions.map((x) => {
    const r = x.n > 0 ? cells.get(x.id)?.get(path) : undefined;
    if (r) {
      records.push({ unit: path, dimension: x.id, reason: r });
      return hideDimension(x, r);
    }
    if (x.n > 0 && x.n < 2 * k) records.push({ unit: path, dimension: x.id, reason: "small-cell" });
    return withoutSmallCellStatistics(x, k);
  });
  const hidden = new Set(dimensions.filter((x) => x.suppressed).map((x) => x.id));
  const overallReason = cells.get(OVERALL)?.get(path);
  const o = u.overall;
  let overall = o;
  if (overallReason && o.n !== undefined && o.n > 0) {
    records.push({ unit: path, dimension: OVERALL, reason: overallReason });
    overall = { score: o.score, level: o.level };
  } else if (o.n !== undefined && o.n > 0 && o.n < 2 * k) {
    records.push({ unit: path, dimension: OVERALL, reason: "small-cell" });
    overall = withoutSmallCellStatistics(o, k);
  }
  const base = withoutDerivable({ ...u, overall }, hidden);
  return {
    ...base,
    dimensions,
    ...(u.priorities
      ? {
          priorities: u.priorities
            .filter((x) => !hidden.has(x.dimension))
            .map((x, i) => ({ ...x, rank: i + 1 })),
        }
      : {}),
  };
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
function suppressAdministrationItems(
  a: Assessment,
  released: Unit,
  departments: readonly Unit[],
  k: number,
): Unit {
  const admin = withShownFreeText(released, departments);
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
