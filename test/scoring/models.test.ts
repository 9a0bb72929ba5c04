// Published maturity models expressed as questionnaires, scored by hand (see docs/methodology.md
// and the worked example of the EU DMA in the project's reference notes, "Formula B").
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/scoring/assessment.js";
import { compilePlan, scoreRespondent } from "../../src/scoring/respondent.js";
import { scoreRecords } from "../../src/scoring/score.js";
import { loadFixture, rec } from "./helpers.js";

const ticks = (n: number) =>
  Array.from({ length: n }, (_, i) => `c${String(i + 1).padStart(2, "0")}`).join(";");
const rows = (id: string, codes: readonly string[]) =>
  Object.fromEntries(codes.map((c, i) => [`${id}[r${String(i + 1).padStart(2, "0")}]`, c]));

describe("EU EDIH DMA for public sector organisations", () => {
  const [dma] = loadFixture("fixtures/questionnaires/eu-dma-pso.yaml");
  // The worked example: Q15 6/10; Q16 invested rows 1–3, planned rows 1,2,4,5,6 (done wins);
  // Q17 5/9; Q18 [0,1,2,3,4,5,0,2]; Q19 4/7; Q20 5/10; Q21 3/9; Q22 4/6; Q23 implemented 1–8,
  // planned 9–14; Q24 3/9; Q25 [No, Partially, Yes, Partially, No].
  const answers: Record<string, string> = {
    q15: ticks(6),
    ...rows("q16", ["done", "done", "done", "planned", "planned", "planned", "none", "none"]),
    q17: ticks(5),
    ...rows("q18", ["0", "1", "2", "3", "4", "5", "0", "2"]),
    q19: ticks(4),
    q20: ticks(5),
    q21: ticks(3),
    q22: ticks(4),
    ...rows("q23", [...Array(8).fill("done"), ...Array(6).fill("planned"), "none", "none"]),
    q24: ticks(3),
    ...rows("q25", ["no", "partially", "yes", "partially", "no"]),
  };

  it("reproduces the dimension scores of the worked example", () => {
    const r = scoreRespondent(compilePlan(dma!), "staff", (k) => answers[k], 0.5);
    const d = r.dimensions.map((x) => x.score!);
    // D1 = (60 + (3·100 + 3·50)/8) / 2 = 58.125; D2 = (55.56 + 42.5) / 2 = 49.03
    // D3 = (57.14 + 50) / 2 = 53.57; D4 = (33.33 + 66.67) / 2 = 50; D5 = (8·100 + 6·50) / 16 = 68.75
    // D6 = (33.33 + 40) / 2 = 36.67
    expect(d[0]).toBeCloseTo(58.125, 10);
    expect(d[1]).toBeCloseTo((500 / 9 + 42.5) / 2, 10);
    expect(d[2]).toBeCloseTo((400 / 7 + 50) / 2, 10);
    expect(d[3]).toBeCloseTo(50, 10);
    expect(d[4]).toBeCloseTo(68.75, 10);
    expect(d[5]).toBeCloseTo((100 / 3 + 40) / 2, 10);
  });

  it("overall = unweighted mean of the six dimensions → 52.69, Moderately advanced", () => {
    const a = scoreRecords(
      [dma!],
      Array.from({ length: 5 }, () => rec(answers, "pso")),
      {
        settings: DEFAULT_SETTINGS,
      },
    );
    const pso = a.departments[0]!;
    expect(pso.overall.score).toBeCloseTo(52.69, 2);
    expect(pso.overall.level).toBe("moderately_advanced");
  });
});

describe("OZG maturity model (weakest link)", () => {
  const [ozg] = loadFixture("fixtures/questionnaires/ozg.yaml");
  it("a service is as mature as its lowest criterion", () => {
    const answers: Record<string, string> = {
      wohnen_info: "4",
      wohnen_antrag: "2",
      wohnen_nachweis: "4",
      wohnen_bescheid: "4",
      gewerbe_info: "3",
      gewerbe_antrag: "3",
      gewerbe_bezahlung: "na",
      gewerbe_bescheid: "4",
      bauen_info: "1",
      bauen_antrag: "0",
      bauen_nachweis: "1",
      bauen_bescheid: "1",
    };
    const a = scoreRecords(
      [ozg!],
      Array.from({ length: 5 }, () => rec(answers, "amt")),
      {
        settings: DEFAULT_SETTINGS,
      },
    );
    const amt = a.departments[0]!;
    const byId = Object.fromEntries(amt.dimensions.map((d) => [d.id, d]));
    // wohnen: one criterion at stage 2, all others at 4 → stage 2 (50)
    expect(byId.wohnen!.mean).toBe(50);
    expect(byId.wohnen!.level).toBe("stufe2");
    // gewerbe: payment not applicable, the rest 3, 3, 4 → stage 3 (75)
    expect(byId.gewerbe!.mean).toBe(75);
    expect(byId.gewerbe!.level).toBe("stufe3");
    // bauen: lowest criterion at stage 0
    expect(byId.bauen!.mean).toBe(0);
    // Priorities by gap to the target stage 3 (75): bauen 75, wohnen 25
    expect(amt.priorities!.map((p) => [p.dimension, p.gap])).toEqual([
      ["bauen", 75],
      ["wohnen", 25],
    ]);
  });
});
