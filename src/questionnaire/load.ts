// Turns questionnaire sources into composed, validated models. Pure: sources come in as text.
import { createHash } from "node:crypto";
import { type Problem, problem } from "../problem.js";
import type {
  Dimension,
  Group,
  Item,
  Level,
  Questionnaire,
  Scale,
  ScaleOption,
  Text,
} from "./model.js";
import { type ParsedYaml, type Path, parseYaml, type SourceFile } from "./yaml-source.js";

export interface LoadResult {
  /** Composed questionnaires, sorted by id; only those without errors. */
  readonly questionnaires: readonly Questionnaire[];
  readonly problems: readonly Problem[];
}

type Raw = Record<string, unknown>;

interface RawFile {
  readonly parsed: ParsedYaml;
  readonly data: Raw;
  readonly id: string;
}

export function loadQuestionnaires(sources: readonly SourceFile[]): LoadResult {
  const problems: Problem[] = [];
  const byId = new Map<string, RawFile>();
  for (const source of sources) {
    const { parsed, problems: parseProblems } = parseYaml(source);
    problems.push(...parseProblems);
    if (!parsed) continue;
    if (!isObject(parsed.data)) {
      problems.push(
        problem("not-a-mapping", "a questionnaire must be a YAML mapping (key: value)", {
          ...parsed.at([]),
          hint: "start the file with `format: 1` and `id: …`",
        }),
      );
      continue;
    }
    const id = parsed.data.id;
    if (typeof id !== "string") {
      problems.push(
        problem("missing-field", "`id` is required and must be a string", {
          ...parsed.at([]),
          hint: "add `id: my-questionnaire`",
        }),
      );
      continue;
    }
    const existing = byId.get(id);
    if (existing) {
      problems.push(
        problem("duplicate-questionnaire", `questionnaire id "${id}" is also used in ${existing.parsed.file}`, {
          ...parsed.at(["id"]),
          hint: "give every questionnaire its own id",
        }),
      );
      continue;
    }
    byId.set(id, { parsed, data: parsed.data, id });
  }

  const questionnaires: Questionnaire[] = [];
  for (const raw of [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const chain = resolveChain(raw, byId, problems);
    if (!chain) continue;
    const before = problems.length;
    const q = compose(chain, problems);
    if (q && !problems.slice(before).some((p) => p.severity === "error")) questionnaires.push(q);
  }
  return { questionnaires, problems };
}

function resolveChain(raw: RawFile, byId: Map<string, RawFile>, problems: Problem[]): RawFile[] | undefined {
  const chain: RawFile[] = [raw];
  let current = raw;
  while (typeof current.data.extends === "string") {
    const parentId = current.data.extends;
    const parent = byId.get(parentId);
    const names = [...chain.map((c) => c.id), parentId].join(" → ");
    if (!parent) {
      problems.push(
        problem("unknown-extends", `extends "${parentId}", which is not loaded (chain: ${names})`, {
          ...current.parsed.at(["extends"]),
          hint: `known questionnaires: ${[...byId.keys()].sort().join(", ")}`,
        }),
      );
      return undefined;
    }
    if (chain.includes(parent)) {
      problems.push(
        problem("circular-extends", `extends forms a cycle: ${names}`, {
          ...current.parsed.at(["extends"]),
          hint: "the core questionnaire must not extend anything",
        }),
      );
      return undefined;
    }
    chain.push(parent);
    current = parent;
  }
  return chain.reverse();
}

/** Composes a chain (base first) into one questionnaire. */
function compose(chain: readonly RawFile[], problems: Problem[]): Questionnaire | undefined {
  const top = chain[chain.length - 1]!;
  const ctx = new Ctx(top.parsed, problems, languagesOf(top));
  const scales = new Map<string, Scale>();
  let levels: Level[] = [];
  const groups = new Map<string, Group>();
  const dims = new Map<string, Dimension>();
  let items: Item[] = [];

  for (const file of chain) {
    const c = new Ctx(file.parsed, problems, languagesOf(file));
    for (const [id, s] of Object.entries(objectAt(c, file.data, "scales"))) {
      scales.set(id, c.scale(id, s, ["scales", id]));
    }
    if (file.data.levels !== undefined) levels = c.levels(file.data.levels);
    for (const [i, g] of listAt(c, file.data, "groups").entries()) {
      const group = c.group(g, ["groups", i]);
      if (group) groups.set(group.id, group);
    }
    for (const [i, d] of listAt(c, file.data, "dimensions").entries()) {
      const dim = c.dimension(d, ["dimensions", i], dims);
      if (dim) dims.set(dim.id, dim);
    }
    for (const [i, id] of listAt(c, file.data, "remove").entries()) {
      if (!items.some((it) => it.id === id)) {
        problems.push(
          problem("unknown-item", `cannot remove "${String(id)}": no such item in ${file.data.extends}`, {
            ...c.at(["remove", i]),
            hint: "remove lists ids of items of the questionnaire this one extends",
          }),
        );
      }
      items = items.filter((it) => it.id !== id);
    }
    for (const [i, it] of listAt(c, file.data, "items").entries()) {
      const item = c.item(it, ["items", i]);
      if (!item) continue;
      if (items.some((x) => x.id === item.id)) {
        problems.push(
          problem("duplicate-id", `item id "${item.id}" is used twice`, {
            ...c.at(["items", i, "id"]),
            hint: "item ids must be unique across the composed questionnaire",
          }),
        );
        continue;
      }
      items.push(item);
    }
  }

  for (const [i, item] of items.entries()) {
    if (!dims.has(item.dimension)) {
      problems.push(
        problem("unknown-dimension", `item "${item.id}" refers to dimension "${item.dimension}", which is not defined`, {
          ...ctx.at(["items", i, "dimension"]),
          hint: `defined: ${[...dims.keys()].join(", ")}`,
        }),
      );
    }
    if ((item.type === "likert" || item.type === "grid") && !scales.has(item.scale)) {
      problems.push(
        problem("unknown-scale", `scale "${item.scale}" is not defined (defined: ${[...scales.keys()].join(", ")})`, {
          ...ctx.at(["items", i, "scale"]),
          hint: "define it under `scales:` or use one of the defined scales",
        }),
      );
    }
  }
  if (levels.length === 0) {
    problems.push(problem("missing-field", "`levels` is required", { ...ctx.at([]), hint: "define maturity levels" }));
  }
  // Items first in dimension order, so a department's additions sit with their dimension.
  const order = [...dims.keys()];
  items = [...items].sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension));

  const d = top.data;
  const dept = isObject(d.department) ? d.department : undefined;
  const q: Omit<Questionnaire, "contentHash"> = {
    id: top.id,
    version: ctx.str(d, "version", ["version"]) ?? "0",
    title: ctx.text(d.title, ["title"]) ?? {},
    ...(d.description !== undefined ? { description: ctx.text(d.description, ["description"]) ?? {} } : {}),
    languages: ctx.languages,
    ...(dept
      ? {
          department: {
            id: String(dept.id ?? top.id),
            name: ctx.text(dept.name, ["department", "name"]) ?? {},
          },
        }
      : {}),
    group: typeof d.group === "string" ? d.group : "staff",
    groups: [...groups.values()],
    extendsChain: chain.map((c) => c.id),
    scales,
    levels,
    areas: [],
    dimensions: [...dims.values()],
    items,
    overall: { aggregate: isObject(d.overall) && d.overall.aggregate === "min" ? "min" : "mean" },
    source: top.parsed.file,
  };
  return { ...q, contentHash: contentHash(q) };
}

/** sha256 over a canonical JSON of the composed model (source paths excluded). */
export function contentHash(q: Omit<Questionnaire, "contentHash">): string {
  const { source: _source, scales, ...rest } = q;
  const canonical = JSON.stringify({ ...rest, scales: [...scales.entries()] }, (_k, v: unknown) =>
    isObject(v) && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
  return createHash("sha256").update(canonical).digest("hex");
}

function languagesOf(file: RawFile): string[] {
  const l = file.data.languages;
  return Array.isArray(l) && l.every((x) => typeof x === "string") ? l : ["de"];
}

function isObject(v: unknown): v is Raw {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function objectAt(c: Ctx, data: Raw, key: string): Raw {
  const v = data[key];
  if (v === undefined) return {};
  if (isObject(v)) return v;
  c.error("wrong-type", `\`${key}\` must be a mapping`, [key], `write \`${key}:\` followed by indented entries`);
  return {};
}

function listAt(c: Ctx, data: Raw, key: string): unknown[] {
  const v = data[key];
  if (v === undefined) return [];
  if (Array.isArray(v)) return v;
  c.error("wrong-type", `\`${key}\` must be a list`, [key], `write each entry of \`${key}\` as "- …"`);
  return [];
}

/** Conversion helpers bound to one file, reporting problems at source positions. */
class Ctx {
  constructor(
    readonly parsed: ParsedYaml,
    readonly problems: Problem[],
    readonly languages: readonly string[],
  ) {}

  at(path: Path) {
    return this.parsed.at(path);
  }

  error(code: string, message: string, path: Path, hint?: string): void {
    this.problems.push(problem(code, message, { ...this.at(path), ...(hint ? { hint } : {}) }));
  }

  str(o: Raw, key: string, path: Path): string | undefined {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v === "string" || typeof v === "number") return String(v);
    this.error("wrong-type", `\`${key}\` must be a string`, path);
    return undefined;
  }

  num(o: Raw, key: string, path: Path, fallback: number): number {
    const v = o[key];
    if (v === undefined) return fallback;
    if (typeof v === "number" && Number.isFinite(v)) return v;
    this.error("wrong-type", `\`${key}\` must be a number`, path);
    return fallback;
  }

  text(v: unknown, path: Path): Text | undefined {
    if (v === undefined) return undefined;
    if (typeof v === "string") {
      if (this.languages.length > 1) {
        this.error(
          "missing-translation",
          `text is a plain string, but the file declares languages ${this.languages.join(", ")}`,
          path,
          `write { ${this.languages.map((l) => `${l}: "…"`).join(", ")} }`,
        );
      }
      return Object.fromEntries(this.languages.map((l) => [l, v]));
    }
    if (!isObject(v)) {
      this.error("wrong-type", "a text must be a string or a map of languages", path);
      return undefined;
    }
    for (const lang of this.languages) {
      if (typeof v[lang] !== "string" || v[lang] === "") {
        this.error("missing-translation", `text has no "${lang}" translation`, path, `add ${lang}: "…"`);
      }
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
  }

  scale(id: string, raw: unknown, path: Path): Scale {
    const o = isObject(raw) ? raw : {};
    const options: ScaleOption[] = [];
    for (const [i, opt] of (Array.isArray(o.options) ? o.options : []).entries()) {
      if (!isObject(opt)) continue;
      const p = [...path, "options", i];
      const missing =
        opt.missing === "dont_know" || opt.missing === "not_applicable" ? opt.missing : undefined;
      options.push({
        code: String(opt.code),
        label: this.text(opt.label, [...p, "label"]) ?? {},
        ...(missing ? { missing } : { value: this.num(opt, "value", [...p, "value"], i) }),
      });
    }
    const values = options.flatMap((x) => (x.value === undefined ? [] : [x.value]));
    if (values.length < 2) {
      this.error("scale-too-small", `scale "${id}" needs at least two scored options`, path);
    }
    return {
      id,
      ...(o.label !== undefined ? { label: this.text(o.label, [...path, "label"]) ?? {} } : {}),
      options,
      min: Math.min(...values),
      max: Math.max(...values),
    };
  }

  levels(raw: unknown): Level[] {
    if (!Array.isArray(raw)) {
      this.error("wrong-type", "`levels` must be a list", ["levels"]);
      return [];
    }
    const levels = raw.filter(isObject).map((l, i) => ({
      id: String(l.id),
      rank: i + 1,
      name: this.text(l.name, ["levels", i, "name"]) ?? {},
      ...(l.description !== undefined
        ? { description: this.text(l.description, ["levels", i, "description"]) ?? {} }
        : {}),
      min: this.num(l, "min", ["levels", i, "min"], 0),
    }));
    if (levels[0] && levels[0].min !== 0) {
      this.error("levels-not-from-zero", "the first level must start at min: 0", ["levels", 0, "min"]);
    }
    for (let i = 1; i < levels.length; i++) {
      if (levels[i]!.min <= levels[i - 1]!.min || levels[i]!.min > 100) {
        this.error(
          "levels-not-ascending",
          `level "${levels[i]!.id}" starts at ${levels[i]!.min}, not above the previous level (${levels[i - 1]!.min})`,
          ["levels", i, "min"],
          "list levels from lowest to highest with strictly increasing min values up to 100",
        );
      }
    }
    return levels;
  }

  group(raw: unknown, path: Path): Group | undefined {
    if (!isObject(raw) || typeof raw.id !== "string") {
      this.error("missing-field", "a group needs an `id`", path);
      return undefined;
    }
    return {
      id: raw.id,
      name: this.text(raw.name, [...path, "name"]) ?? {},
      perspective: raw.perspective === "external" ? "external" : "internal",
    };
  }

  dimension(raw: unknown, path: Path, known: Map<string, Dimension>): Dimension | undefined {
    if (!isObject(raw) || typeof raw.id !== "string") {
      this.error("missing-field", "a dimension needs an `id`", path);
      return undefined;
    }
    const base = known.get(raw.id);
    const recommendations: Record<string, Text[]> = { ...(base?.recommendations ?? {}) };
    if (isObject(raw.recommendations)) {
      for (const [level, list] of Object.entries(raw.recommendations)) {
        recommendations[level] = (Array.isArray(list) ? list : []).map(
          (t, i) => this.text(t, [...path, "recommendations", level, i]) ?? {},
        );
      }
    }
    const name = raw.name !== undefined ? this.text(raw.name, [...path, "name"]) : base?.name;
    if (!name) this.error("missing-field", `dimension "${raw.id}" needs a \`name\``, path);
    const description =
      raw.description !== undefined ? this.text(raw.description, [...path, "description"]) : base?.description;
    const target = raw.target !== undefined ? String(raw.target) : base?.target;
    const area = raw.area !== undefined ? String(raw.area) : base?.area;
    return {
      id: raw.id,
      name: name ?? {},
      ...(description ? { description } : {}),
      weight: this.num(raw, "weight", [...path, "weight"], base?.weight ?? 1),
      ...(target ? { target } : {}),
      aggregate: raw.aggregate === "min" ? "min" : raw.aggregate === "mean" ? "mean" : (base?.aggregate ?? "mean"),
      ...(area ? { area } : {}),
      recommendations,
    };
  }

  item(raw: unknown, path: Path): Item | undefined {
    if (!isObject(raw) || typeof raw.id !== "string") {
      this.error("missing-field", "an item needs an `id`", path);
      return undefined;
    }
    const base = {
      id: raw.id,
      dimension: String(raw.dimension),
      text: this.text(raw.text, [...path, "text"]) ?? {},
      ...(raw.help !== undefined ? { help: this.text(raw.help, [...path, "help"]) ?? {} } : {}),
      weight: this.num(raw, "weight", [...path, "weight"], 1),
      required: raw.required === true,
      ...(Array.isArray(raw.groups) ? { groups: raw.groups.map(String) } : {}),
    };
    const reverse = raw.reverse === true;
    const choices = (Array.isArray(raw.choices) ? raw.choices : []).filter(isObject).map((c, i) => {
      const missing = c.missing === "dont_know" || c.missing === "not_applicable" ? c.missing : undefined;
      return {
        code: String(c.code),
        label: this.text(c.label, [...path, "choices", i, "label"]) ?? {},
        score: typeof c.score === "number" ? c.score : 0,
        ...(missing ? { missing } : {}),
        ...(c.exclusive === true ? { exclusive: true } : {}),
      };
    });
    switch (raw.type ?? "likert") {
      case "likert":
        return { ...base, type: "likert", scale: String(raw.scale), reverse };
      case "yesno":
        return { ...base, type: "yesno", reverse };
      case "single":
        return { ...base, type: "single", choices };
      case "multi":
        return { ...base, type: "multi", choices, combine: raw.combine === "sum" ? "sum" : "share" };
      case "number":
        return {
          ...base,
          type: "number",
          bands: (Array.isArray(raw.bands) ? raw.bands : []).filter(isObject).map((b) => ({
            ...(typeof b.min === "number" ? { min: b.min } : {}),
            ...(typeof b.max === "number" ? { max: b.max } : {}),
            score: typeof b.score === "number" ? b.score : 0,
          })),
        };
      case "grid":
        return {
          ...base,
          type: "grid",
          scale: String(raw.scale),
          reverse,
          rows: (Array.isArray(raw.rows) ? raw.rows : []).filter(isObject).map((r, i) => ({
            id: String(r.id),
            text: this.text(r.text, [...path, "rows", i, "text"]) ?? {},
          })),
        };
      case "text":
        return { ...base, type: "text" };
      default:
        this.error(
          "unknown-item-type",
          `item type "${String(raw.type)}" is not known`,
          [...path, "type"],
          "use one of: likert, single, multi, yesno, number, grid, text",
        );
        return undefined;
    }
  }
}
