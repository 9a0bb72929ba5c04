import { describe, expect, it } from "vitest";
import {
  answerColumns,
  currentStep,
  finalAnswers,
  type InterviewState,
  next,
  parseNumber,
  progressOf,
  reconcile,
  startState,
  stepsOf,
} from "../../src/responses/interview/flow.js";
import { loadFixture } from "./helpers.js";

const q = loadFixture();
const who = { respondent: "r1", group: "staff", department: "amt" };

function answerAll(state: InterviewState, values: readonly string[]): InterviewState {
  return values.reduce((s, value) => next(q, s, { type: "answer", value }), state);
}

describe("steps", () => {
  it("makes one step per item and one per grid row, in questionnaire order", () => {
    expect(stepsOf(q).map((s) => s.key)).toEqual([
      "b_strategy",
      "b_efile",
      "b_efile_use",
      "b_plan",
      "s_age",
      "s_portal",
      "s_channels",
      "s_tools[video]",
      "s_tools[chat]",
      "s_remarks",
    ]);
    expect(answerColumns(q)).toEqual(stepsOf(q).map((s) => s.key));
  });

  it("starts at the first applicable item, with the questionnaire identity", () => {
    const s = startState(q, who);
    expect(s.position).toBe("b_strategy");
    expect(s.questionnaire).toEqual({ id: "amt", version: "1", contentHash: q.contentHash });
  });
});

describe("skip logic", () => {
  it("skips an item whose `when` is false, and items of other groups", () => {
    const s = answerAll(startState(q, who), ["4", "no"]);
    expect(s.position).toBe("s_age"); // b_efile_use (when b_efile == yes) and b_plan (management) skipped
  });

  it("asks an item whose `when` became true", () => {
    const s = answerAll(startState(q, who), ["4", "yes"]);
    expect(s.position).toBe("b_efile_use");
  });

  it("asks group-restricted items of the respondent's group", () => {
    const s = answerAll(startState(q, { ...who, group: "management" }), ["4", "no"]);
    expect(s.position).toBe("b_plan");
  });

  it("counts what will or still may be asked: the total never grows going forward", () => {
    const start = startState(q, who);
    // b_efile_use (when b_efile == 'yes') may still be asked; b_plan is for management only.
    expect(progressOf(q, start)).toEqual({ index: 1, total: 8, answered: 0 });
    const one = answerAll(start, ["4"]);
    expect(progressOf(q, one)).toEqual({ index: 2, total: 8, answered: 1 });
    const yes = answerAll(start, ["4", "yes"]);
    expect(progressOf(q, yes)).toEqual({ index: 3, total: 8, answered: 2 });
    // "no" rules the follow-up out: one question fewer, and the next one is number 3.
    const no = answerAll(start, ["4", "no"]);
    expect(progressOf(q, no)).toEqual({ index: 3, total: 7, answered: 2 });
    // Going back to b_efile: the follow-up is possible again.
    expect(progressOf(q, next(q, no, { type: "back" }))).toEqual({
      index: 2,
      total: 8,
      answered: 2,
    });
  });
});

describe("going back", () => {
  it("goes to the previous applicable step, skipping items that do not apply", () => {
    const s = answerAll(startState(q, who), ["4", "no"]);
    expect(next(q, s, { type: "back" }).position).toBe("b_efile");
  });

  it("stays on the first step", () => {
    const s = startState(q, who);
    expect(next(q, s, { type: "back" })).toBe(s);
  });

  it("goes back row by row through a grid", () => {
    let s = answerAll(startState(q, who), ["4", "no", "2", "info", "web", "3"]);
    expect(s.position).toBe("s_tools[chat]");
    s = next(q, s, { type: "back" });
    expect(s.position).toBe("s_tools[video]");
    expect(currentStep(q, s)?.rowIndex).toBe(0);
  });

  it("goes back from the end to the last applicable step", () => {
    const done = answerAll(startState(q, who), ["4", "no", "2", "info", "web", "3", "4", ""]);
    expect(done.position).toBeUndefined();
    expect(progressOf(q, done).index).toBe(8);
    expect(next(q, done, { type: "back" }).position).toBe("s_remarks");
  });

  it("keeps a changed answer and drops the stale follow-up from the final answers", () => {
    let s = answerAll(startState(q, who), ["4", "yes", "5"]);
    expect(s.answers.b_efile_use).toBe("5");
    s = next(q, next(q, s, { type: "back" }), { type: "back" });
    expect(s.position).toBe("b_efile");
    s = next(q, s, { type: "answer", value: "no" });
    expect(s.position).toBe("s_age");
    expect(finalAnswers(q, s).has("b_efile_use")).toBe(false);
    expect(finalAnswers(q, s).get("b_efile")).toBe("no");
  });

  it("an empty answer clears the previous one", () => {
    let s = answerAll(startState(q, who), ["4"]);
    s = next(q, next(q, s, { type: "back" }), { type: "answer", value: "" });
    expect(s.answers.b_strategy).toBeUndefined();
  });
});

describe("numbers", () => {
  it("accepts a decimal comma and returns the canonical form", () => {
    expect(parseNumber("2,5")).toBe("2.5");
    expect(parseNumber(" 12 ")).toBe("12");
    expect(parseNumber("0.75")).toBe("0.75");
    expect(parseNumber("1e3")).toBeUndefined();
    expect(parseNumber("abc")).toBeUndefined();
    expect(parseNumber("1,2,3")).toBeUndefined();
  });
});

describe("a changed questionnaire", () => {
  const answered = answerAll(startState(q, who), [
    "4",
    "no",
    "2,5".replace(",", "."),
    "info",
    "web;app",
    "dk",
  ]);

  it("keeps everything when only texts changed", () => {
    const q2 = loadFixture("amt", (f, t) =>
      f === "amt.yaml" ? t.replace("Anmerkungen", "Bemerkungen") : t,
    );
    expect(q2.contentHash).not.toBe(q.contentHash);
    const { state, dropped } = reconcile(q2, answered);
    expect(dropped).toEqual([]);
    expect(state.answers).toEqual(answered.answers);
    expect(state.position).toBe(answered.position);
    expect(state.questionnaire.contentHash).toBe(q2.contentHash);
  });

  it("drops answers of removed items, removed grid rows and codes that no longer exist", () => {
    const q2 = loadFixture("amt", (f, t) =>
      f === "amt.yaml"
        ? t
            .replace(
              '      - { code: info, score: 50, label: { de: "nur Informationen", en: "information only" } }\n',
              "",
            )
            .replace(
              '      - { id: video, text: { de: "Videokonferenz", en: "video conferencing" } }\n',
              "",
            )
            .replace("remove: []\n", "")
            .replace("items:\n", "remove: [b_strategy]\n\nitems:\n")
        : t,
    );
    const { state, dropped } = reconcile(q2, answered);
    expect(dropped.map((d) => [d.key, d.reason])).toEqual([
      ["b_strategy", "removed"],
      ["s_portal", "invalid"],
      ["s_tools[video]", "removed"],
    ]);
    expect(state.answers).toEqual({ b_efile: "no", s_age: "2.5", s_channels: "web;app" });
    // s_portal's code is gone: the interview goes back to ask it again (then on to s_tools[chat]).
    expect(state.position).toBe("s_portal");
    expect(next(q2, state, { type: "answer", value: "full" }).position).toBe("s_channels");
  });

  it("keeps the position when only removed items were dropped", () => {
    const q2 = loadFixture("amt", (f, t) =>
      f === "amt.yaml" ? t.replace("items:\n", "remove: [b_strategy]\n\nitems:\n") : t,
    );
    const { state, dropped } = reconcile(q2, answered);
    expect(dropped.map((d) => d.key)).toEqual(["b_strategy"]);
    expect(state.position).toBe(answered.position);
  });

  it("moves the position to the first open step when its step is gone", () => {
    const atRow = answerAll(startState(q, who), ["4", "no", "2", "info", "web"]);
    expect(atRow.position).toBe("s_tools[video]");
    const q2 = loadFixture("amt", (f, t) =>
      f === "amt.yaml"
        ? t.replace(
            '      - { id: video, text: { de: "Videokonferenz", en: "video conferencing" } }\n',
            "",
          )
        : t,
    );
    expect(reconcile(q2, atRow).state.position).toBe("s_tools[chat]");
  });
});
