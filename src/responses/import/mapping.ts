// The mapping file (YAML, see docs/mapping-format.md): what a survey export's columns, labels and
// department names mean, when the automatic matching is not enough. Parsing is pure; every
// problem carries file:line:column.
import { type Said, said } from "../../messages/catalogue.js";
import { codedFrom, type Problem } from "../../problem.js";
import { isRecord } from "../../questionnaire/shape.js";
import { closest } from "../../questionnaire/suggest.js";
import { type Path, parseYaml, type SourceFile } from "../../questionnaire/yaml-source.js";
import type { Catalog, ColumnTarget } from "./catalog.js";
import type { Mapping } from "./mapping-model.js";
import { PRESET_IDS, type PresetId } from "./presets/index.js";
import { normalizeKey } from "./text.js";
import { codesOf, mappableCodes } from "./values.js";

export { EMPTY_MAPPING, type Mapping } from "./mapping-model.js";

const TOP = [
  "format",
  "preset",
  "respondent",
  "department",
  "group",
  "submitted",
  "columns",
  "aliases",
  "values",
  "itemValues",
  "departments",
  "groups",
];

/** What each section's reader needs: the parsed file, the catalog, and where problems go. */
interface Reading {
  readonly data: Record<string, unknown>;
  readonly catalog: Catalog;
  readonly itemIds: readonly string[];
  /** Records a problem at a value (or, with `key`, at its key). */
  readonly err: (says: Said, path: Path, key?: boolean) => void;
}

/** Parses a mapping file section by section; problems come in the order of the sections read. */
export function parseMapping(
  source: SourceFile,
  catalog: Catalog,
): { mapping?: Mapping; problems: Problem[] } {
  const { parsed, problems } = parseYaml(source);
  if (!parsed) return { problems };
  const out = [...problems];
  const y = parsed;
  const err = (says: Said, path: Path, key = false) =>
    out.push(codedFrom(says, key ? y.keyAt(path) : y.at(path)));
  const data = y.data ?? {};
  if (!isRecord(data)) {
    err(said("mapping-shape.document", {}), []);
    return { problems: out };
  }
  const r: Reading = { data, catalog, itemIds: [...catalog.items.keys()], err };
  checkTopLevel(r);
  const preset = presetOf(r);
  const columns = columnsOf(r);
  addAliases(r, columns);
  // A code no item has would map its answers to nothing: a typo, refused like itemValues'.
  const anyCode = mappableCodes(catalog.items.values());
  const values = labels(r, section(r, "values"), ["values"], anyCode, (code) =>
    // A one- or two-character code is "near" every other: a suggestion only for longer ones.
    said("unknown-code.values", {
      code,
      closest: code.length > 2 ? closest(code, anyCode) : undefined,
    }),
  );
  const itemValues = itemValuesOf(r);
  const departments = departmentsOf(r);
  const groups = groupsOf(r);
  const respondent = heading(r, "respondent");
  const department = heading(r, "department");
  const group = heading(r, "group");
  const submitted = heading(r, "submitted");
  const lines = new Map<string, { text: string; line: number }>();
  const keys = new Map<string, string>();
  for (const h of Object.keys(isRecord(data.columns) ? data.columns : {})) {
    const line = y.keyAt(["columns", h]).line;
    keys.set(normalizeKey(h), h);
    if (line !== undefined) lines.set(normalizeKey(h), { text: h, line });
  }
  const roles = { respondent, department, group, submitted };
  for (const [role, h] of Object.entries(roles)) {
    const line = y.at([role]).line;
    if (h === undefined || line === undefined) continue;
    // A role column marked `ignore` would silently turn the role off.
    if (columns.get(h) === "ignore" && keys.has(h))
      err(
        said("ignored-role-column.mapping", { heading: String(data[role]), role, line }),
        ["columns", keys.get(h)!],
        true,
      );
    lines.set(h, { text: String(data[role]), line });
  }
  const mapping: Mapping = {
    file: source.path,
    lines,
    ...(preset ? { preset } : {}),
    ...(respondent ? { respondent } : {}),
    ...(department ? { department } : {}),
    ...(group ? { group } : {}),
    ...(submitted ? { submitted } : {}),
    columns,
    values,
    itemValues,
    departments,
    groups,
  };
  return { mapping, problems: out };
}

/** Unknown top-level keys, and `format:` (only 1 exists). */
function checkTopLevel({ data, err }: Reading): void {
  for (const k of Object.keys(data)) {
    if (!TOP.includes(k))
      err(said("unknown-key.mapping", { key: k, closest: closest(k, TOP), keys: TOP }), [k], true);
  }
  if (data.format !== undefined && data.format !== 1) err(said("mapping-format", {}), ["format"]);
}

/** `preset:` — a forced export dialect. */
function presetOf({ data, err }: Reading): PresetId | undefined {
  if (data.preset === undefined) return undefined;
  if (typeof data.preset === "string" && (PRESET_IDS as readonly string[]).includes(data.preset))
    return data.preset as PresetId;
  const value = JSON.stringify(data.preset);
  err(said("unknown-preset", { value, presets: PRESET_IDS }), ["preset"]);
  return undefined;
}

/** `respondent:`, `department:`, `group:`, `submitted:` — a column heading, normalised. */
function heading({ data, err }: Reading, k: string): string | undefined {
  const v = data[k];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string" || v.trim() === "") {
    err(said("mapping-shape.heading", { key: k }), [k]);
    return undefined;
  }
  return normalizeKey(v);
}

/** A section that maps keys to values; absent or null is empty. */
function section({ data, err }: Reading, k: string): Record<string, unknown> {
  const v = data[k];
  if (v === undefined || v === null) return {};
  if (!isRecord(v)) {
    err(said("mapping-shape.section", { key: k }), [k]);
    return {};
  }
  return v;
}

/** `columns:` — heading → item id, grid row, choice, or ignore. */
function columnsOf(r: Reading): Map<string, ColumnTarget | "ignore"> {
  const columns = new Map<string, ColumnTarget | "ignore">();
  for (const [h, v] of Object.entries(section(r, "columns"))) {
    const t = target(r, v, ["columns", h]);
    if (t) columns.set(normalizeKey(h), t);
  }
  return columns;
}

/** `aliases:` — item id or `item[row]` → one heading or a list of them; added to the columns. */
function addAliases(r: Reading, columns: Map<string, ColumnTarget | "ignore">): void {
  for (const [key, v] of Object.entries(section(r, "aliases"))) {
    const texts = Array.isArray(v) ? v : [v];
    const m = /^([^[\]]+)\[([^\]]+)\]$/.exec(key);
    const t = target(r, m ? { item: m[1], row: m[2] } : key, ["aliases", key]);
    if (!t) continue;
    texts.forEach((text, i) => {
      if (typeof text !== "string") r.err(said("mapping-shape.alias", {}), ["aliases", key, i]);
      else columns.set(normalizeKey(text), t);
    });
  }
}

/** What a column is mapped to: an item, a grid row, a choice of a multi item, or ignore. */
function target(
  { catalog, itemIds, err }: Reading,
  v: unknown,
  path: Path,
): ColumnTarget | "ignore" | undefined {
  if (v === null || v === "ignore") return "ignore";
  const t = typeof v === "string" ? { item: v } : isRecord(v) ? v : undefined;
  if (!t || typeof t.item !== "string") {
    err(said("mapping-shape.target", {}), path);
    return undefined;
  }
  const ci = catalog.items.get(t.item);
  if (!ci) {
    err(
      said("unknown-item.mapping", { id: t.item, closest: closest(t.item, itemIds) }),
      typeof v === "string" ? path : [...path, "item"],
    );
    return undefined;
  }
  const item = ci.item;
  if (t.row !== undefined) {
    const rows = item.type === "grid" ? item.rows.map((r) => r.id) : [];
    if (item.type !== "grid" || !rows.includes(String(t.row))) {
      const row = String(t.row);
      const grid = item.type === "grid" ? { rows, closest: closest(row, rows) } : {};
      err(said("unknown-row", { item: item.id, row, ...grid }), [...path, "row"]);
      return undefined;
    }
    return { item: item.id, row: String(t.row) };
  }
  if (t.choice !== undefined) {
    const codes = item.type === "multi" ? item.choices.map((c) => c.code) : [];
    if (item.type !== "multi" || !codes.includes(String(t.choice))) {
      const choice = String(t.choice);
      const multi =
        item.type === "multi" ? { choices: codes, closest: closest(choice, codes) } : {};
      err(said("unknown-choice", { item: item.id, choice, ...multi }), [...path, "choice"]);
      return undefined;
    }
    return { item: item.id, choice: String(t.choice) };
  }
  if (item.type === "grid") {
    err(said("missing-row", { item: item.id, row: item.rows[0]?.id }), path);
    return undefined;
  }
  return { item: item.id };
}

/** Label → answer code (`values:`, and each item's `itemValues:`, checked against `valid`). */
function labels(
  { err }: Reading,
  obj: Record<string, unknown>,
  path: Path,
  valid?: readonly string[],
  unknown = (code: string): Said => said("unknown-code", { code, codes: valid ?? [] }),
): Map<string, string> {
  const m = new Map<string, string>();
  for (const [label, code] of Object.entries(obj)) {
    if (typeof code !== "string" && typeof code !== "number") {
      err(said("mapping-shape.label", {}), [...path, label]);
      continue;
    }
    if (valid && !valid.includes(String(code))) {
      err(unknown(String(code)), [...path, label]);
      continue;
    }
    m.set(normalizeKey(label), String(code));
  }
  return m;
}

/** `itemValues:` — per item, label → one of the item's codes. */
function itemValuesOf(r: Reading): Map<string, Map<string, string>> {
  const itemValues = new Map<string, Map<string, string>>();
  for (const [id, v] of Object.entries(section(r, "itemValues"))) {
    const ci = r.catalog.items.get(id);
    if (!ci) {
      const near = closest(id, r.itemIds);
      r.err(said("unknown-item.mapping", { id, closest: near }), ["itemValues", id], true);
      continue;
    }
    if (v === null) continue;
    if (!isRecord(v)) {
      r.err(said("mapping-shape.item-values", {}), ["itemValues", id]);
      continue;
    }
    const codes = codesOf(ci);
    itemValues.set(id, labels(r, v, ["itemValues", id], codes.length > 0 ? codes : undefined));
  }
  return itemValues;
}

/**
 * `departments:` — name → department id. An id close to a known one is flagged as a likely typo
 * (and still mapped); other new ids are scored with the core questionnaire.
 */
function departmentsOf(r: Reading): Map<string, string> {
  const departments = new Map<string, string>();
  const knownDepartments = [...r.catalog.departmentNames.keys()];
  for (const [name, id] of Object.entries(section(r, "departments"))) {
    if (typeof id !== "string" || !/^[a-z][a-z0-9_-]*$/.test(id)) {
      r.err(said("mapping-shape.department", {}), ["departments", name]);
      continue;
    }
    const near = knownDepartments.includes(id) ? undefined : closest(id, knownDepartments);
    if (near !== undefined)
      r.err(said("unknown-department.mapping", { id, closest: near }), ["departments", name]);
    departments.set(normalizeKey(name), id);
  }
  return departments;
}

/** `groups:` — name → one of the questionnaires' group ids. */
function groupsOf(r: Reading): Map<string, string> {
  const { groupIds } = r.catalog;
  const groups = new Map<string, string>();
  for (const [name, id] of Object.entries(section(r, "groups"))) {
    if (typeof id !== "string" || !groupIds.includes(id)) {
      const near = closest(String(id), groupIds);
      const value = JSON.stringify(id);
      r.err(said("unknown-group.mapping", { value, closest: near, groups: groupIds }), [
        "groups",
        name,
      ]);
      continue;
    }
    groups.set(normalizeKey(name), id);
  }
  return groups;
}
