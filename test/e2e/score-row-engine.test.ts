// The row engine (assembly/row-engine.ts) scores plain lines in WebAssembly. Whatever it takes,
// the outputs must be those of the JavaScript path (REIFEGRAD_ROW_ENGINE=0) to the byte: on one
// thread and on two, for one file and for several, with compound skip logic, a department
// questionnaire next to the core, repeated respondents and lines it must leave alone.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rng } from "../../scripts/mulberry32.mjs";
import { cli, tempDir } from "./cli.js";

const QUESTIONNAIRES = "fixtures/scoring/engine";
const ITEMS = ["a1", "a2", "a3", "a4", "a5", "b1", "b2", "b3", "b4", "g1", "g2", "t1"];
/**
 * a-items use a 5-point scale with k (don't know) and n (not applicable), t1 is free text (blank
 * around the text leaves the line to the row path), the others have 4 points.
 */
const CODES = (item: string) =>
  item === "t1"
    ? ["", "", "", "gut", "sehr gut", "1", " x", "x "]
    : item.startsWith("a")
      ? ["1", "2", "3", "4", "5", "k", "n", ""]
      : ["1", "2", "3", "4", "k", ""];
const FILES = ["assessment.json", "rejects.csv", "scores.csv"];

/** Lines that the engine must decline: each goes the JavaScript way and ends as it would there. */
const ODD: ((cells: string[]) => string[])[] = [
  (c) => c.with(4, "ja"), // a label of no code
  (c) => c.with(5, "9"), // out of range
  (c) => c.with(6, "333"), // longer than any code
  (c) => c.slice(0, -1), // a field short
  (c) => [...c, "x"], // a field long
  (c) => c.map((x, i) => (i < 3 ? x : "")), // no answers: rejected
  (c) => c.map((x, i) => (i < 3 ? x : i === c.length - 1 ? "  " : "")), // blanks only: rejected
  (c) => c.map((x, i) => (i < 3 ? x : i === c.length - 1 ? "kaum" : "")), // text only: scored
  (c) => c.with(1, "Amt für Zauberei"), // a department of no questionnaire
  (c) => c.with(1, "amt9"), // a department seen only here (the core scores it)
  (c) => c.with(0, ` ${c[0]} `), // an id with blanks around it
  (c) => c.with(0, `"${c[0]}"`), // a quoted id
  (c) => c.with(2, "citizens"), // an unknown group
];

function exportLines(seed: number, rows: number, idPrefix: string, oddShare: number): string[] {
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const lines = [["respondent", "department", "group", ...ITEMS].join(",")];
  for (let r = 0; r < rows; r++) {
    let cells = [
      `${idPrefix}${r}`,
      pick(["dx", "dx", "amt1", "amt2", "dx "]),
      rand() < 0.3 ? "management" : "staff",
      ...ITEMS.map((item) => pick(CODES(item))),
    ];
    if (rand() < oddShare) cells = pick(ODD)(cells);
    lines.push(cells.join(","));
    if (rand() < 0.002) lines.push(""); // a blank line
  }
  return lines;
}

/**
 * Runs `score` with the engine, without it, and with every line split first (the reference for
 * FastRows.addLine, which the engine follows), under the given env; all must agree.
 */
function withAndWithout(
  dir: string,
  inputs: readonly string[],
  env: Record<string, string>,
): { stderr: string } {
  const args = [
    "-q",
    QUESTIONNAIRES,
    "--format",
    "json,csv",
    "--lang",
    "en",
    "--allow-unknown-departments",
    "--min-group-size",
    "3",
  ];
  const run = (out: string, extra: Record<string, string>) =>
    cli(["score", ...inputs, "--out", join(dir, out), ...args], { env: { ...env, ...extra } });
  const js = run("js", { REIFEGRAD_ROW_ENGINE: "0" });
  expect(js.status, js.stderr).toBe(0);
  for (const [way, extra] of [
    ["wasm", {}],
    ["split", { REIFEGRAD_FAST_LINES: "0" }],
  ] as const) {
    const r = run(way, extra);
    expect(r.status, r.stderr).toBe(0);
    for (const f of FILES) {
      const want = join(dir, "js", f);
      if (!existsSync(want)) expect(existsSync(join(dir, way, f)), f).toBe(false);
      else
        expect(readFileSync(join(dir, way, f), "utf8"), `${way} ${f}`).toBe(
          readFileSync(want, "utf8"),
        );
    }
    expect(r.stderr.replaceAll(`/${way}/`, "/js/")).toBe(js.stderr);
  }
  return js;
}

describe("score: the row engine", () => {
  it.each([
    ["LF, one thread", "\n", { REIFEGRAD_THREADS: "1" }],
    ["CRLF, one thread", "\r\n", { REIFEGRAD_THREADS: "1" }],
    ["LF, two threads", "\n", { REIFEGRAD_PARALLEL_MIN_BYTES: "1" }],
    ["CRLF, two threads", "\r\n", { REIFEGRAD_PARALLEL_MIN_BYTES: "1" }],
  ])("gives the JavaScript path's outputs (%s)", (_, eol, env) => {
    const dir = tempDir();
    const file = join(dir, "engine.csv");
    writeFileSync(file, `${exportLines(11, 20_000, "R", 0.03).join(eol)}${eol}`);
    const r = withAndWithout(dir, [file], env);
    // The odd lines really were there, and the usual messages came from them.
    for (const code of ["value-out-of-range", "extra-fields", "no-answers", "unknown-group"])
      expect(r.stderr).toContain(code);
    const a = JSON.parse(readFileSync(join(dir, "js", "assessment.json"), "utf8")) as {
      departments: { id: string; respondents: number }[];
    };
    expect(a.departments.find((d) => d.id === "dx")!.respondents).toBeGreaterThan(7000);
  });

  it("a respondent who answered twice, on two threads: the engine's hashes find the repeat", () => {
    const dir = tempDir();
    const lines = exportLines(6, 20_000, "R", 0);
    // Line 15,000 (second half) answers again as the respondent of line 100 (first half), whose
    // label makes it go the JavaScript way: both ways must hash the id alike.
    lines[15_000] = lines[15_000]!.replace(/^R\d+,/, "R99,");
    lines[100] = `${lines[100]!.replace(/,[^,]*$/, ",ja")}`;
    const file = join(dir, "twice.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const r = withAndWithout(dir, [file], { REIFEGRAD_PARALLEL_MIN_BYTES: "1" });
    expect(r.stderr).toContain('respondent "R99" answered again');
  });

  it("several files, one respondent in two of them: the engine sits out where ids repeat", () => {
    const dir = tempDir();
    const folder = join(dir, "in");
    mkdirSync(folder);
    writeFileSync(join(folder, "a.csv"), `${exportLines(3, 5000, "A", 0.02).join("\n")}\n`);
    const b = exportLines(4, 5000, "B", 0.02);
    writeFileSync(join(folder, "b.csv"), `${b.join("\n")}\n`);
    withAndWithout(dir, [folder], { REIFEGRAD_THREADS: "1" });
    // The same files plus a repeat: the last answer needs the whole set of files.
    b.push(b[1]!.replace(/^B0,/, "A7,"));
    writeFileSync(join(folder, "b.csv"), `${b.join("\n")}\n`);
    const r = withAndWithout(join(dir, "repeat"), [folder], { REIFEGRAD_THREADS: "1" });
    expect(r.stderr).toContain("duplicate-respondent");
  });

  it("a file with a quote on every line: every line goes the JavaScript way", () => {
    const dir = tempDir();
    const lines = exportLines(5, 3000, "Q", 0).map((l, i) =>
      i === 0 ? l : l.replace(/^([^,]*)/, '"$1"'),
    );
    const file = join(dir, "quoted.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    withAndWithout(dir, [file], { REIFEGRAD_THREADS: "1" });
  });
});
