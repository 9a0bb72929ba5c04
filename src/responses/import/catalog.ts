// What an export is matched against: every item of the loaded questionnaires (ids are unique
// across a composed set, so one union serves every department), their texts in every language,
// grid rows, choices and scale labels, departments and respondent groups.
import { type MissingLabels, missingLabels } from "../../questionnaire/missing.js";
import type { Item, Questionnaire, Scale } from "../../questionnaire/model.js";
import { limesurveyAnswerCodes, limesurveyCode } from "./presets/limesurvey.js";
import { normalizeKey } from "./text.js";

/** Where a column's answers go: an item, a grid row of it, or one choice of a multi item. */
export interface ColumnTarget {
  readonly item: string;
  readonly row?: string;
  readonly choice?: string;
  /** LimeSurvey's free text beside a question: its "Other" text, or a comment (of a choice). */
  readonly text?: "other" | "comment";
}

export interface CatalogItem {
  readonly item: Item;
  /** The scale of likert and grid items, resolved in the questionnaire the item came from. */
  readonly scale?: Scale;
  /** Yes/no and number items: the questionnaire's own labels of its missing answers. */
  readonly missing?: MissingLabels;
}

export interface Catalog {
  readonly items: ReadonlyMap<string, CatalogItem>;
  /** Normalised item id or text (any language) → item id. */
  readonly itemByKey: ReadonlyMap<string, string>;
  /** Department id → questionnaire department name per language. */
  readonly departmentNames: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** Normalised department id or name (any language) → department id. */
  readonly departmentByKey: ReadonlyMap<string, string>;
  /** Normalised group id or name → group id. */
  readonly groupByKey: ReadonlyMap<string, string>;
  /** Group ids whose perspective is external (their respondents need no department). */
  readonly externalGroups: ReadonlySet<string>;
  readonly groupIds: readonly string[];
}

/** A department known from a project file (reifegrad.yaml), with or without a questionnaire. */
export interface KnownDepartment {
  readonly id: string;
  readonly name?: Readonly<Record<string, string>>;
  readonly aliases?: readonly string[];
}

export function buildCatalog(
  questionnaires: readonly Questionnaire[],
  projectDepartments: readonly KnownDepartment[] = [],
): Catalog {
  const items = new Map<string, CatalogItem>();
  const itemByKey = new Map<string, string>();
  const departmentNames = new Map<string, Readonly<Record<string, string>>>();
  const departmentByKey = new Map<string, string>();
  const groupByKey = new Map<string, string>();
  const externalGroups = new Set<string>();
  const groupIds: string[] = [];
  // Ids first (they win over texts), then texts in questionnaire order.
  for (const q of questionnaires) {
    for (const item of q.items) {
      if (items.has(item.id)) continue;
      const scale = "scale" in item ? q.scales.get(item.scale) : undefined;
      const own = item.type === "yesno" || item.type === "number";
      items.set(
        item.id,
        scale ? { item, scale } : own ? { item, missing: missingLabels(q) } : { item },
      );
      itemByKey.set(normalizeKey(item.id), item.id);
    }
  }
  // Then the codes a LimeSurvey survey built from them has (`str01` for `str_01`).
  for (const id of items.keys()) {
    const k = normalizeKey(limesurveyCode(id));
    if (!itemByKey.has(k)) itemByKey.set(k, id);
  }
  for (const q of questionnaires) {
    for (const item of q.items) {
      for (const t of Object.values(item.text)) {
        const k = normalizeKey(t);
        if (k !== "" && !itemByKey.has(k)) itemByKey.set(k, item.id);
      }
    }
    if (q.department) {
      departmentNames.set(q.department.id, q.department.name);
      departmentByKey.set(normalizeKey(q.department.id), q.department.id);
    }
    for (const g of q.groups) {
      if (!groupIds.includes(g.id)) groupIds.push(g.id);
      if (g.perspective === "external") externalGroups.add(g.id);
      groupByKey.set(normalizeKey(g.id), g.id);
    }
  }
  for (const q of questionnaires) {
    if (q.department) {
      for (const name of Object.values(q.department.name)) {
        const k = normalizeKey(name);
        if (!departmentByKey.has(k)) departmentByKey.set(k, q.department.id);
      }
    }
    for (const g of q.groups) {
      for (const name of Object.values(g.name)) {
        const k = normalizeKey(name);
        if (!groupByKey.has(k)) groupByKey.set(k, g.id);
      }
    }
  }
  // The short codes a LimeSurvey survey gives long group and department ids ("manag").
  const short = (ids: readonly string[], byKey: Map<string, string>) => {
    for (const [id, code] of limesurveyAnswerCodes(ids))
      if (code !== id && !byKey.has(normalizeKey(code))) byKey.set(normalizeKey(code), id);
  };
  short(groupIds, groupByKey);
  short(
    [...new Set([...departmentNames.keys(), ...projectDepartments.map((d) => d.id)])],
    departmentByKey,
  );
  // Departments of a project file: known (no "without questionnaire" warning), matched by id,
  // name and the aliases the exports use ("Amt 33").
  for (const d of projectDepartments) {
    if (!departmentNames.has(d.id)) departmentNames.set(d.id, d.name ?? { de: d.id, en: d.id });
    for (const name of [d.id, ...Object.values(d.name ?? {}), ...(d.aliases ?? [])]) {
      const k = normalizeKey(name);
      if (k !== "" && !departmentByKey.has(k)) departmentByKey.set(k, d.id);
    }
  }
  return {
    items,
    itemByKey,
    departmentNames,
    departmentByKey,
    groupByKey,
    externalGroups,
    groupIds,
  };
}

/** Grid row or multi choice of an item by id (or its LimeSurvey code) or text (any language). */
export function findSub(item: Item, sub: string): { row?: string; choice?: string } | undefined {
  const k = normalizeKey(sub);
  const is = (id: string, texts: Readonly<Record<string, string>>) =>
    normalizeKey(id) === k ||
    normalizeKey(limesurveyCode(id)) === k ||
    Object.values(texts).some((t) => normalizeKey(t) === k);
  if (item.type === "grid") {
    const r = item.rows.find((r) => is(r.id, r.text));
    return r ? { row: r.id } : undefined;
  }
  if (item.type === "multi") {
    const c = item.choices.find((c) => is(c.code, c.label));
    return c ? { choice: c.code } : undefined;
  }
  return undefined;
}

/** Answer keys of an item (grid rows as `item[row]`). */
export function answerKeys(item: Item): string[] {
  return item.type === "grid" ? item.rows.map((r) => `${item.id}[${r.id}]`) : [item.id];
}
