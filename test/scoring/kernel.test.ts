// The fast path (kernel.ts) must give the same assessment as the generic path, row for row.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/report/json.js";
import type { ResponseRecord } from "../../src/responses/model.js";
import { DEFAULT_SETTINGS, type Settings } from "../../src/scoring/assessment.js";
import { type KernelTarget, Scorer } from "../../src/scoring/score.js";
import { loadFixture } from "./helpers.js";

const fast = loadFixture("fixtures/scoring/fast.yaml");
const bundled = loadFixture(
  "questionnaires/core.yaml",
  "questionnaires/departments/finanzen.yaml",
  "questionnaires/departments/it.yaml",
);

/** Sends a record through the kernel: the slot of each item's code. */
function viaKernel(target: KernelTarget, r: ResponseRecord): void {
  const slots = new Int32Array(target.items.length);
  target.items.forEach((item, j) => {
    const v = r.answers.get(item.id);
    const o = v === undefined || v === "" ? -1 : item.options.indexOf(v);
    if (v && o === -1) throw new Error(`test generated an invalid code ${v}`);
    slots[j] = target.slotOf(j, o);
  });
  target.add(slots);
}

function both(
  questionnaires: ReturnType<typeof loadFixture>,
  records: readonly ResponseRecord[],
  route: (i: number) => boolean,
  settings: Settings = DEFAULT_SETTINGS,
  hasColumn?: (id: string) => boolean,
): [string, string] {
  const generic = new Scorer(questionnaires, { settings });
  const mixed = new Scorer(questionnaires, { settings });
  records.forEach((r, i) => {
    generic.add(r);
    const target = mixed.kernelFor(r.department, r.group, hasColumn);
    if (target && route(i)) viaKernel(target, r);
    else mixed.add(r);
  });
  return [renderJson(generic.finish()), renderJson(mixed.finish())];
}

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const likert5 = pick(["1", "2", "3", "4", "5", "dk", "na", ""]);
const likert4 = pick(["1", "2", "3", "4", "dk", ""]);
const fastRecord = fc
  .record({
    dept: pick(["d1", "d2", "d3"]),
    group: pick(["staff", "staff", "management"]),
    a1: likert5,
    a2: likert5,
    a3: likert5,
    a4: likert5,
    b1: likert4,
    b2: likert4,
    b3: likert4,
    c1: pick(["none", "some", "most", "all", "dk", ""]),
    c2: pick(["yes", "no", "dk", "na", ""]),
    c3: pick(["yes", "no", ""]),
  })
  .map(
    ({ dept, group, ...answers }): ResponseRecord => ({
      respondent: "x",
      department: dept,
      group,
      answers: new Map(Object.entries(answers)),
    }),
  );

describe("kernel (fast path)", () => {
  it("compiles for single-code questionnaires and refuses composite or minimum ones", () => {
    const s = new Scorer(fast, { settings: DEFAULT_SETTINGS });
    expect(s.kernelFor("d1", "staff")?.items.map((i) => i.id)).toEqual([
      "a1",
      "a2",
      "a3",
      "b1",
      "b2",
      "b3",
      "c1",
      "c2",
      "c3",
    ]);
    expect(s.kernelFor("d1", "management")?.items).toHaveLength(10);
    const tiny = new Scorer(loadFixture("fixtures/scoring/tiny.yaml"), {
      settings: DEFAULT_SETTINGS,
    });
    expect(tiny.kernelFor("d1", "staff")).toBeUndefined();
    // Free text is collected on the generic path only.
    const withText = new Scorer(fast, { settings: { ...DEFAULT_SETTINGS, includeFreeText: true } });
    expect(withText.kernelFor("d1", "staff")).toBeUndefined();
  });

  it("gives the generic path's assessment, whatever rows take which path", () => {
    fc.assert(
      fc.property(
        fc.array(fastRecord, { minLength: 1, maxLength: 80 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
        fc.constantFrom(0.5, 0.75, 1),
        (records, routes, minCoverage) => {
          const [generic, mixed] = both(fast, records, (i) => routes[i % routes.length]!, {
            ...DEFAULT_SETTINGS,
            minGroupSize: 1,
            minAlphaN: 2,
            minCoverage,
          });
          expect(mixed).toBe(generic);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("gives the generic path's assessment when the input lacks some items' columns", () => {
    const ids = ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "c1", "c2", "c3"];
    fc.assert(
      fc.property(
        fc.array(fastRecord, { minLength: 1, maxLength: 60 }),
        fc.subarray(ids),
        (records, missing) => {
          // Items without a column: the rows have no answer for them; conditions still read them.
          const hasColumn = (id: string) => !missing.includes(id);
          const rows = records.map((r) => ({
            ...r,
            answers: new Map([...r.answers].filter(([id]) => hasColumn(id))),
          }));
          const settings = { ...DEFAULT_SETTINGS, minGroupSize: 1, minAlphaN: 2 };
          const [generic, mixed] = both(fast, rows, () => true, settings, hasColumn);
          expect(mixed).toBe(generic);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("gives the generic path's assessment for the bundled core and department questionnaires", () => {
    const core = bundled.find((q) => q.id === "core")!;
    const likert = core.items.filter((i) => i.type === "likert").map((i) => i.id);
    const record = fc
      .record({
        dept: pick(["rpa", "amt01", "finanzen", "it"]),
        group: pick(["staff", "management"]),
        codes: fc.array(likert5, { minLength: likert.length, maxLength: likert.length }),
      })
      .map(
        ({ dept, group, codes }): ResponseRecord => ({
          respondent: "x",
          department: dept,
          group,
          answers: new Map(likert.map((id, i) => [id, codes[i]!])),
        }),
      );
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 60 }), (records) => {
        // The department questionnaires add grids, numbers and multiple choice: without columns
        // for them (the input has the core's Likert items only) they are always unanswered.
        const hasColumn = (id: string) => likert.includes(id);
        const s = new Scorer(bundled, { settings: DEFAULT_SETTINGS });
        expect(s.kernelFor("rpa", "staff")).toBeDefined();
        expect(s.kernelFor("finanzen", "staff")).toBeUndefined();
        expect(s.kernelFor("finanzen", "staff", hasColumn)).toBeDefined();
        const settings = { ...DEFAULT_SETTINGS, minGroupSize: 2, minAlphaN: 3 };
        const [generic, mixed] = both(bundled, records, () => true, settings, hasColumn);
        expect(mixed).toBe(generic);
      }),
      { numRuns: 60 },
    );
  });

  it("counts past its 16-bit tallies: spilled into doubles before they overflow", () => {
    // 70,000 rows in one cell: the per-row tallies (Int16) spill every 32,767 rows, and a
    // skipped item's count goes down before it goes up again.
    const records = fc
      .sample(fastRecord, { numRuns: 70_000, seed: 11 })
      .map((r) => ({ ...r, department: "d1", group: "staff" }));
    const [generic, mixed] = both(fast, records, () => true);
    expect(mixed).toBe(generic);
  });

  it("the state exported by one scorer, cloned (as across threads) and absorbed, merges exactly", () => {
    fc.assert(
      fc.property(
        fc.array(fastRecord, { minLength: 2, maxLength: 60 }),
        fc.nat(),
        (records, at) => {
          const settings = { ...DEFAULT_SETTINGS, minGroupSize: 1, minAlphaN: 2 };
          const cut = at % records.length;
          const whole = new Scorer(fast, { settings });
          for (const r of records) whole.add(r);
          const first = new Scorer(fast, { settings });
          const second = new Scorer(fast, { settings });
          records.forEach((r, i) => {
            const s = i < cut ? first : second;
            const target = s.kernelFor(r.department, r.group);
            if (target && i % 2) viaKernel(target, r);
            else s.add(r);
          });
          first.absorbState(structuredClone(second.exportState()));
          expect(renderJson(first.finish())).toBe(renderJson(whole.finish()));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("forks share what their scorer compiled; adopted and absorbed in file order, they give the whole", () => {
    fc.assert(
      fc.property(
        fc.array(fastRecord, { minLength: 3, maxLength: 60 }),
        fc.nat(),
        fc.nat(),
        (records, at1, at2) => {
          const settings = { ...DEFAULT_SETTINGS, minGroupSize: 1, minAlphaN: 2 };
          const [c1, c2] = [at1 % records.length, at2 % records.length].sort((a, b) => a - b);
          const whole = new Scorer(fast, { settings });
          for (const r of records) whole.add(r);
          const real = new Scorer(fast, { settings });
          // Three ranges: two forks on this thread and a scorer "in a worker" (cloned state).
          const parts = [real.fork(), new Scorer(fast, { settings }), real.fork()];
          records.forEach((r, i) => {
            const s = parts[i < c1! ? 0 : i < c2! ? 1 : 2]!;
            const target = s.kernelFor(r.department, r.group);
            if (target && i % 3) viaKernel(target, r);
            else s.add(r);
          });
          real.adopt(parts[0]!); // its cells are moved: the real scorer has none yet
          real.absorbState(structuredClone(parts[1]!.exportState()));
          real.adopt(parts[2]!); // mostly added to cells the others began
          expect(() => real.adopt(new Scorer(fast, { settings }))).toThrow(/not a fork/);
          expect(renderJson(real.finish())).toBe(renderJson(whole.finish()));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a state only the fast path added to carries no cell, and another layout's is refused", () => {
    const settings = { ...DEFAULT_SETTINGS, minGroupSize: 1 };
    const s = new Scorer(fast, { settings });
    const r = fc.sample(fastRecord, { numRuns: 1, seed: 3 })[0]!;
    viaKernel(s.kernelFor(r.department, r.group)!, r);
    const [leaf] = s.exportState();
    expect(leaf!.cell).toBeUndefined();
    expect(leaf!.kernels).toHaveLength(1);
    const other = new Scorer(fast, { settings });
    const bad = { ...leaf!, kernels: [{ ...leaf!.kernels[0]!, layout: "1" }] };
    expect(() => other.absorbState([bad])).toThrow();
  });
});
