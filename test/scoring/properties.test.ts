import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderJson } from "../../src/report/json.js";
import type { ResponseRecord } from "../../src/responses/model.js";
import { DEFAULT_SETTINGS } from "../../src/scoring/assessment.js";
import { Scorer, scoreRecords } from "../../src/scoring/score.js";
import { loadFixture } from "./helpers.js";

const qs = loadFixture("fixtures/scoring/tiny.yaml");
const opts = { settings: DEFAULT_SETTINGS };
const code = fc.constantFrom("1", "2", "3", "4", "5", "dk", "na", "");
const yn = fc.constantFrom("yes", "no", "dk", "");
const record = fc
  .record({
    dept: fc.constantFrom("d1", "d2", "d3"),
    group: fc.constantFrom("staff", "staff", "management"),
    a1: code,
    a2: code,
    a3: code,
    b1: code,
    b2: yn,
    b3: code,
  })
  .map(
    (r, i = 0): ResponseRecord => ({
      respondent: `x${i}`,
      department: r.dept,
      group: r.group,
      answers: new Map(
        Object.entries({ a1: r.a1, a2: r.a2, a3: r.a3, b1: r.b1, b2: r.b2, b3: r.b3 }),
      ),
    }),
  );
const records = fc.array(record, { minLength: 1, maxLength: 60 });
const scoresOf = (json: string) =>
  JSON.stringify(
    JSON.parse(json, (k, v) =>
      ["respondents", "counts", "items", "n", "coverage", "dontKnow"].includes(k) ? undefined : v,
    ),
  );

describe("scoring properties", () => {
  it("every score stays within 0–100", () => {
    fc.assert(
      fc.property(records, (rs) => {
        const a = scoreRecords(qs, rs, opts);
        for (const u of [a.administration, ...a.departments])
          for (const d of u.dimensions)
            if (d.mean !== undefined) expect(d.mean >= 0 && d.mean <= 100).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("permuting respondents changes nothing", () => {
    fc.assert(
      fc.property(records, fc.integer(), (rs, seed) => {
        const shuffled = [...rs].sort(
          (x, y) =>
            (((x.respondent ?? "").length * seed) % 7) - (((y.respondent ?? "").length * seed) % 7),
        );
        shuffled.reverse();
        expect(renderJson(scoreRecords(qs, shuffled, opts))).toBe(
          renderJson(scoreRecords(qs, rs, opts)),
        );
      }),
      { numRuns: 100 },
    );
  });

  it("adding a respondent whose every answer is don't know changes no score", () => {
    fc.assert(
      fc.property(records, fc.constantFrom("d1", "d2", "d3"), (rs, dept) => {
        const dk: ResponseRecord = {
          respondent: "dk",
          department: dept,
          group: "staff",
          answers: new Map(["a1", "a2", "a3", "b1", "b2", "b3"].map((k) => [k, "dk"])),
        };
        const base = scoreRecords(qs, rs, { settings: { ...DEFAULT_SETTINGS, minGroupSize: 3 } });
        const more = scoreRecords(qs, [...rs, dk], {
          settings: { ...DEFAULT_SETTINGS, minGroupSize: 3 },
        });
        // Suppression depends on head counts, so compare only where both are shown.
        for (const u of base.departments) {
          const v = more.departments.find((x) => x.id === u.id)!;
          if (u.suppressed || v.suppressed) continue;
          for (const d of u.dimensions) {
            const e = v.dimensions.find((x) => x.id === d.id)!;
            if (!d.suppressed && !e.suppressed) expect(e.mean).toBe(d.mean);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("scoring in two batches equals scoring at once", () => {
    fc.assert(
      fc.property(records, fc.nat(), (rs, cut) => {
        const at = cut % (rs.length + 1);
        const s = new Scorer(qs, opts);
        for (const r of rs.slice(at)) s.add(r);
        for (const r of rs.slice(0, at)) s.add(r);
        expect(scoresOf(renderJson(s.finish()))).toBe(
          scoresOf(renderJson(scoreRecords(qs, rs, opts))),
        );
      }),
      { numRuns: 100 },
    );
  });
});
