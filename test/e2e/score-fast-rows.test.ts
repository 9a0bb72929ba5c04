// The fast path finds a row's department and group by a few of their bytes, then compares the
// whole name: departments alike in those bytes must still be told apart, however many there are.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./cli.js";

describe("score: fast rows", () => {
  it("keeps departments apart whose names share length, first and last bytes", () => {
    const dir = tempDir();
    const header = readFileSync("fixtures/demo/staff-survey.csv", "utf8").split("\n")[0]!;
    const items = header.split(",").slice(3);
    const likert = (id: string) => /^(str|rdy|prc|stf|dat|iop|svc|grn)_/.test(id);
    // 90 departments "amt<letter><letter>01": same length, same first byte, same last two.
    const letters = "abcdefghij";
    const depts = [...letters].flatMap((a) => [...letters.slice(0, 9)].map((b) => `amt${a}${b}01`));
    const lines = [header];
    depts.forEach((d, k) => {
      // Each department answers one value throughout: its mean tells whether rows mixed.
      const code = String((k % 5) + 1);
      for (let r = 0; r < 5; r++) {
        const group = r % 2 ? "staff" : "management";
        const cells = items.map((id) => (likert(id) ? code : ""));
        lines.push([`${d}-${r}`, d, group, ...cells].join(","));
      }
    });
    const file = join(dir, "alike.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const r = cli([
      "score",
      file,
      "--out",
      join(dir, "out"),
      "--format",
      "json",
      "--allow-unknown-departments",
      "--min-group-size",
      "3",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, "out", "assessment.json"), "utf8")) as {
      departments: { id: string; respondents: number; dimensions: { mean: number | null }[] }[];
    };
    expect(a.departments).toHaveLength(depts.length);
    const means = (d: string) => {
      const unit = a.departments.find((u) => u.id === d)!;
      expect(unit.respondents, d).toBe(5);
      return unit.dimensions.map((x) => x.mean);
    };
    // Departments answering alike score alike; the five answer values score differently.
    const byCode = [0, 1, 2, 3, 4].map((k) => means(depts[k]!));
    expect(new Set(byCode.map((m) => JSON.stringify(m))).size).toBe(5);
    depts.forEach((d, k) => {
      expect(means(d), d).toEqual(byCode[k % 5]);
    });
  });
});
