import { describe, expect, it } from "vitest";
import {
  finalAnswers,
  type InterviewState,
  startState,
} from "../../src/responses/interview/flow.js";
import { type InterviewIO, runInterview } from "../../src/responses/interview/interview.js";
import { interviewResult, renderResult } from "../../src/responses/interview/summary.js";
import { FakePrompter, loadFixture, type Scripted } from "./helpers.js";

const q = loadFixture();
const who = { respondent: "r1", group: "staff", department: "amt" };

function harness(script: readonly Scripted[], lang: "de" | "en" = "de") {
  const prompter = new FakePrompter(script);
  const saved: InterviewState[] = [];
  let out = "";
  const io: InterviewIO = {
    prompter,
    lang,
    print: (t) => {
      out += t;
    },
    save: async (s) => {
      saved.push(s);
    },
  };
  return { prompter, saved, io, output: () => out };
}

/** A whole interview: likert, yesno (→ `when` follow-up), number, single, multi, grid, text. */
const WHOLE: Scripted[] = [
  { select: "4" },
  { select: "yes" },
  { select: "5" },
  { input: "2,5" },
  { select: "info" },
  { checkbox: ["web", "mail"] },
  { select: "4" },
  { select: "dk" },
  { input: "Läuft gut, aber langsam" },
];

describe("runInterview", () => {
  it("asks every applicable item, saves after every answer and finishes", async () => {
    const h = harness(WHOLE);
    const outcome = await runInterview(q, startState(q, who), h.io);
    expect(outcome.kind).toBe("finished");
    expect(h.prompter.remaining).toBe(0);
    expect(h.saved).toHaveLength(WHOLE.length);
    expect(Object.fromEntries(finalAnswers(q, outcome.state))).toEqual({
      b_strategy: "4",
      b_efile: "yes",
      b_efile_use: "5",
      s_age: "2.5",
      s_portal: "info",
      s_channels: "web;mail",
      "s_tools[video]": "4",
      "s_tools[chat]": "dk",
      s_remarks: "Läuft gut, aber langsam",
    });
    expect(h.output()).toContain("Dimension 1 von 2: Grundlagen");
    expect(h.output()).toContain("Dimension 2 von 2: Online-Dienste");
    expect(h.output()).toContain("Frage 1 von 8 · 0 beantwortet");
    expect(h.output()).toContain("Frage 3 von 8 · 2 beantwortet"); // the total did not jump
  });

  it("a new interview opens with the notice; a resumed one does not repeat it", async () => {
    const h = harness([{ select: "4" }, { ctrlC: true }]);
    const first = await runInterview(q, startState(q, who), h.io);
    expect(h.output()).toMatch(/^\nHinweise zur Befragung\nZweck: .+\n/);
    expect(h.output()).toContain("Freiwilligkeit: Die Teilnahme ist freiwillig.");
    const again = harness([{ ctrlC: true }], "en");
    await runInterview(q, first.state, again.io);
    expect(again.output()).not.toContain("About this survey");
    const en = harness([{ ctrlC: true }], "en");
    await runInterview(q, startState(q, who), en.io);
    expect(en.output()).toContain("About this survey");
  });

  it("shows the progress in English", async () => {
    const h = harness([{ select: "4" }, { ctrlC: true }], "en");
    await runInterview(q, startState(q, who), h.io);
    expect(h.output()).toContain("Question 2 of 8 · 1 answered");
    expect(h.prompter.asked[1]?.choices).toContain("← back");
  });

  it("skips the `when` follow-up after no", async () => {
    const h = harness([{ select: "4" }, { select: "no" }, { ctrlC: true }]);
    const outcome = await runInterview(q, startState(q, who), h.io);
    expect(outcome.state.position).toBe("s_age");
    expect(h.prompter.asked.map((a) => a.message.split("\n")[0])).not.toContain(
      "Die E-Akte wird im Alltag genutzt.",
    );
  });

  it("offers don't know and not applicable, stored as missing codes", async () => {
    const h = harness([
      { select: "weiß nicht" },
      { select: "nicht zutreffend" },
      { input: "wn" },
      { ctrlC: true },
    ]);
    const outcome = await runInterview(q, startState(q, who), h.io);
    expect(h.prompter.asked[0]?.choices).toEqual(
      expect.arrayContaining([
        "trifft voll zu",
        "weiß nicht",
        "nicht zutreffend",
        "Speichern und beenden",
      ]),
    );
    expect(outcome.state.answers).toMatchObject({ b_strategy: "dk", b_efile: "na", s_age: "dk" });
  });

  it("shows the help text on request and asks the same question again", async () => {
    const h = harness([{ select: "? Hilfe zu dieser Frage" }, { select: "3" }, { ctrlC: true }]);
    const outcome = await runInterview(q, startState(q, who), h.io);
    expect(h.output()).toContain("Gemeint ist ein vom Gemeinderat beschlossenes Papier.");
    expect(h.prompter.asked[0]?.message).toBe(h.prompter.asked[1]?.message);
    expect(outcome.state.answers.b_strategy).toBe("3");
  });

  it("offers no help choice where there is no help text, and no back on the first question", async () => {
    const h = harness([{ select: "4" }, { ctrlC: true }]);
    await runInterview(q, startState(q, who), h.io);
    expect(h.prompter.asked[0]?.choices).not.toContain("← zurück");
    expect(h.prompter.asked[1]?.choices).not.toContain("? Hilfe zu dieser Frage");
    expect(h.prompter.asked[1]?.choices).toContain("← zurück");
  });

  it("goes back, preselects the earlier answer and lets it be changed", async () => {
    const h = harness([
      { select: "4" },
      { select: "yes" },
      { select: "← zurück" },
      { select: "no" },
      { input: "<" }, // back from the number question to b_efile
      { select: "yes" },
      { select: "2" },
      { ctrlC: true },
    ]);
    const outcome = await runInterview(q, startState(q, who), h.io);
    expect(h.prompter.asked[3]?.default).toBe("yes");
    expect(h.prompter.asked[5]?.default).toBe("no");
    expect(outcome.state.answers).toMatchObject({
      b_strategy: "4",
      b_efile: "yes",
      b_efile_use: "2",
    });
    expect(outcome.state.position).toBe("s_age");
  });

  it("pre-fills a number in the interview language when going back", async () => {
    const h = harness([
      { select: "4" },
      { select: "no" },
      { input: "2,5" },
      { select: "← zurück" },
      { input: "" },
      { ctrlC: true },
    ]);
    const outcome = await runInterview(q, startState(q, who), h.io);
    expect(h.prompter.asked[4]?.default).toBe("2,5");
    expect(outcome.state.answers.s_age).toBe("2.5");
  });

  it("refuses a number that is not one, or outside the bands", async () => {
    const h = harness([{ select: "4" }, { select: "no" }, { input: "viele" }]);
    await expect(runInterview(q, startState(q, who), h.io)).rejects.toThrow(/Bitte eine Zahl/);
    const h2 = harness([{ select: "4" }, { select: "no" }, { input: "99" }]);
    await expect(runInterview(q, startState(q, who), h2.io)).rejects.toThrow(/außerhalb/);
  });

  it("refuses an exclusive choice combined with others", async () => {
    const h = harness([
      { select: "4" },
      { select: "no" },
      { input: "1" },
      { select: "none" },
      { checkbox: ["web", "none"] },
    ]);
    await expect(runInterview(q, startState(q, who), h.io)).rejects.toThrow(/keiner davon/);
  });

  it("save and quit stops at the current question; resuming continues exactly there", async () => {
    const h = harness([{ select: "4" }, { select: "no" }, { input: "!" }]);
    const first = await runInterview(q, startState(q, who), h.io);
    expect(first.kind).toBe("saved");
    expect(first.state.position).toBe("s_age");
    expect(h.saved.at(-1)).toEqual(first.state);

    // The saved state goes through JSON (the session file) and back.
    const reloaded = JSON.parse(JSON.stringify(h.saved.at(-1))) as InterviewState;
    const h2 = harness(WHOLE.slice(3));
    const second = await runInterview(q, reloaded, h2.io);
    expect(second.kind).toBe("finished");
    expect(h2.prompter.asked[0]?.message).toMatch(/^Wie alt sind die Rechner/);
    expect(h2.output()).toContain("Frage 3 von 7 · 2 beantwortet");
    expect(Object.fromEntries(finalAnswers(q, second.state))).toMatchObject({
      b_strategy: "4",
      b_efile: "no",
      s_remarks: "Läuft gut, aber langsam",
    });
  });

  it("Ctrl-C saves and reports an interruption; nothing answered is lost", async () => {
    const h = harness([{ select: "4" }, { select: "no" }, { ctrlC: true }]);
    const outcome = await runInterview(q, startState(q, who), h.io);
    expect(outcome.kind).toBe("interrupted");
    expect(h.saved.at(-1)?.answers).toEqual({ b_strategy: "4", b_efile: "no" });
    expect(h.saved.at(-1)?.position).toBe("s_age");
  });

  it("an empty multi and an empty text are 'not answered'", async () => {
    const h = harness([
      { select: "4" },
      { select: "no" },
      { input: "" },
      { select: "keine Angabe" },
      { checkbox: [] },
      { select: "3" },
      { select: "3" },
      { input: "" },
    ]);
    const outcome = await runInterview(q, startState(q, who), h.io);
    expect(outcome.kind).toBe("finished");
    expect(Object.keys(outcome.state.answers).sort()).toEqual([
      "b_efile",
      "b_strategy",
      "s_tools[chat]",
      "s_tools[video]",
    ]);
  });
});

describe("the result at the end", () => {
  it("scores each dimension with its level name", async () => {
    const h = harness(WHOLE);
    const outcome = await runInterview(q, startState(q, who), h.io);
    const result = interviewResult(q, outcome.state, "de", 0.5);
    // basis: likert 4 → 75, yes → 100, likert 5 → 100: mean 91.7; services: 2.5 y → 100, info 50,
    // 2 of 3 channels 66.7, grid (4 → 75; dk missing) 75: mean 72.9
    expect(result.dimensions.map((d) => [d.id, d.score?.toFixed(1), d.level])).toEqual([
      ["basis", "91.7", "Vorreiter"],
      ["services", "72.9", "Vorreiter"],
    ]);
    const text = renderResult(result, "de");
    expect(text).toContain("Grundlagen");
    expect(text).toMatch(/Gesamt\s+82\s+Vorreiter/);
  });
});
