// A large export is scored by two threads (the second half in a worker). Forced on a small file,
// the result must be the single-thread result to the byte: assessment, rejects, every message.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./cli.js";

/** The demo export with problem rows spread over both halves. */
function mixedExport(dir: string): string {
  const [header, ...rows] = readFileSync("fixtures/demo/staff-survey.csv", "utf8")
    .trimEnd()
    .split("\n");
  const columns = header!.split(",").slice(3);
  // Answers for the core's items only (department items have other codes).
  const core = (i: number) => /^(str|rdy|prc|stf|dat|iop|svc|grn)_/.test(columns[i]!);
  const row = (id: string, dept: string, cells: (i: number) => string) =>
    [id, dept, "staff", ...columns.map((_, i) => (core(i) ? cells(i) : ""))].join(",");
  const problems = (tag: string) => [
    row(`${tag}-unknown`, "Amt für Zauberei", () => "3"), // rejected: unknown department
    row(`${tag}-bad`, "finanzen", (i) => (i === 2 ? "7" : "4")), // one bad cell, row kept
    row(`${tag}-label`, "bauen", (i) => (i === 0 ? "stimme zu" : "2")), // a label, not a code
    row(`${tag}-empty`, "it", () => ""), // rejected: no answers
    `"${tag}-quoted\nid",${row("", "soziales", () => "5").slice(1)}`,
    `${row(`${tag}-long`, "personal", () => "1")},extra`, // an extra field
    row(`${tag}-rpa`, "rpa", () => "4"), // a unit without its own questionnaire
  ];
  const half = Math.floor(rows.length / 2);
  const lines = [
    header,
    ...rows.slice(0, 50),
    ...problems("a"),
    ...rows.slice(50, half + 50),
    ...problems("b"),
    ...rows.slice(half + 50),
  ];
  const file = join(dir, "mixed.csv");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("score: two threads", () => {
  it("give the single-thread assessment, rejects and messages", () => {
    const dir = tempDir();
    const file = mixedExport(dir);
    const run = (out: string, env: Record<string, string>) =>
      cli(["score", file, "--out", join(dir, out), "--format", "json,csv", "--lang", "en"], {
        env,
      });
    const one = run("one", { REIFEGRAD_THREADS: "1" });
    const two = run("two", { REIFEGRAD_PARALLEL_MIN_BYTES: "1", REIFEGRAD_TRACE_THREADS: "1" });
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    // The second thread really ran, on rows of the second half.
    const trace = /^.*: rows from line (\d+) on scored in a second thread\n/m.exec(two.stderr);
    expect(trace, two.stderr).not.toBeNull();
    expect(Number(trace![1])).toBeGreaterThan(100);
    const files = ["assessment.json", "rejects.csv", "scores.csv"];
    for (const f of files)
      expect(readFileSync(join(dir, "two", f), "utf8"), f).toBe(
        readFileSync(join(dir, "one", f), "utf8"),
      );
    expect(two.stderr.replace(trace![0], "").replaceAll("/two", "/one")).toBe(one.stderr);
    expect(one.stderr).toContain("4 rejected");
    expect(one.stderr).toMatch(/unknown-label|not a code|invalid/);
  });
});
