// Where the interview's cursor starts: on no answer, on the earlier answer when a question is
// asked again, or on the scale's middle where the questionnaire says `start: middle`.
import { describe, expect, it } from "vitest";
import { startState } from "../../src/responses/interview/flow.js";
import { runInterview } from "../../src/responses/interview/interview.js";
import { FakePrompter, loadFixture, type Scripted } from "./helpers.js";

const who = { respondent: "r1", group: "staff", department: "amt" };

async function asked(script: Scripted[], middle: boolean) {
  const q = loadFixture("amt", (file, text) =>
    middle && file === "core.yaml"
      ? text.replace("  agree5:\n", "  agree5:\n    start: middle\n")
      : text,
  );
  const prompter = new FakePrompter(script);
  await runInterview(q, startState(q, who), {
    prompter,
    lang: "de",
    print: () => {},
    save: async () => {},
  });
  return prompter.asked;
}

describe("the cursor of a new question", () => {
  it("starts on no answer", async () => {
    const [first] = await asked([{ ctrlC: true }], false);
    expect(first?.default).toBeUndefined();
  });

  it("starts on the earlier answer after going back", async () => {
    const a = await asked([{ select: "2" }, { select: "← zurück" }, { ctrlC: true }], false);
    expect(a[2]?.message).toBe(a[0]?.message);
    expect(a[2]?.default).toBe("2");
  });

  it("starts on the middle of a scale with `start: middle`, never on a yes/no", async () => {
    const a = await asked([{ select: "5" }, { ctrlC: true }], true);
    expect(a[0]?.default).toBe("3");
    expect(a[1]?.message).toBe("Arbeiten Sie mit der E-Akte?");
    expect(a[1]?.default).toBeUndefined();
  });
});
