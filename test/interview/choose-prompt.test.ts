// The interview's list prompt: numbered answers, keys for the rest, what a typed key points at.
import { describe, expect, it } from "vitest";
import { rowFor, rowsOf } from "../../src/responses/interview/choose-prompt.js";

const choices = [
  { value: "1", name: "trifft nicht zu" },
  { value: "2", name: "teils" },
  { value: "3", name: "trifft zu" },
  { value: "dk", name: "weiß nicht", key: "w", separatorBefore: true },
  {
    value: "@@help",
    name: "? Hilfe zu dieser Frage",
    key: "?",
    immediate: true,
    separatorBefore: true,
  },
  { value: "@@back", name: "← zurück", key: "<", immediate: true },
];

describe("choose prompt rows", () => {
  it("numbers the answers, labels the rest with their keys, draws the lines, shows a sign once", () => {
    const rows = rowsOf(choices);
    expect(rows.map((r) => (r.kind === "line" ? "──" : `${r.label} ${r.choice.name}`))).toEqual([
      "1. trifft nicht zu",
      "2. teils",
      "3. trifft zu",
      "──",
      "w weiß nicht",
      "──",
      "? Hilfe zu dieser Frage",
      "< ← zurück",
    ]);
  });

  it("a digit points at the numbered answer, a key at its choice, anything else at none", () => {
    const rows = rowsOf(choices);
    const value = (typed: string) => {
      const r = rows[rowFor(rows, typed)];
      return r?.kind === "choice" ? r.choice.value : undefined;
    };
    expect(value("2")).toBe("2");
    expect(value("W")).toBe("dk");
    expect(value("<")).toBe("@@back");
    expect(value("4")).toBeUndefined();
    expect(value("x")).toBeUndefined();
    expect(value("")).toBeUndefined();
  });
});
