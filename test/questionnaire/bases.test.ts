// A file checked alone finds the questionnaires it extends among candidate files.
import { describe, expect, it } from "vitest";
import { findBases } from "../../src/questionnaire/bases.js";

const file = (path: string, text: string) => ({ path, text });

describe("findBases", () => {
  const core = file("q/core.yaml", "format: 1\nid: core\n");
  const mid = file("q/mid.yaml", "format: 1\nid: mid\nextends: core\n");
  const dept = file("q/departments/amt.yaml", "format: 1\nid: amt\nextends: mid\n");

  it("follows extends transitively, first candidate wins", () => {
    const other = file("bundled/core.yaml", "format: 1\nid: core\n");
    const found = findBases([dept], [mid, core, other]);
    expect(found.map((f) => [f.id, f.source.path])).toEqual([
      ["mid", "q/mid.yaml"],
      ["core", "q/core.yaml"],
    ]);
  });

  it("adds nothing a given file defines, and leaves unknown ids to the loader", () => {
    expect(findBases([dept, mid, core], [core])).toEqual([]);
    expect(findBases([file("x.yaml", "id: x\nextends: nowhere\n")], [core])).toEqual([]);
    expect(findBases([file("broken.yaml", "id: [")], [core])).toEqual([]);
  });
});
