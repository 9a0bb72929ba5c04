// Which input of reifegrad.yaml reads a file: the rules `score` expands inputs by.
import { describe, expect, it } from "vitest";
import { inputCovers, inputFor } from "../../src/project/inputs.js";

describe("inputCovers", () => {
  it("a file path, a folder and a pattern in the last part", () => {
    expect(inputCovers("interviews/answers.csv", "interviews/answers.csv")).toBe(true);
    expect(inputCovers("./interviews/answers.csv", "interviews/answers.csv")).toBe(true);
    expect(inputCovers("interviews", "interviews/answers.csv")).toBe(true);
    expect(inputCovers("interviews/", "interviews/answers.csv")).toBe(true);
    expect(inputCovers("interviews/*.csv", "interviews/answers.csv")).toBe(true);
    expect(inputCovers("interviews/a?swers.csv", "interviews/answers.csv")).toBe(true);
  });

  it("no other folder, extension or depth", () => {
    expect(inputCovers("exports/*.csv", "interviews/answers.csv")).toBe(false);
    expect(inputCovers("interviews/*.tsv", "interviews/answers.csv")).toBe(false);
    expect(inputCovers("interviews", "interviews/notes.md")).toBe(false);
    expect(inputCovers("*.csv", "interviews/answers.csv")).toBe(false);
    expect(inputCovers("interviews/answers.csv", "answers.csv")).toBe(false);
  });

  it("inputFor finds the first input reading the file", () => {
    const inputs = [{ path: "exports/*.csv" }, { path: "interviews/answers.csv", optional: true }];
    expect(inputFor(inputs, "interviews/answers.csv")).toBe(inputs[1]);
    expect(inputFor(inputs, "answers.csv")).toBeUndefined();
  });
});
