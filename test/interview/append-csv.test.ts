import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { appendCsvRow, appendToCsvText } from "../../src/io/append-csv.js";
import { withFileLock } from "../../src/io/file-lock.js";
import { ensureBuilt, ROOT } from "./build.js";

const COLS = ["respondent", "department", "group", "a", "b"];
const row = (r: string, extra: Record<string, string> = {}) =>
  new Map(
    Object.entries({
      respondent: r,
      department: "amt",
      group: "staff",
      a: "1",
      b: "x;y",
      ...extra,
    }),
  );

describe("appendToCsvText", () => {
  it("creates the file with the header", () => {
    const { text, result } = appendToCsvText(undefined, COLS, row("r1"));
    expect(text).toBe("respondent,department,group,a,b\nr1,amt,staff,1,x;y\n");
    expect(result).toEqual({ addedColumns: [], rows: 1 });
  });

  it("keeps every existing byte when the header fits", () => {
    const existing = '\uFEFFrespondent,department,group,a,b\r\nr0,amt,staff,"2",\r\n';
    const { text } = appendToCsvText(existing, COLS, row("r1", { b: 'say "hi", ok' }));
    expect(text).toBe(`${existing}r1,amt,staff,1,"say ""hi"", ok"\n`);
  });

  it("adds a newline when the last row has none", () => {
    const { text } = appendToCsvText(
      "respondent,department,group,a,b\nr0,amt,staff,2,",
      COLS,
      row("r1"),
    );
    expect(text).toBe("respondent,department,group,a,b\nr0,amt,staff,2,\nr1,amt,staff,1,x;y\n");
  });

  it("merges a different header: union of the columns, existing order first", () => {
    const existing = "respondent,department,group,a,z\nr0,bau,staff,5,old\n";
    const { text, result } = appendToCsvText(existing, COLS, row("r1"));
    expect(result).toEqual({ addedColumns: ["b"], rows: 2 });
    expect(text).toBe(
      "respondent,department,group,a,z,b\nr0,bau,staff,5,old,\nr1,amt,staff,1,,x;y\n",
    );
  });

  it("refuses to touch a file that is not CSV", () => {
    expect(() => appendToCsvText('a,"b\n', COLS, row("r1"))).toThrow(/not valid CSV/);
  });

  it("writes CSV that reads back cell for cell (score reads it end to end in test/e2e/run)", () => {
    const { text } = appendToCsvText(
      undefined,
      [...COLS, "g[r1]"],
      row("r1", { "g[r1]": "dk", a: "Läuft, gut" }),
    );
    const [record] = parse(text, { columns: true }) as Record<string, string>[];
    expect(record?.a).toBe("Läuft, gut");
    expect(record?.["g[r1]"]).toBe("dk");
  });
});

describe("appendCsvRow under a lock", () => {
  it("loses no row when many appends run at the same time", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "append-")), "answers.csv");
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        appendCsvRow(file, COLS, row(`r${i}`, i % 5 === 0 ? { extra: "e" } : {})),
      ),
    );
    const rows = parse(await readFile(file, "utf8")) as string[][];
    expect(rows[0]).toEqual([...COLS, "extra"]);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(Array.from({ length: 25 }, (_, i) => `r${i}`).sort());
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("takes over a stale lock left by a process that is gone", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "append-")), "answers.csv");
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    await writeFile(`${file}.lock`, `${dead}\n`);
    await appendCsvRow(file, COLS, row("r1"), { timeoutMs: 2000 });
    expect(await readFile(file, "utf8")).toContain("r1,amt,staff");
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("waits for a live lock and gives up with a clear message", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "append-")), "answers.csv");
    await writeFile(`${file}.lock`, `${process.ppid}\n`);
    await expect(appendCsvRow(file, COLS, row("r1"), { timeoutMs: 150 })).rejects.toThrow(
      /is held by process/,
    );
    expect(existsSync(file)).toBe(false);
  });

  it("releases the lock when the work fails", async () => {
    const lock = join(await mkdtemp(join(tmpdir(), "lock-")), "x.lock");
    await expect(withFileLock(lock, async () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    expect(existsSync(lock)).toBe(false);
  });
});

describe("appendCsvRow from parallel processes", () => {
  beforeAll(async () => {
    await ensureBuilt();
  });

  it("keeps every row of 6 processes × 5 appends", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "append-")), "answers.csv");
    const mod = pathToFileURL(join(ROOT, "dist/io/append-csv.js")).href;
    const script = `
      const { appendCsvRow } = await import(${JSON.stringify(mod)});
      const [file, who] = process.argv.slice(1);
      for (let i = 0; i < 5; i++) {
        await appendCsvRow(file, ["respondent", "department", "group", "a"],
          new Map([["respondent", who + "-" + i], ["department", "amt"], ["group", "staff"], ["a", String(i)]]));
      }`;
    const run = (who: string) =>
      new Promise<number>((resolve, reject) => {
        const p = spawn(process.execPath, ["--input-type=module", "-e", script, file, who], {
          stdio: "inherit",
        });
        p.on("error", reject);
        p.on("exit", (code) => resolve(code ?? 1));
      });
    const codes = await Promise.all(["p1", "p2", "p3", "p4", "p5", "p6"].map(run));
    expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    const rows = parse(await readFile(file, "utf8")) as string[][];
    expect(rows.length).toBe(1 + 30);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(30);
  });
});
