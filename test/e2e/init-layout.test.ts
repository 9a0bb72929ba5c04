// `init`'s folder as a git repository: raw answers are ignored, what CI needs is not; interviews
// land where the project reads them; optional inputs with no file yet are warnings.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./cli.js";

function git(cwd: string, ...args: string[]) {
  return spawnSync("git", args, { cwd, encoding: "utf8" });
}

describe("init: .gitignore and the inputs layout", () => {
  it("keeps exports, interview answers, sessions and rejects out of git, and the rest in", () => {
    const dir = join(tempDir(), "p");
    expect(cli(["init", dir]).status).toBe(0);
    expect(git(dir, "init", "-q").status).toBe(0);
    const ignored = [
      "exports/results-survey.csv",
      "interviews/answers.csv",
      ".reifegrad/sessions/k7f3-9q2m.json",
      "reports/rejects.csv",
      "reports/rejects-2.csv",
    ];
    const kept = [
      "reifegrad.yaml",
      ".gitignore",
      "exports/.gitkeep",
      "interviews/.gitkeep",
      "questionnaires/core.yaml",
      "reports/assessment.json",
      "reports/report.md",
      ".gitlab-ci.yml",
      ".github/workflows/reifegrad.yml",
    ];
    for (const f of ignored) expect(git(dir, "check-ignore", "-q", f).status, f).toBe(0);
    for (const f of kept) expect(git(dir, "check-ignore", "-q", f).status, f).toBe(1);
    const yaml = readFileSync(join(dir, "reifegrad.yaml"), "utf8");
    expect(yaml).toMatch(/- path: exports\/\*\.csv/);
    expect(yaml).toMatch(/- path: interviews\/answers\.csv/);
  });

  it("an export alone scores; the interviews input with no file yet is only a warning", () => {
    const dir = join(tempDir(), "p");
    expect(cli(["init", dir]).status).toBe(0);
    const empty = cli(["score"], { cwd: dir });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/warning missing-input: input "exports\/\*\.csv"/);
    expect(empty.stderr).toMatch(/no input of the project file matches a file yet/);

    copyFileSync(join(ROOT, "fixtures/demo/staff-survey.csv"), join(dir, "exports/staff.csv"));
    const r = cli(["score"], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /reifegrad\.yaml:\d+:\d+ warning missing-input: input "interviews\/answers\.csv"/,
    );
    expect(r.stderr).toMatch(/403 rows read = 403 scored/);
  });

  it("interview answers in interviews/answers.csv are scored with the exports", () => {
    const dir = join(tempDir(), "p");
    expect(cli(["init", dir]).status).toBe(0);
    copyFileSync(join(ROOT, "fixtures/demo/staff-survey.csv"), join(dir, "exports/staff.csv"));
    // The row `run` appends (header: respondent, department, group, item ids).
    const header = readFileSync(join(ROOT, "fixtures/demo/staff-survey.csv"), "utf8").split(
      "\n",
    )[0]!;
    const second = readFileSync(join(ROOT, "fixtures/demo/staff-survey.csv"), "utf8").split(
      "\n",
    )[1]!;
    mkdirSync(join(dir, "interviews"), { recursive: true });
    writeFileSync(
      join(dir, "interviews/answers.csv"),
      `${header}\n${second.replace(/^R0001,/, "interview-1,")}\n`,
    );
    const r = cli(["score"], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/missing-input/);
    expect(r.stderr).toMatch(/interviews\/answers\.csv: 1 rows read = 1 scored/);
    const a = JSON.parse(readFileSync(join(dir, "reports/assessment.json"), "utf8"));
    expect(a.counts.respondents).toBe(404);
  });

  it("an empty --ci-package is a usage error, and nothing is created", () => {
    const dir = join(tempDir(), "project");
    const r = cli(["init", dir, "--ci-package", ""]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "error: --ci-package needs an install spec, e.g. git+https://host/group/reifegrad.git#v0.1.0\n",
    );
    expect(existsSync(dir)).toBe(false);
  });

  it("says it in German under a German locale", () => {
    const dir = join(tempDir(), "p");
    const de = cli(["init", dir], { env: { LANG: "de_DE.UTF-8", LC_ALL: "" } });
    expect(de.status).toBe(0);
    expect(de.stderr).toMatch(/Bewertungsprojekt angelegt/);
    const again = cli(["init", dir], { env: { LANG: "de_DE.UTF-8", LC_ALL: "" } });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/init überschreibt nichts/);
    const en = cli(["init", dir], { env: { LANG: "C", LC_ALL: "" } });
    expect(en.stderr).toMatch(/init overwrites nothing/);
  });
});
