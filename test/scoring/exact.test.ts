import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dimensionScale, integerWeights, overallScale } from "../../src/scoring/denominators.js";
import { add, cmp, decimal, keyOf, ratio, toNumber } from "../../src/scoring/exact.js";
import { normaliseExact, scored } from "../../src/scoring/item-score.js";
import { cli, tempDir } from "../e2e/cli.js";

describe("exact numbers", () => {
  it("reads decimals as they are spelt, not as the binary double behind them", () => {
    expect(keyOf(decimal(0.1))).toBe("1/10");
    expect(keyOf(decimal(33.3))).toBe("333/10");
    expect(keyOf(decimal(1e-7))).toBe("1/10000000");
    expect(keyOf(decimal(-2.5))).toBe("-5/2");
    expect(keyOf(add(decimal(0.1), decimal(0.2)))).toBe("3/10");
  });

  it("scale scores are exact thirds and sixths", () => {
    expect(keyOf(normaliseExact(2, 1, 4, false))).toBe("100/3");
    expect(keyOf(normaliseExact(2, 1, 4, true))).toBe("200/3");
    expect(keyOf(normaliseExact(3, 1, 7, false))).toBe("100/3");
    expect(keyOf(normaliseExact(2, 1, 7, false))).toBe("50/3");
    expect(scored(150, 6)).toMatchObject({ num: 25, den: 1, score: 25 });
  });

  it("compares and converts exactly", () => {
    expect(cmp(ratio(179, 3), ratio(60))).toBe(-1);
    expect(cmp(ratio(180, 3), ratio(60))).toBe(0);
    expect(toNumber(ratio(1, 3))).toBe(1 / 3);
    // Terms beyond 2⁵³ still give the nearest double.
    expect(toNumber(ratio(10n ** 30n + 1n, 3n * 10n ** 28n))).toBeCloseTo(100 / 3, 12);
  });
});

describe("common denominators", () => {
  it("a dimension's respondent scores are integers over D · lcm(reachable weight sums)", () => {
    expect(integerWeights([1, 0.5, 2])).toEqual([2, 1, 4]);
    const s = dimensionScale([1, 3], [1, 1], false, "d");
    expect(s.D).toBe(3);
    expect(s.L).toBe(6); // sums 1 and 2
    expect(s.perWeight[2]).toBe(1);
    expect(dimensionScale([3], [1], true, "d").L).toBe(3);
    const o = overallScale([6, 60], [1, 1], false, "q");
    expect(o.Q).toBe(120);
    expect(Array.from(o.factor)).toEqual([10, 1]);
  });

  it("refuses weights too fine for exact scoring, naming where", () => {
    expect(() =>
      dimensionScale([1], integerWeights([1, 2.000017]), false, "q, dimension x"),
    ).toThrow(/dimension x/);
  });

  it("the CLI refuses such a questionnaire with exit 1 and a message, no stack trace", () => {
    const dir = tempDir();
    const yaml = readFileSync("fixtures/scoring/tiny.yaml", "utf8").replace(
      "scale: agree5, weight: 2, text",
      "scale: agree5, weight: 2.000017, text",
    );
    writeFileSync(join(dir, "tiny.yaml"), yaml);
    writeFileSync(join(dir, "x.csv"), "respondent,department,group,a1\nr1,d1,staff,3\n");
    const r = cli([
      "score",
      join(dir, "x.csv"),
      "--questionnaires",
      dir,
      "--out",
      join(dir, "out"),
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/tiny\.yaml: questionnaire tiny, dimension alpha: .*too fine/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("refuses questionnaires whose scales are exact one by one but too fine together", () => {
    // Departments and groups merge cells of several questionnaires: a dimension's scores meet
    // over the lcm of every questionnaire's scale (here 199,648,680 and 899,475,720).
    const dir = tempDir();
    writeFileSync(join(dir, "tiny.yaml"), readFileSync("fixtures/scoring/tiny.yaml", "utf8"));
    const dept = (id: string, w: string) =>
      `format: 1\nid: ${id}\nextends: tiny\ndepartment: { id: ${id}, name: { de: ${id}, en: ${id} } }\n` +
      `title: { de: ${id}, en: ${id} }\nitems:\n  - { id: ${id}_x, dimension: alpha, type: likert, ` +
      `scale: agree5, weight: ${w}, text: { de: X, en: X } }\n`;
    writeFileSync(join(dir, "da.yaml"), dept("da", "1.1"));
    writeFileSync(join(dir, "db.yaml"), dept("db", "1.3"));
    writeFileSync(join(dir, "x.csv"), "respondent,department,group,a1\nr1,da,staff,3\n");
    const r = cli(["score", join(dir, "x.csv"), "--questionnaires", dir, "--out", join(dir, "o")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/tiny\.yaml: dimension alpha: the questionnaires' scales together/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    // Each one alone is scored.
    writeFileSync(join(dir, "db.yaml"), dept("db", "1.1"));
    const ok = cli(["score", join(dir, "x.csv"), "--questionnaires", dir, "--out", join(dir, "o")]);
    expect(ok.status, ok.stderr).toBe(0);
  });
});
