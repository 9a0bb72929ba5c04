// A mapping's `values:` (answer text → code for every item that has the code): a code no item has
// is refused at its line, like an unknown code under `itemValues:`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../../src/responses/import/catalog.js";
import { parseMapping } from "../../src/responses/import/mapping.js";
import { loadTexts } from "../scoring/score-files.js";

const bundled = (dir: string): [string, string][] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return bundled(p);
    return /\.ya?ml$/.test(e.name) ? [[p, readFileSync(p, "utf8")] as [string, string]] : [];
  });
const catalog = buildCatalog(loadTexts(Object.fromEntries(bundled("questionnaires"))), []);
const parse = (values: string) =>
  parseMapping({ path: "m.yaml", text: `format: 1\nvalues:\n${values}` }, catalog);

describe("mapping values:", () => {
  it("takes scale codes, missing codes, choice codes and yes/no", () => {
    const r = parse('  "trifft voll zu": "5"\n  "weiß nicht": dk\n  geplant: planned\n  ja: yes\n');
    expect(r.problems).toEqual([]);
    expect([...r.mapping!.values.values()]).toEqual(["5", "dk", "planned", "yes"]);
  });

  it("refuses a code no item has, at the value, and suggests a near longer code", () => {
    const r = parse('  "trifft voll zu": "6"\n  geplant: plannd\n  "k. A.": dk\n');
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ["unknown-code", 3, 21],
      ["unknown-code", 4, 12],
    ]);
    expect(r.problems[0]!.message).toBe('no item has the answer code "6"');
    expect(r.problems[1]!.message).toBe(
      'no item has the answer code "plannd" (did you mean "planned"?)',
    );
  });
});
