// Composition: follows `extends` to the root and builds one questionnaire from the chain (base
// first). Records where every part came from, so rules can point at the right file and line.
// Tolerant of broken input: the structure rules have already reported it; here it is skipped.

import { DIMENSION_OVERRIDE_KEYS } from "./format.js";
import type {
  Area,
  Choice,
  Dimension,
  GridRow,
  Group,
  Item,
  Level,
  MissingKind,
  NoticePart,
  Questionnaire,
  Scale,
  ScaleOption,
  ScoreBand,
  Text,
} from "./model.js";
import type { Report } from "./reporter.js";
import { isRecord } from "./shape.js";
import { closest } from "./suggest.js";
import { parseCondition } from "./when.js";
import type { ParsedYaml, Path, Position } from "./yaml-source.js";

/** One parsed questionnaire file with an id. */
export interface QuestionnaireFile {
  readonly parsed: ParsedYaml;
  readonly data: Readonly<Record<string, unknown>>;
  readonly id: string;
}

/** Where a part of the composed questionnaire was written. */
export interface Origin {
  readonly parsed: ParsedYaml;
  readonly path: Path;
}

export function originAt(origin: Origin, ...sub: Path): Position {
  return origin.parsed.at([...origin.path, ...sub]);
}
export function originKeyAt(origin: Origin, ...sub: Path): Position {
  return origin.parsed.keyAt([...origin.path, ...sub]);
}

export interface Origins {
  readonly items: ReadonlyMap<string, Origin>;
  readonly dimensions: ReadonlyMap<string, Origin>;
  /** Per dimension: the place that last set a field (target, area, weight, …). */
  readonly dimensionFields: ReadonlyMap<string, ReadonlyMap<string, Origin>>;
  readonly scales: ReadonlyMap<string, Origin>;
  readonly levels: ReadonlyMap<string, Origin>;
  readonly groups: ReadonlyMap<string, Origin>;
  readonly areas: ReadonlyMap<string, Origin>;
  /** Top-level fields (group, languages, …) by the file that set them last. */
  readonly fields: ReadonlyMap<string, Origin>;
  /** Items removed by a file of the chain, with the place of the `remove` entry. */
  readonly removed: ReadonlyMap<string, Origin>;
}

export interface Composed {
  readonly questionnaire: Omit<Questionnaire, "contentHash">;
  readonly origins: Origins;
  /** The chain, base first. */
  readonly chain: readonly QuestionnaireFile[];
  /** false when `extends` could not be followed: only rules about single parts apply. */
  readonly complete: boolean;
}

/** Follows `extends` from a file to the root; reports unknown ids and cycles naming the chain. */
export function resolveChain(
  file: QuestionnaireFile,
  byId: ReadonlyMap<string, QuestionnaireFile>,
  report: Report,
): { chain: QuestionnaireFile[]; complete: boolean } {
  const chain: QuestionnaireFile[] = [file];
  let current = file;
  while (typeof current.data.extends === "string") {
    const parentId = current.data.extends;
    const parent = byId.get(parentId);
    const names = [...chain.map((c) => c.id), parentId].join(" → ");
    if (!parent) {
      report(
        "unknown-extends",
        {
          parent: parentId,
          closest: closest(parentId, byId.keys()),
          chain: names,
          loaded: [...byId.keys()].sort(),
        },
        current.parsed.at(["extends"]),
      );
      return { chain: chain.reverse(), complete: false };
    }
    if (chain.includes(parent)) {
      report("circular-extends", { chain: names }, current.parsed.at(["extends"]));
      return { chain: chain.reverse(), complete: false };
    }
    chain.push(parent);
    current = parent;
  }
  return { chain: chain.reverse(), complete: true };
}

/** The languages a file's texts must provide: its own, else the nearest base's, else de. */
export function languagesOf(
  file: QuestionnaireFile,
  byId: ReadonlyMap<string, QuestionnaireFile>,
): readonly string[] {
  const seen = new Set<QuestionnaireFile>();
  let current: QuestionnaireFile | undefined = file;
  while (current && !seen.has(current)) {
    seen.add(current);
    const l = current.data.languages;
    if (Array.isArray(l) && l.length > 0 && l.every((x) => typeof x === "string")) return l;
    current = typeof current.data.extends === "string" ? byId.get(current.data.extends) : undefined;
  }
  return ["de"];
}

/** Builds one questionnaire from a chain (base first). */
export function compose(
  chain: readonly QuestionnaireFile[],
  complete: boolean,
  languages: readonly string[],
  report: Report,
): Composed {
  const b = new Builder(report, languages);
  const t: ToText = (v) => text(v, languages);
  for (const [i, file] of chain.entries()) b.add(file, i === 0);
  const top = chain[chain.length - 1]!;
  const d = top.data;
  const dept = isRecord(d.department) ? d.department : undefined;
  const dimOrder = new Map([...b.dims.keys()].map((id, i) => [id, i]));
  const rank = (item: Item) => dimOrder.get(item.dimension) ?? dimOrder.size;
  // Asked grouped by dimension (stable): a department's additions sit with their dimension.
  const items = [...b.items.values()].sort((x, y) => rank(x) - rank(y));
  const version = [...chain].reverse().find((f) => f.data.version !== undefined)?.data.version;
  // The notice part by part: a later file overrides the parts it names, inherits the others.
  const notice: Partial<Record<NoticePart, Text>> = {};
  for (const file of chain)
    if (isRecord(file.data.notice))
      for (const [part, v] of Object.entries(file.data.notice))
        if (v !== undefined && v !== null) notice[part as NoticePart] = t(v);
  const questionnaire: Omit<Questionnaire, "contentHash"> = {
    id: top.id,
    version: typeof version === "string" || typeof version === "number" ? String(version) : "0",
    title: t(d.title),
    ...(d.description !== undefined ? { description: t(d.description) } : {}),
    ...(Object.keys(notice).length > 0 ? { notice } : {}),
    languages,
    ...(dept
      ? { department: { id: typeof dept.id === "string" ? dept.id : top.id, name: t(dept.name) } }
      : {}),
    group: b.group,
    groups: [...b.groups.values()],
    extendsChain: chain.map((f) => f.id),
    scales: b.scales,
    levels: b.levels,
    areas: [...b.areas.values()],
    dimensions: [...b.dims.values()],
    items,
    overall: { aggregate: b.overall },
    source: top.parsed.file,
  };
  return {
    questionnaire,
    chain,
    complete,
    origins: {
      items: b.itemOrigins,
      dimensions: b.dimOrigins,
      dimensionFields: b.dimFields,
      scales: b.scaleOrigins,
      levels: b.levelOrigins,
      groups: b.groupOrigins,
      areas: b.areaOrigins,
      fields: b.fieldOrigins,
      removed: b.removed,
    },
  };
}

class Builder {
  readonly scales = new Map<string, Scale>();
  readonly scaleOrigins = new Map<string, Origin>();
  levels: Level[] = [];
  readonly levelOrigins = new Map<string, Origin>();
  readonly groups = new Map<string, Group>();
  readonly groupOrigins = new Map<string, Origin>();
  readonly areas = new Map<string, Area>();
  readonly areaOrigins = new Map<string, Origin>();
  readonly dims = new Map<string, Dimension>();
  readonly dimOrigins = new Map<string, Origin>();
  readonly dimFields = new Map<string, Map<string, Origin>>();
  readonly items = new Map<string, Item>();
  readonly itemOrigins = new Map<string, Origin>();
  readonly removed = new Map<string, Origin>();
  readonly fieldOrigins = new Map<string, Origin>();
  group = "staff";
  overall: "mean" | "min" = "mean";

  readonly t: ToText;

  constructor(
    private readonly report: Report,
    languages: readonly string[],
  ) {
    this.t = (v) => text(v, languages);
  }

  add(file: QuestionnaireFile, isRoot: boolean): void {
    const { data, parsed } = file;
    const o = (...path: Path): Origin => ({ parsed, path });
    for (const key of ["group", "languages", "extends", "id"]) {
      if (data[key] !== undefined) this.fieldOrigins.set(key, o(key));
    }
    if (typeof data.group === "string") this.group = data.group;
    if (
      isRecord(data.overall) &&
      (data.overall.aggregate === "mean" || data.overall.aggregate === "min")
    ) {
      this.overall = data.overall.aggregate;
    }
    if (isRecord(data.scales)) {
      for (const [id, raw] of Object.entries(data.scales)) {
        if (this.defined("scale", id, this.scaleOrigins, () => parsed.keyAt(["scales", id])))
          continue;
        this.scales.set(id, scale(id, raw, this.t));
        this.scaleOrigins.set(id, o("scales", id));
      }
    }
    if (data.levels !== undefined) {
      if (!isRoot) {
        this.report("cannot-redefine", {}, parsed.keyAt(["levels"]));
      } else {
        this.levels = list(data.levels).flatMap((raw, i) => {
          if (!isRecord(raw) || typeof raw.id !== "string") return [];
          const level: Level = {
            id: raw.id,
            rank: 0,
            name: this.t(raw.name),
            ...(raw.description !== undefined ? { description: this.t(raw.description) } : {}),
            min: typeof raw.min === "number" ? raw.min : 0,
          };
          if (!this.levelOrigins.has(raw.id)) this.levelOrigins.set(raw.id, o("levels", i));
          return [level];
        });
        this.levels = this.levels.map((l, i) => ({ ...l, rank: i + 1 }));
      }
    }
    list(data.groups).forEach((raw, i) => {
      if (!isRecord(raw) || typeof raw.id !== "string") return;
      if (this.defined("group", raw.id, this.groupOrigins, () => parsed.at(["groups", i, "id"])))
        return;
      this.groups.set(raw.id, {
        id: raw.id,
        name: this.t(raw.name),
        perspective: raw.perspective === "external" ? "external" : "internal",
      });
      this.groupOrigins.set(raw.id, o("groups", i));
    });
    list(data.areas).forEach((raw, i) => {
      if (!isRecord(raw) || typeof raw.id !== "string") return;
      if (this.defined("area", raw.id, this.areaOrigins, () => parsed.at(["areas", i, "id"])))
        return;
      this.areas.set(raw.id, {
        id: raw.id,
        name: this.t(raw.name),
        weight: positive(raw.weight) ?? 1,
      });
      this.areaOrigins.set(raw.id, o("areas", i));
    });
    list(data.dimensions).forEach((raw, i) => {
      if (isRecord(raw) && typeof raw.id === "string") this.dimension(file, raw, raw.id, i);
    });
    list(data.remove).forEach((id, i) => {
      if (typeof id !== "string") return;
      if (!this.items.has(id)) {
        this.report(
          "unknown-remove",
          { id, already: this.removed.has(id), closest: closest(id, this.items.keys()) },
          parsed.at(["remove", i]),
        );
        return;
      }
      this.items.delete(id);
      this.itemOrigins.delete(id);
      this.removed.set(id, o("remove", i));
    });
    list(data.items).forEach((raw, i) => {
      if (!isRecord(raw) || typeof raw.id !== "string") return;
      const item = toItem(raw, this.t);
      if (!item) return;
      const previous = this.itemOrigins.get(item.id);
      if (previous) {
        this.report(
          "duplicate-id.item",
          { id: item.id, previous: where(originAt(previous)) },
          parsed.at(["items", i, "id"]),
        );
        return;
      }
      this.items.set(item.id, item);
      this.itemOrigins.set(item.id, o("items", i));
    });
  }

  /**
   * Reports a second definition of an id; true when it was already defined. `at` is called only
   * then: a position walks the YAML document from its root.
   */
  private defined(
    kind: string,
    id: string,
    origins: Map<string, Origin>,
    at: () => Position,
  ): boolean {
    const previous = origins.get(id);
    if (!previous) return false;
    this.report("duplicate-id.defined", { kind, id, previous: where(originAt(previous)) }, at());
    return true;
  }

  private dimension(
    file: QuestionnaireFile,
    raw: Record<string, unknown>,
    id: string,
    i: number,
  ): void {
    const o: Origin = { parsed: file.parsed, path: ["dimensions", i] };
    const base = this.dims.get(id);
    const previous = this.dimOrigins.get(id);
    const fields = this.dimFields.get(id) ?? new Map<string, Origin>();
    for (const key of Object.keys(raw)) if (key !== "id") fields.set(key, o);
    if (base && previous) {
      if (previous.parsed === file.parsed) {
        this.report(
          "duplicate-id.dimension",
          { id, previous: where(originAt(previous)) },
          originAt(o, "id"),
        );
        return;
      }
      // An override of an inherited dimension: only weight, target and aggregate.
      for (const key of Object.keys(raw)) {
        if (!DIMENSION_OVERRIDE_KEYS.includes(key)) {
          this.report(
            "cannot-override",
            { key, id, allowed: DIMENSION_OVERRIDE_KEYS.filter((k) => k !== "id") },
            originKeyAt(o, key),
          );
        }
      }
      this.dims.set(id, {
        ...base,
        weight: positive(raw.weight) ?? base.weight,
        ...(typeof raw.target === "string" ? { target: raw.target } : {}),
        aggregate: aggregate(raw.aggregate) ?? base.aggregate,
      });
      this.dimFields.set(id, fields);
      return;
    }
    if (raw.name === undefined) {
      this.report("missing-field.dimension-name", { id }, originAt(o));
    }
    const recommendations: Record<string, readonly Text[]> = {};
    if (isRecord(raw.recommendations)) {
      for (const [level, measures] of Object.entries(raw.recommendations)) {
        recommendations[level] = list(measures).map((m) => this.t(m));
      }
    }
    this.dims.set(id, {
      id,
      name: this.t(raw.name),
      ...(raw.description !== undefined ? { description: this.t(raw.description) } : {}),
      weight: positive(raw.weight) ?? 1,
      ...(typeof raw.target === "string" ? { target: raw.target } : {}),
      aggregate: aggregate(raw.aggregate) ?? "mean",
      ...(typeof raw.area === "string" ? { area: raw.area } : {}),
      recommendations,
    });
    this.dimOrigins.set(id, o);
    this.dimFields.set(id, fields);
  }
}

function toItem(raw: Record<string, unknown>, t: ToText): Item | undefined {
  const whenSource = typeof raw.when === "string" ? raw.when : undefined;
  const parsedWhen = whenSource !== undefined ? parseCondition(whenSource) : undefined;
  const base = {
    id: String(raw.id),
    dimension: typeof raw.dimension === "string" ? raw.dimension : "",
    text: t(raw.text),
    ...(raw.help !== undefined ? { help: t(raw.help) } : {}),
    weight: positive(raw.weight) ?? 1,
    required: raw.required === true,
    ...(Array.isArray(raw.groups)
      ? { groups: raw.groups.filter((g) => typeof g === "string") }
      : {}),
    ...(parsedWhen?.ok ? { when: parsedWhen.condition } : {}),
    ...(whenSource !== undefined ? { whenSource } : {}),
  };
  const reverse = raw.reverse === true;
  const scaleId = typeof raw.scale === "string" ? raw.scale : "";
  switch (raw.type) {
    case "likert":
      return { ...base, type: "likert", scale: scaleId, reverse };
    case "yesno":
      return { ...base, type: "yesno", reverse };
    case "single":
      return { ...base, type: "single", choices: choices(raw.choices, t) };
    case "multi":
      return {
        ...base,
        type: "multi",
        choices: choices(raw.choices, t),
        combine: raw.combine === "sum" ? "sum" : "share",
      };
    case "number":
      return {
        ...base,
        type: "number",
        bands: list(raw.bands).filter(isRecord).map(band),
        ...(raw.unit !== undefined ? { unit: t(raw.unit) } : {}),
      };
    case "grid":
      return {
        ...base,
        type: "grid",
        scale: scaleId,
        reverse,
        rows: list(raw.rows)
          .filter(isRecord)
          .map((r) => row(r, t)),
      };
    case "text":
      return { ...base, type: "text" };
    default:
      return undefined; // the structure rules report the unknown type
  }
}

function scale(id: string, raw: unknown, t: ToText): Scale {
  const r = isRecord(raw) ? raw : {};
  const options: ScaleOption[] = list(r.options)
    .filter(isRecord)
    .map((opt) => {
      const m = missing(opt.missing);
      return {
        code: code(opt.code),
        label: t(opt.label),
        ...(m ? { missing: m } : typeof opt.value === "number" ? { value: opt.value } : {}),
      };
    });
  // Scored options first (worst to best), then the special answers, as the model promises.
  const ordered = [...options.filter((x) => !x.missing), ...options.filter((x) => x.missing)];
  const values = ordered.flatMap((x) => (x.value === undefined ? [] : [x.value]));
  return {
    id,
    ...(r.label !== undefined ? { label: t(r.label) } : {}),
    options: ordered,
    min: values.length > 0 ? Math.min(...values) : 0,
    max: values.length > 0 ? Math.max(...values) : 0,
    ...(r.start === "middle" ? { start: "middle" as const } : {}),
  };
}

function choices(raw: unknown, t: ToText): Choice[] {
  return list(raw)
    .filter(isRecord)
    .map((c) => {
      const m = missing(c.missing);
      return {
        code: code(c.code),
        label: t(c.label),
        score: typeof c.score === "number" ? c.score : 0,
        ...(m ? { missing: m } : {}),
        ...(c.exclusive === true ? { exclusive: true } : {}),
      };
    });
}

function band(b: Record<string, unknown>): ScoreBand {
  return {
    ...(typeof b.min === "number" ? { min: b.min } : {}),
    ...(typeof b.max === "number" ? { max: b.max } : {}),
    score: typeof b.score === "number" ? b.score : 0,
  };
}

function row(r: Record<string, unknown>, t: ToText): GridRow {
  return { id: code(r.id), text: t(r.text) };
}

/** A text as the model holds it; the structure rules have reported anything malformed. */
export type ToText = (v: unknown) => Text;

export function text(v: unknown, languages: readonly string[]): Text {
  if (typeof v === "string") return Object.fromEntries(languages.map((l) => [l, v]));
  if (!isRecord(v)) return {};
  return Object.fromEntries(
    Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

function code(v: unknown): string {
  return typeof v === "string" || typeof v === "number" ? String(v) : "";
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function positive(v: unknown): number | undefined {
  return typeof v === "number" && v > 0 ? v : undefined;
}

function aggregate(v: unknown): "mean" | "min" | undefined {
  return v === "mean" || v === "min" ? v : undefined;
}

function missing(v: unknown): MissingKind | undefined {
  return v === "dont_know" || v === "not_applicable" ? v : undefined;
}

function where(p: Position): string {
  return `${p.file}:${p.line}:${p.column}`;
}
