// The previous wave a report shows its trend against (trend.ts): what assessment.json records of
// it, that the trend from the record is compare's trend, and that a cell withheld in either wave
// never gets a number.
import { describe, expect, test } from "vitest";
import { staleReasons } from "../../src/project/staleness.js";
import { buildReportDocument } from "../../src/report/document.js";
import { published, renderJson } from "../../src/report/json.js";
import { renderDocMarkdown } from "../../src/report/markdown.js";
import { parseAssessment } from "../../src/report/read-assessment.js";
import {
  buildTrend,
  previousWaveOf,
  recordPreviousWave,
  reportTrend,
  withPreviousWave,
} from "../../src/report/trend.js";
import type { Assessment, Unit } from "../../src/scoring/assessment.js";
import { ASSESSMENT_SCHEMA } from "./assessment-schema.js";
import { loadWave } from "./fixture-data.js";

const before = loadWave("2024");
const after = loadWave("2026");

/** `after` with one dimension cell of one unit withheld (as disclosure would withhold it). */
function withheld(a: Assessment, unit: string, dimension: string): Assessment {
  const hide = (u: Unit): Unit =>
    u.id !== unit
      ? u
      : {
          ...u,
          dimensions: u.dimensions.map((d) =>
            d.id === dimension
              ? { id: d.id, name: d.name, names: d.names, n: 0, suppressed: "secondary" }
              : d,
          ),
        };
  return { ...a, administration: hide(a.administration), departments: a.departments.map(hide) };
}

describe("the recorded previous wave", () => {
  test("the trend from the record is compare's trend for every unit the current wave shows", () => {
    const full = buildTrend(before, after);
    const fromRecord = buildTrend(recordPreviousWave(before, after), after);
    expect(fromRecord.before).toEqual(full.before);
    expect(fromRecord.units.map((u) => u.id)).toEqual(full.units.map((u) => u.id));
    for (const u of fromRecord.units) {
      const f = full.units.find((x) => x.id === u.id)!;
      expect(u.suppressed, u.id).toBe(f.suppressed);
      expect(u.cells, u.id).toEqual(f.cells);
    }
  });

  test("records numbers only where both waves publish; suppressed units stay without numbers", () => {
    const record = recordPreviousWave(before, after);
    // rpa is suppressed in both waves; soziales only now: neither has a recorded number.
    expect(after.departments.find((d) => d.id === "rpa")?.suppressed).toBeDefined();
    expect(record.departments.map((d) => d.id)).toEqual(
      after.departments.filter((d) => !d.suppressed).map((d) => d.id),
    );
    for (const u of [record.administration, ...record.departments])
      for (const c of u.dimensions) {
        const now = [after.administration, ...after.departments]
          .find((x) => x.id === u.id)!
          .dimensions.find((d) => d.id === c.id);
        expect(now?.mean, `${u.id}/${c.id}`).toBeTypeOf("number");
      }
  });

  test("a cell withheld now keeps no earlier number, and its trend cell is suppressed", () => {
    const now = withheld(after, "bauen", "processes");
    const record = recordPreviousWave(before, now);
    const bauen = record.departments.find((d) => d.id === "bauen")!;
    expect(bauen.dimensions.map((d) => d.id)).not.toContain("processes");
    const cell = buildTrend(record, now)
      .units.find((u) => u.id === "bauen")!
      .cells.find((c) => c.dimension === "processes");
    expect(cell).toEqual({ dimension: "processes", suppressed: true });
  });

  test("a cell withheld then is recorded as withheld, and its trend cell is suppressed", () => {
    const then = withheld(before, "administration", "strategy");
    const record = recordPreviousWave(then, after);
    expect(record.administration.dimensions.find((d) => d.id === "strategy")).toEqual({
      id: "strategy",
      n: 0,
      suppressed: "secondary",
    });
    const cell = buildTrend(record, after).units[0]!.cells.find((c) => c.dimension === "strategy");
    expect(cell).toEqual({ dimension: "strategy", suppressed: true });
    // The report shows "suppressed" there, not a change.
    const md = renderDocMarkdown(buildReportDocument(withPreviousWave(after, then), "en"));
    const row = md
      .split("\n")
      .find((l) => l.startsWith("| **Whole administration** | _suppressed_"));
    expect(row).toBeDefined();
  });

  test("assessment.json carries it, reads back, and a second record replaces the first", () => {
    const a = published(withPreviousWave(after, before));
    const parsed = parseAssessment(renderJson(a), ASSESSMENT_SCHEMA);
    expect("assessment" in parsed && previousWaveOf(parsed.assessment)).toEqual(previousWaveOf(a));
    expect(renderJson(published(withPreviousWave(a, before)))).toBe(renderJson(a));
    const broken = JSON.parse(renderJson(a));
    broken.previousWave.administration.dimensions[0].mean = "high";
    expect(parseAssessment(JSON.stringify(broken), ASSESSMENT_SCHEMA)).toEqual({
      error: expect.stringContaining("$.previousWave.administration.dimensions[0].mean"),
      errorDe: expect.stringContaining("$.previousWave.administration.dimensions[0].mean"),
    });
    expect(reportTrend(after)).toBeUndefined();
  });

  test("staleness: a changed, added or removed previous wave is named", () => {
    const a = published(withPreviousWave(after, before));
    const base = {
      project: {
        file: "reifegrad.yaml",
        questionnaires: [],
        departments: [],
        targets: {},
        inputs: [],
        settings: {},
        outputs: { dir: "reports" },
      },
      questionnaires: [],
      root: { dimensions: [] } as never,
    };
    const only = (r: ReturnType<typeof staleReasons>) =>
      r.filter((x) => x.code === "previous-changed");
    expect(only(staleReasons({ ...base, assessment: a, previous: before }))).toEqual([]);
    expect(only(staleReasons({ ...base, assessment: after }))).toEqual([]);
    const changed = only(
      staleReasons({ ...base, assessment: a, previous: { ...before, date: "2024-11-01" } }),
    );
    expect(changed).toEqual([
      expect.objectContaining({ key: "previous", now: expect.stringMatching(/^2024-11-01, /) }),
    ]);
    expect(only(staleReasons({ ...base, assessment: a }))[0]?.now).toBe("–");
    expect(only(staleReasons({ ...base, assessment: after, previous: before }))[0]?.recorded).toBe(
      "–",
    );
  });
});
