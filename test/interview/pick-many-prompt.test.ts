// The interview's multi-select: what ticking an answer does to the others.
import { describe, expect, it } from "vitest";
import { toggled } from "../../src/responses/interview/pick-many-prompt.js";

const order = ["web", "app", "mail", "none", "dk"] as const;
const exclusive = ["none", "dk"] as const;

describe("multi-select toggling", () => {
  it("ticks and unticks, keeping the questionnaire's order of answers", () => {
    expect(toggled(order, [], "mail", exclusive)).toEqual(["mail"]);
    expect(toggled(order, ["mail"], "web", exclusive)).toEqual(["web", "mail"]);
    expect(toggled(order, ["web", "mail"], "web", exclusive)).toEqual(["mail"]);
  });

  it("an exclusive answer stands alone: it unticks the others, and another answer unticks it", () => {
    expect(toggled(order, ["web", "mail"], "none", exclusive)).toEqual(["none"]);
    expect(toggled(order, ["none"], "dk", exclusive)).toEqual(["dk"]);
    expect(toggled(order, ["dk"], "app", exclusive)).toEqual(["app"]);
    expect(toggled(order, ["none"], "none", exclusive)).toEqual([]);
  });
});
