// The trend since a previous wave in the reports (issue 21): `score --previous` records the earlier
// wave in assessment.json, `report` renders the same bytes from it alone, a project names the
// previous wave in reifegrad.yaml and `report --check` notices when it changes.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./cli.js";

const DEMO = join(ROOT, "fixtures/demo/staff-survey.csv");

interface Cell {
  id: string;
  mean?: number;
  suppressed?: string;
}
interface U {
  id: string;
  suppressed?: string;
  dimensions: Cell[];
}

/**
 * An earlier wave from the demo export: every other row, and only four of the personnel office's
 * (so it is suppressed then and published now).
 */
function earlierExport(dir: string): string {
  const [head, ...rows] = readFileSync(DEMO, "utf8").trimEnd().split("\n");
  let personal = 0;
  const kept = rows.filter((r, i) => {
    if (r.split(",")[1] === "personal") return ++personal <= 4;
    return i % 2 === 0;
  });
  const file = join(dir, "wave-2025.csv");
  writeFileSync(file, `${[head, ...kept].join("\n")}\n`);
  return file;
}

const files = (dir: string) => readdirSync(dir).sort();

describe("score --previous / report: the change since the previous wave", () => {
  let dir: string;
  let previous: string;
  beforeAll(() => {
    dir = tempDir();
    const r = cli([
      "score",
      earlierExport(dir),
      "--out",
      join(dir, "P"),
      "--format",
      "json",
      "--date",
      "2025-05-05",
    ]);
    expect(r.status, r.stderr).toBe(0);
    previous = join(dir, "P/assessment.json");
  });

  it("score records the previous wave; report from assessment.json alone gives the same bytes", () => {
    const s = join(dir, "S");
    const r = cli([
      "score",
      DEMO,
      "--previous",
      previous,
      "--out",
      s,
      "--date",
      "2026-05-05",
      "--format",
      "terminal,md,html,json,csv",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const again = join(dir, "R");
    expect(cli(["report", join(s, "assessment.json"), "--out", again]).status).toBe(0);
    // --previous again on the same file records the same previous wave.
    const rerecorded = join(dir, "R2");
    expect(
      cli(["report", join(s, "assessment.json"), "--previous", previous, "--out", rerecorded])
        .status,
    ).toBe(0);
    expect(files(again)).toEqual(files(s));
    for (const f of files(s)) {
      expect(readFileSync(join(again, f)).equals(readFileSync(join(s, f))), f).toBe(true);
      expect(readFileSync(join(rerecorded, f)).equals(readFileSync(join(s, f))), f).toBe(true);
    }
    const html = readFileSync(join(s, "report.html"), "utf8");
    expect(html).toContain("Veränderung seit der Vorerhebung vom 5. Mai 2025");
    expect(readFileSync(join(s, "report.md"), "utf8")).toMatch(
      /\| \*\*Gesamtverwaltung\*\* \| [+-]\d+,\d\*? \|/,
    );
  });

  it("records numbers only for cells both waves publish; a cell withheld in either wave has none", () => {
    const s = join(dir, "S");
    const now = JSON.parse(readFileSync(join(s, "assessment.json"), "utf8"));
    const then = JSON.parse(readFileSync(previous, "utf8"));
    const recorded: U[] = [now.previousWave.administration, ...now.previousWave.departments];
    expect(now.previousWave.date).toBe("2025-05-05");
    // Suppressed now (gleichstellung, rpa): not recorded at all.
    for (const d of now.departments as U[])
      if (d.suppressed) expect(recorded.map((u) => u.id)).not.toContain(d.id);
    // Suppressed then (personal: 4 respondents): recorded without numbers.
    const personal = recorded.find((u) => u.id === "personal")!;
    expect(then.departments.find((d: U) => d.id === "personal").suppressed).toBe("below-minimum");
    expect(personal).toMatchObject({ suppressed: "below-minimum", dimensions: [] });
    // Every recorded number is the earlier wave's, beside a published cell of the current wave.
    for (const u of recorded) {
      const cur: U =
        u.id === "administration"
          ? now.administration
          : now.departments.find((d: U) => d.id === u.id);
      const old: U =
        u.id === "administration"
          ? then.administration
          : then.departments.find((d: U) => d.id === u.id);
      for (const c of u.dimensions.filter((x) => x.mean !== undefined)) {
        expect(cur.dimensions.find((x) => x.id === c.id)?.mean).toBeTypeOf("number");
        expect(old.dimensions.find((x) => x.id === c.id)?.mean).toBe(c.mean);
      }
    }
    const md = readFileSync(join(s, "report.md"), "utf8");
    const row = md.split("\n").find((l) => l.startsWith("| Personal") && l.includes("verdeckt"));
    expect(row, "the personnel office's trend row is suppressed").toBeDefined();
  });

  it("refuses (exit 1) an earlier wave whose items differ, and writes nothing", () => {
    const changed = JSON.parse(readFileSync(previous, "utf8"));
    changed.items = changed.items.filter((i: { id: string }) => i.id !== "str_01");
    const file = join(dir, "changed.json");
    writeFileSync(file, JSON.stringify(changed));
    const out = join(dir, "X");
    const r = cli(["score", DEMO, "--previous", file, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not comparable.*str_01/);
    expect(() => readdirSync(out)).toThrow();
    expect(cli(["score", DEMO, "--previous", join(dir, "missing.json")]).status).toBe(1);
  });

  it("in a project: previous: in reifegrad.yaml; report --check names a changed previous wave", () => {
    const p = join(tempDir(), "diagnose");
    expect(cli(["init", p]).status).toBe(0);
    copyFileSync(DEMO, join(p, "exports/staff-survey.csv"));
    mkdirSync(join(p, "waves/2025"), { recursive: true });
    copyFileSync(previous, join(p, "waves/2025/assessment.json"));
    const yaml = readFileSync(join(p, "reifegrad.yaml"), "utf8");
    writeFileSync(join(p, "reifegrad.yaml"), `${yaml}\nprevious: waves/2025/assessment.json\n`);
    const score = cli(["score"], { cwd: p });
    expect(score.status, score.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(p, "reports/assessment.json"), "utf8"));
    expect(a.previousWave.date).toBe("2025-05-05");
    expect(readFileSync(join(p, "reports/report.html"), "utf8")).toContain(
      "Veränderung seit der Vorerhebung",
    );
    expect(cli(["report", "--check"], { cwd: p }).status).toBe(0);
    // Another earlier wave under the same name: the committed reports are stale.
    const other = JSON.parse(readFileSync(previous, "utf8"));
    other.date = "2025-06-01";
    writeFileSync(join(p, "waves/2025/assessment.json"), `${JSON.stringify(other, null, 2)}\n`);
    const stale = cli(["report", "--check"], { cwd: p });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(
      /reports\/assessment\.json: previous wave \(previous:\) changed: now 2025-06-01, .*, in assessment\.json 2025-05-05, .* \[previous-changed\]/,
    );
    expect(cli(["report", "--previous", previous], { cwd: p }).status).toBe(2);
  });
});
