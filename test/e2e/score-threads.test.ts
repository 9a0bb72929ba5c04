// A large export is scored by two threads (the second half in a worker). Forced on a small file,
// the result must be the single-thread result to the byte: assessment, rejects, every message.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./cli.js";

/** The demo export with problem rows spread over both halves (`extra`: more rows at the end). */
function mixedExport(dir: string, extra: readonly string[] = []): string {
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
    ...extra,
  ];
  const file = join(dir, "mixed.csv");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const FILES = ["assessment.json", "rejects.csv", "scores.csv"];
const FORMATS = ["--format", "json,csv", "--lang", "en"];
const TRACE = /^.*: rows from line (\d+) on scored in a second thread( \(one read\))?\n/m;

/**
 * Scores `file` on one thread and (forced) on two; both must agree. `oneRead`: the halves were
 * scored at once (split-at-once.ts), not after a first pass.
 */
function bothWays(
  dir: string,
  file: string,
  secondThread: boolean,
  oneRead = false,
  args: readonly string[] = [],
  oneEnv: Record<string, string> = { REIFEGRAD_THREADS: "1" },
) {
  const run = (out: string, env: Record<string, string>) =>
    cli(["score", file, "--out", join(dir, out), "--format", "json,csv", "--lang", "en", ...args], {
      env,
    });
  const one = run("one", oneEnv);
  const two = run("two", { REIFEGRAD_PARALLEL_MIN_BYTES: "1", REIFEGRAD_TRACE_THREADS: "1" });
  expect(one.status, one.stderr).toBe(0);
  expect(two.status, two.stderr).toBe(0);
  const trace = TRACE.exec(two.stderr);
  if (secondThread) {
    // The second thread really ran, on rows of the second half.
    expect(trace, two.stderr).not.toBeNull();
    expect(Number(trace![1])).toBeGreaterThan(100);
    expect(trace![2] !== undefined, "one read").toBe(oneRead);
  } else expect(trace).toBeNull();
  for (const f of FILES) {
    const want = join(dir, "one", f);
    if (!existsSync(want)) expect(existsSync(join(dir, "two", f)), f).toBe(false);
    else expect(readFileSync(join(dir, "two", f), "utf8"), f).toBe(readFileSync(want, "utf8"));
  }
  expect(two.stderr.replace(TRACE, "").replaceAll("/two/", "/one/")).toBe(one.stderr);
  return one;
}

describe("score: two threads", () => {
  it("give the single-thread assessment, rejects and messages", () => {
    const dir = tempDir();
    const one = bothWays(dir, mixedExport(dir), true, true);
    expect(one.stderr).toContain("4 rejected");
    expect(one.stderr).toMatch(/unknown-label/);
  });

  it("a respondent who answered twice: one thread (the last answer needs the whole file)", () => {
    const dir = tempDir();
    const demo = readFileSync("fixtures/demo/staff-survey.csv", "utf8").split("\n");
    const again = demo[1]!.replace(/^([^,]+),[^,]+,/, "$1,finanzen,");
    const one = bothWays(dir, mixedExport(dir, [again]), false);
    expect(one.stderr).toContain("(1 duplicate)");
  });

  it("with --keep-duplicates a repeated respondent needs no check: one read, both rows scored", () => {
    const dir = tempDir();
    const demo = readFileSync("fixtures/demo/staff-survey.csv", "utf8").split("\n");
    const again = demo[1]!.replace(/^([^,]+),[^,]+,/, "$1,finanzen,");
    const one = bothWays(dir, mixedExport(dir, [again]), true, true, ["--keep-duplicates"]);
    expect(one.stderr).not.toContain("duplicate");
  });

  it("a quote inside an unquoted field before the middle changes nothing", () => {
    const dir = tempDir();
    const file = mixedExport(dir);
    // An ordinary character there, but it would fool a boundary guessed by counting quotes.
    writeFileSync(file, readFileSync(file, "utf8").replace("\nR0", '\nR"0'));
    bothWays(dir, file, true, true);
  });

  it("a quoted field with line breaks across the middle: the guessed boundary is checked", () => {
    const dir = tempDir();
    const [header, ...rows] = readFileSync("fixtures/demo/staff-survey.csv", "utf8")
      .trimEnd()
      .split("\n");
    // The middle of the file falls inside this id: a line feed there is no record boundary.
    const long = `"${Array.from({ length: 4000 }, (_, i) => `line ${i}`).join("\n")}"`;
    const quoted = rows[0]!.replace(/^[^,]+/, long);
    const file = join(dir, "quoted-middle.csv");
    const again = rows.map((r) => r.replace(/^[^,]+/, (id) => `${id}-2`));
    writeFileSync(file, `${[header, ...rows, quoted, ...again].join("\n")}\n`);
    const size = readFileSync(file).length;
    const at = readFileSync(file, "utf8").indexOf(long);
    expect(at < size / 2 && at + long.length > size / 2).toBe(true);
    bothWays(dir, file, true);
  });

  it.each([
    ["in the first half", 0.46],
    ["in the second half", 0.9],
  ])("UTF-8 that breaks after the first megabyte, %s: Windows-1252, on both threads", (_, at) => {
    const dir = tempDir();
    const [header, ...rows] = readFileSync("fixtures/demo/staff-survey.csv", "utf8")
      .trimEnd()
      .split("\n");
    // Plain ASCII rows (the demo's free text has umlauts), 2.6 MB of them.
    const body: string[] = [];
    for (let i = 0, n = 0; n < 2_600_000; i++) {
      const row = rows[i % rows.length]!.replace(/^[^,]+/, `X${i}`).replace(/[^\x20-\x7e]/g, "");
      body.push(row);
      n += row.length + 1;
    }
    // A department name with an umlaut in Windows-1252 (0xFC), far past the first chunk.
    const umlaut = rows[0]!
      .replace(/^([^,]+),[^,]+,/, "Z1,Bürgeramt,")
      .replace(/[^\x20-\x7e]/g, (c) => (c === "ü" ? c : ""));
    body.splice(Math.floor(body.length * at), 0, umlaut);
    const file = join(dir, "late-umlaut.csv");
    writeFileSync(file, Buffer.from(`${[header, ...body].join("\n")}\n`, "latin1"));
    // The guessed UTF-8 fails in one half: both are dropped, the usual two passes follow.
    const one = bothWays(dir, file, true, false);
    expect(one.stderr).toContain("encoding windows-1252");
  });

  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
  ])(
    "codes-only lines scored before they are split (%s): odd lines still go the usual way",
    (_, eol) => {
      // Without free-text columns every plain line is offered to FastRows.addLine first; the odd
      // ones below must come out as when every line is split first (REIFEGRAD_FAST_LINES=0), on
      // two threads (the one-read halves) and on one (pass 2).
      const dir = tempDir();
      const items = readFileSync("fixtures/demo/staff-survey.csv", "utf8")
        .split("\n")[0]!
        .split(",")
        .filter((h) => /^(str|rdy|prc|stf|dat|iop)_0[1-6]$/.test(h));
      const departments = ["bauen", "finanzen", "it", "amt07", "soziales"];
      const codes = ["1", "2", "3", "4", "5", "dk", ""];
      let seed = 7;
      const rand = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x80000000;
      };
      const odd = [
        (cells: string[]) => cells.with(4, "stimme zu"), // a label: the generic path converts it
        (cells: string[]) => cells.with(5, "7"), // out of range
        (cells: string[]) => cells.with(6, "12345"), // longer than any code
        (cells: string[]) => cells.slice(0, -1), // a field short
        (cells: string[]) => [...cells, "extra"], // a field long
        (cells: string[]) => [...cells, ""], // a trailing delimiter
        (cells: string[]) => cells.map((c, i) => (i < 3 ? c : "")), // no answers: rejected
        (cells: string[]) => cells.with(1, "Amt für Zauberei"), // unknown department
        (cells: string[]) => cells.with(0, ` ${cells[0]} `), // an id with blanks around it
        (cells: string[]) => cells.with(0, `"${cells[0]}"`), // quoted: never offered
      ];
      const lines = [["respondent", "department", "group", ...items].join(",")];
      for (let r = 0; r < 30_000; r++) {
        let cells = [
          `R${r}`,
          departments[Math.floor(rand() * departments.length)]!,
          rand() < 0.2 ? "management" : "staff",
          ...items.map(() => codes[Math.floor(rand() * codes.length)]!),
        ];
        if (rand() < 0.02) cells = odd[Math.floor(rand() * odd.length)]!(cells);
        lines.push(cells.join(","));
        if (rand() < 0.001) lines.push(""); // a blank line
      }
      const file = join(dir, "codes-only.csv");
      writeFileSync(file, `${lines.join(eol)}${eol}`);
      const args = ["--allow-unknown-departments"];
      const reference = { REIFEGRAD_THREADS: "1", REIFEGRAD_FAST_LINES: "0" };
      const one = bothWays(dir, file, true, true, args, reference);
      expect(one.stderr).toMatch(/unknown-label|invalid/);
      expect(one.stderr).toContain("rejected");
      const single = cli(["score", file, "--out", join(dir, "single"), ...FORMATS, ...args], {
        env: { REIFEGRAD_THREADS: "1" },
      });
      expect(single.stderr.replaceAll("/single/", "/one/")).toBe(one.stderr);
      for (const f of FILES) {
        const want = join(dir, "one", f);
        if (existsSync(want))
          expect(readFileSync(join(dir, "single", f), "utf8"), f).toBe(readFileSync(want, "utf8"));
      }
    },
  );

  it("more rejected rows than a worker keeps: the first thread reads the rest itself", () => {
    const dir = tempDir();
    const [header, ...rows] = readFileSync("fixtures/demo/staff-survey.csv", "utf8")
      .trimEnd()
      .split("\n");
    // 24,000 rows of an unknown department: 12,000 in the second half, over the worker's 10,000.
    const body = Array.from({ length: 24_000 }, (_, i) =>
      rows[i % rows.length]!.replace(/^[^,]+,[^,]+,/, `U${i},Amt für Zauberei,`),
    );
    const file = join(dir, "all-unknown.csv");
    writeFileSync(file, `${[header, ...rows, ...body].join("\n")}\n`);
    const one = bothWays(dir, file, false);
    expect(one.stderr).toContain("24000 rejected");
  });
});
