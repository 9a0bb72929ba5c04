import { describe, expect, it } from "vitest";
import { compilePlan, scoreRespondent } from "../../src/scoring/respondent.js";
import { loadFixture } from "./helpers.js";

describe("published worked examples", () => {
  it("System Usability Scale: [4,2,5,1,4,2,5,1,4,2] → 85.0 with reverse-coded even items", () => {
    const [sus] = loadFixture("fixtures/scoring/sus.yaml");
    const answers = [4, 2, 5, 1, 4, 2, 5, 1, 4, 2];
    const get = (id: string) => String(answers[Number(id.slice(3)) - 1]);
    const r = scoreRespondent(compilePlan(sus!), "staff", get, 0.5);
    // SUS: (Σ odd (x − 1) + Σ even (5 − x)) · 2.5 = 34 · 2.5 = 85; ours: mean of 0–100 item scores
    expect(r.dimensions[0]!.score).toBeCloseTo(85, 10);
  });
});
