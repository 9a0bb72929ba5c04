// The draft mapping file `reifegrad map` writes: what was matched, and every column, department
// name and answer label that was not, as a commented TODO entry to complete. Pure: text out.
import type { Catalog } from "./catalog.js";
import type { ColumnPlan } from "./columns.js";
import { delimiterName } from "./csv.js";
import type { Mapping } from "./mapping-model.js";
import type { FileAccount } from "./run.js";
import { codesOf } from "./values.js";

export interface DraftInput {
  readonly file: FileAccount;
  readonly plan: ColumnPlan;
  /** Distinct department values → the department id they resolve to (undefined: unknown). */
  readonly departments: ReadonlyMap<string, string | undefined>;
  /** Item id → answer texts that matched no code or label. */
  readonly unknownLabels: ReadonlyMap<string, ReadonlySet<string>>;
  /** The mapping the run used (--mapping): its labels and groups are written again, kept. */
  readonly mapping?: Mapping;
}

const q = (s: string) => JSON.stringify(s);

export function draftMapping(d: DraftInput, catalog: Catalog): string {
  const { plan, file } = d;
  const out: string[] = [
    "# yaml-language-server: $schema=../schema/mapping.schema.json",
    `# Draft mapping written by \`reifegrad map\` from ${file.file}`,
    `# (encoding ${file.encoding}, delimiter ${delimiterName(file.delimiter)}, preset ${file.preset}, ${file.rows} rows).`,
    "# Complete the TODO lines (remove the # and replace ~), then run:",
    `#   reifegrad score ${file.file} --mapping <this file>`,
    "# Format: docs/mapping-format.md",
    "format: 1",
    `preset: ${file.preset}`,
  ];
  const role = (key: string, col: number, todo: string) =>
    out.push(col >= 0 ? `${key}: ${q(plan.header[col]!)}` : `# ${key}: ~   # TODO: ${todo}`);
  // Only an id that names a person across surveys: a mapped respondent column counts across files,
  // and the export's own row id (1, 2, 3 … in every survey) must not.
  const person = plan.respondentCols.find((_, k) => plan.acrossFiles[k]) ?? -1;
  role("respondent", person, "column naming a person across surveys, e.g. a token (optional)");
  role("department", plan.departmentCol, "column with the department (or pass --department)");
  role("group", plan.groupCol, "column with the respondent group (optional)");
  if (plan.submittedCol >= 0) role("submitted", plan.submittedCol, "");
  out.push("columns:");
  // A heading once, however often it repeats (a key twice is invalid YAML): it maps every column.
  const written = new Set<string>();
  plan.kinds.forEach((k, i) => {
    const h = q(plan.header[i]!);
    if (written.has(h)) return;
    written.add(h);
    if (k.kind === "item" && k.target.text) {
      const of = `${k.target.item}${k.target.choice ? ` (${k.target.choice})` : ""}`;
      out.push(
        `  # ${h}: free text (${k.target.text}) of ${of}, read as such: reported, not scored`,
      );
    } else if (k.kind === "item") {
      const t = k.target;
      const target = t.row
        ? `{ item: ${t.item}, row: ${t.row} }`
        : t.choice
          ? `{ item: ${t.item}, choice: ${t.choice} }`
          : t.item;
      out.push(`  ${h}: ${target}`);
    } else if (k.kind === "ignored") {
      out.push(`  ${h}: ignore`);
    } else if (k.kind === "unmatched") {
      out.push(`  # ${h}: ~   # TODO: item id, { item, row }, { item, choice } or ignore`);
    }
  });
  if (d.departments.size > 0) {
    out.push("departments:");
    for (const [name, id] of [...d.departments].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (id !== undefined) out.push(`  ${q(name)}: ${id}`);
      else
        out.push(
          `  # ${q(name)}: ~   # TODO: department id (${[...catalog.departmentNames.keys()].join(", ")})`,
        );
    }
  }
  // What a completed mapping said about answers and groups: kept when `map` runs on it again.
  const kept = (key: string, m: ReadonlyMap<string, string> | undefined) => {
    if (!m || m.size === 0) return;
    out.push(`${key}:`);
    for (const [label, code] of [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
      out.push(`  ${q(label)}: ${q(code)}`);
  };
  kept("groups", d.mapping?.groups);
  kept("values", d.mapping?.values);
  const unknown = [...d.unknownLabels].filter(([, s]) => s.size > 0);
  const items = [...new Set([...(d.mapping?.itemValues.keys() ?? []), ...unknown.map(([i]) => i)])];
  if (items.length > 0) {
    out.push("itemValues:");
    for (const item of items.sort()) {
      const ci = catalog.items.get(item);
      out.push(`  ${item}:`);
      const own = d.mapping?.itemValues.get(item);
      for (const [label, code] of [...(own ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
        out.push(`    ${q(label)}: ${q(code)}`);
      for (const l of [...(d.unknownLabels.get(item) ?? [])].sort()) {
        out.push(
          `    # ${q(l)}: ~   # TODO: answer code${ci ? ` (${codesOf(ci).join(", ")})` : ""}`,
        );
      }
    }
  }
  return `${out.join("\n")}\n`;
}
