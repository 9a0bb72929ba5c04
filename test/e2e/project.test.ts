// The assessment-folder workflow: init → exports → score (no arguments) → report --check.
import { appendFileSync, copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./cli.js";

function newProject(): string {
  const dir = join(tempDir(), "diagnose");
  const r = cli(["init", dir]);
  expect(r.status, r.stderr).toBe(0);
  copyFileSync(join(ROOT, "fixtures/demo/staff-survey.csv"), join(dir, "exports/staff-survey.csv"));
  return dir;
}

describe("assessment folder (reifegrad.yaml)", () => {
  it("init scaffolds the folder and refuses to overwrite it", () => {
    const dir = join(tempDir(), "p");
    expect(cli(["init", dir]).status).toBe(0);
    for (const f of [
      "reifegrad.yaml",
      "README.md",
      "questionnaires/core.yaml",
      "questionnaires/departments/bauen.yaml",
      "schema/questionnaire.schema.json",
      "schema/project.schema.json",
      "exports/.gitkeep",
      ".github/workflows/reifegrad.yml",
      ".gitlab-ci.yml",
    ])
      expect(existsSync(join(dir, f)), f).toBe(true);
    // The CI job runs the check with the pinned reifegrad (test/e2e/ci-check.test.ts runs it).
    expect(readFileSync(join(dir, ".github/workflows/reifegrad.yml"), "utf8")).toMatch(
      /run: reifegrad report --check/,
    );
    const again = cli(["init", dir]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/overwrites nothing/);
    expect(cli(["validate"], { cwd: dir }).status).toBe(0);
  });

  it("score with no arguments scores the inputs; report --check passes, then fails on a changed target", () => {
    const dir = newProject();
    const score = cli(["score"], { cwd: dir });
    expect(score.status, score.stderr).toBe(0);
    expect(score.stderr).toMatch(/403 rows read = 403 scored/);
    const a = JSON.parse(readFileSync(join(dir, "reports/assessment.json"), "utf8"));
    expect(a.departments.find((d: { id: string }) => d.id === "buergeramt").name).toBe("Bürgeramt");

    const clean = cli(["report", "--check"], { cwd: join(dir, "exports") }); // found walking up
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stderr).toMatch(/are current/);

    const yaml = readFileSync(join(dir, "reifegrad.yaml"), "utf8");
    writeFileSync(join(dir, "reifegrad.yaml"), `${yaml}\ntargets:\n  bauen: { services: L5 }\n`);
    const stale = cli(["report", "--check"], { cwd: dir });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/reports\/assessment\.json: target bauen\/services changed/);
    expect(stale.stderr).toMatch(/reports\/report\.md: rendered from the stale assessment\.json/);
  });

  it("a department assessed by interview is an expert assessment: shown, apart from the survey totals", () => {
    const dir = newProject();
    const file = join(dir, "reifegrad.yaml");
    const yaml = readFileSync(file, "utf8");
    // rpa has 4 respondents in the demo: below the minimum group size of 5, hidden as a survey.
    const declared = yaml.replace(
      /( {2}- \{ id: soziales.*\n)/,
      "$1  - { id: rpa, method: interview }\n",
    );
    expect(declared).not.toBe(yaml);
    writeFileSync(file, declared);
    const score = cli(["score"], { cwd: dir });
    expect(score.status, score.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, "reports/assessment.json"), "utf8"));
    const rpa = a.departments.find((d: { id: string }) => d.id === "rpa");
    expect(rpa.method).toBe("interview");
    expect(rpa.suppressed).toBeUndefined();
    expect(rpa.respondents).toBe(4);
    expect(rpa.dimensions.every((d: { mean?: number }) => d.mean !== undefined)).toBe(true);
    // Never pooled: the administration counts the 399 survey respondents only.
    expect(a.administration.respondents).toBe(399);
    expect(
      a.suppression.records.filter((r: { unit: string }) => r.unit.startsWith("department:rpa")),
    ).toEqual([]);
    expect(cli(["report", "--check"], { cwd: dir }).status).toBe(0);

    writeFileSync(file, yaml);
    const stale = cli(["report", "--check"], { cwd: dir });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(
      /method of rpa changed: now survey, in assessment\.json interview/,
    );
  });

  it("headcounts give response rates; flags override the project file", () => {
    const dir = newProject();
    const yaml = readFileSync(join(dir, "reifegrad.yaml"), "utf8").replace(
      '- { id: bauen, name: { de: "Bauen und Planen", en: "Building and planning" }, aliases: [] }',
      '- { id: bauen, name: { de: "Bauen und Planen", en: "Building and planning" }, aliases: [], headcount: 250 }',
    );
    writeFileSync(join(dir, "reifegrad.yaml"), yaml);
    const r = cli(["score", "--min-group-size", "7", "--format", "json"], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const a = JSON.parse(readFileSync(join(dir, "reports/assessment.json"), "utf8"));
    const bauen = a.departments.find((d: { id: string }) => d.id === "bauen");
    expect(bauen.headcount).toBe(250);
    expect(bauen.responseRate).toBeCloseTo(62 / 250, 6);
    expect(bauen.lowResponseRate).toBe(true);
    expect(a.settings.minGroupSize).toBe(7);
  });

  it("a project file with mistakes fails with file:line:column errors", () => {
    const dir = newProject();
    appendFileSync(
      join(dir, "reifegrad.yaml"),
      "targets:\n  bauamt: { services: L4 }\n  bauen: { servises: L4 }\n",
    );
    const r = cli(["score"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/reifegrad\.yaml:\d+:3 error unknown-department: .*"bauamt"/);

    const fixed = readFileSync(join(dir, "reifegrad.yaml"), "utf8").replace(
      "  bauamt: { services: L4 }\n",
      "",
    );
    writeFileSync(join(dir, "reifegrad.yaml"), fixed);
    const r2 = cli(["score"], { cwd: dir });
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(
      /reifegrad\.yaml:\d+:\d+ error unknown-dimension: .*"servises".*did you mean "services"/,
    );
  });

  it("a missing export and a headcount below the respondents are errors at their lines", () => {
    const dir = newProject();
    const yaml = readFileSync(join(dir, "reifegrad.yaml"), "utf8");
    writeFileSync(
      join(dir, "reifegrad.yaml"),
      // A required input (no `optional: true`) that matches nothing is an error.
      yaml.replace(/path: exports\/\*\.csv(.*)\n {4}optional: true/, "path: exports/wave2/*.csv$1"),
    );
    const missing = cli(["score"], { cwd: dir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(
      /reifegrad\.yaml:\d+:\d+ error missing-input: input "exports\/wave2\/\*\.csv"/,
    );

    writeFileSync(
      join(dir, "reifegrad.yaml"),
      yaml.replace(
        'en: "Citizens\' office" }, aliases: []',
        'en: "Citizens\' office" }, aliases: [], headcount: 20',
      ),
    );
    const low = cli(["score"], { cwd: dir });
    expect(low.status).toBe(1);
    expect(low.stderr).toMatch(
      /reifegrad\.yaml:\d+:\d+ error headcount-below-respondents: .*buergeramt.*20/,
    );
  });

  it("every command finds the project from a subfolder; validate checks reifegrad.yaml too", () => {
    const dir = newProject();
    const core = join(dir, "questionnaires/core.yaml");
    writeFileSync(core, readFileSync(core, "utf8").replace("scale: agree5", "scale: agree7"));
    const v = cli(["validate"], { cwd: join(dir, "exports") });
    expect(v.status).toBe(1);
    expect(v.stderr).toMatch(/questionnaires\/core\.yaml:\d+:\d+ error unknown-scale/);
    writeFileSync(core, readFileSync(core, "utf8").replace("scale: agree7", "scale: agree5"));
    appendFileSync(join(dir, "reifegrad.yaml"), "setings: {}\n");
    const p = cli(["validate"], { cwd: dir });
    expect(p.status).toBe(1);
    expect(p.stderr).toMatch(/reifegrad\.yaml:\d+:1 error unknown-key: .*setings.*settings/);
  });

  it("score without exports outside a project is a usage error", () => {
    const r = cli(["score"], { cwd: tempDir() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/reifegrad init/);
  });
});
