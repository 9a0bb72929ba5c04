// The CI jobs `init` writes, run as CI runs them: in a clean clone of the assessment repository
// (no raw answers: exports/ and interviews/ are not committed), their script lines verbatim. `npm`
// is a stand-in that records what it would install; `reifegrad` is the built CLI.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { git, githubJob, gitlabJob, runJob } from "./ci-job.js";
import { cli, ROOT, tempDir } from "./cli.js";

const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
};
const SOURCE = `git+https://example.invalid/stadt/reifegrad.git#v${PACKAGE.version}`;

/** An assessment repository with scored reports committed, and a clean clone of it. */
function committedProject(initArgs: string[] = ["--ci-package", SOURCE]) {
  const origin = join(tempDir(), "diagnose");
  expect(cli(["init", origin, ...initArgs]).status).toBe(0);
  copyFileSync(join(ROOT, "fixtures/demo/staff-survey.csv"), join(origin, "exports/staff.csv"));
  mkdirSync(join(origin, "interviews"), { recursive: true });
  const score = cli(["score"], { cwd: origin });
  expect(score.status, score.stderr).toBe(0);
  git(origin, "init", "-q", "-b", "main");
  git(origin, "add", ".");
  git(origin, "commit", "-q", "-m", "wave 1");
  const clone = join(tempDir(), "ci");
  git(ROOT, "clone", "-q", origin, clone);
  return { origin, clone };
}

describe("the generated CI jobs, run on a clean clone", () => {
  it("commit no raw answers, pin this version, pass; fail naming the stale files after a questionnaire edit", () => {
    const { origin, clone } = committedProject();
    const tracked = git(origin, "ls-files").split("\n");
    expect(tracked).toContain("reports/assessment.json");
    expect(tracked).toContain("questionnaires/core.yaml");
    expect(tracked.filter((f) => f.startsWith("exports/"))).toEqual(["exports/.gitkeep"]);

    for (const job of [gitlabJob(clone), githubJob(clone)]) {
      expect(job.env.REIFEGRAD_VERSION).toBe(PACKAGE.version);
      expect(job.env.REIFEGRAD_PACKAGE).toBe(SOURCE);
      const r = runJob(clone, job);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.npm).toBe(`install --global --no-audit --no-fund ${SOURCE}\n`);
      expect(r.stderr).toMatch(/6 report file\(s\) in reports are current/);
    }

    // Someone edits a question in the clone and commits it without scoring again.
    const core = join(clone, "questionnaires/core.yaml");
    writeFileSync(
      core,
      // A question's text (str_01), not the notice: the notice is not part of the content hash.
      readFileSync(core, "utf8").replace(
        "beschlossene Digitalisierungsstrategie",
        "beschlossene Digitalstrategie",
      ),
    );
    git(clone, "commit", "-q", "-am", "edit a question");
    for (const job of [gitlabJob(clone), githubJob(clone)]) {
      const r = runJob(clone, job);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /^reports\/assessment\.json: questionnaire "core" \(questionnaires\/core\.yaml\) changed: .*\[questionnaire-changed\]$/m,
      );
      for (const f of ["report.md", "report.html", "scores.csv", "items.csv", "item-answers.csv"])
        expect(r.stderr).toMatch(new RegExp(`^reports/${f.replace(".", "\\.")}: `, "m"));
      expect(r.stderr).toMatch(/error: 6 of 6 report file\(s\) are stale/);
    }
  });

  it("a job pinned to another version fails before checking", () => {
    const { clone } = committedProject();
    const job = gitlabJob(clone);
    const r = runJob(clone, { ...job, env: { ...job.env, REIFEGRAD_VERSION: "9.9.9" } });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/pinned to 9\.9\.9/);
  });

  it("without a known install source, init warns and the job says what to set", () => {
    const dir = join(tempDir(), "p");
    const init = cli(["init", dir]);
    expect(init.status).toBe(0);
    expect(init.stderr).toMatch(/warning: it is not known where CI installs reifegrad/);
    const r = runJob(dir, gitlabJob(dir));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /Set REIFEGRAD_PACKAGE to where reifegrad \d+\.\d+\.\d+ is installed from/,
    );
    expect(r.npm).toBe("");
  });
});

describe("report --check from committed files: each kind of change", () => {
  const cases: [string, (yaml: string) => string, RegExp][] = [
    [
      "a target",
      (y) => `${y}\ntargets:\n  bauen: { services: L5 }\n`,
      /target bauen\/services changed: now L5, in assessment\.json L3 \[target-changed\]/,
    ],
    [
      "a setting",
      (y) => y.replace("minGroupSize: 5 ", "minGroupSize: 6 "),
      /setting minGroupSize changed: now 6, in assessment\.json 5 \[setting-changed\]/,
    ],
    [
      "a headcount",
      (y) =>
        y.replace(
          'en: "Building and planning" }, aliases: []',
          'en: "Building and planning" }, aliases: [], headcount: 90',
        ),
      /headcount of bauen changed: now 90, in assessment\.json – \[headcount-changed\]/,
    ],
  ];
  it.each(cases)("%s", (_name, edit, reason) => {
    const { clone } = committedProject();
    const file = join(clone, "reifegrad.yaml");
    writeFileSync(file, edit(readFileSync(file, "utf8")));
    const r = cli(["report", "--check"], { cwd: clone, env: { LANG: "C", LC_ALL: "" } });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(reason);
    const de = cli(["report", "--check"], {
      cwd: clone,
      env: { LANG: "de_DE.UTF-8", LC_ALL: "" },
    });
    expect(de.status).toBe(1);
    expect(de.stderr).toMatch(/Fehler: 6 von 6 Berichtsdatei\(en\) veraltet/);
  });

  it("a hand-edited or deleted report is named; `report` renders it again from assessment.json", () => {
    const { clone } = committedProject();
    writeFileSync(join(clone, "reports/report.md"), "edited\n");
    spawnSync("rm", [join(clone, "reports/scores.csv")]);
    const r = cli(["report", "--check"], { cwd: join(clone, "questionnaires") });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^reports\/report\.md: does not match assessment\.json/m);
    expect(r.stderr).toMatch(/^reports\/scores\.csv: missing/m);
    expect(r.stderr).toMatch(/2 of 6 report file\(s\) are stale/);
    const again = cli(["report"], { cwd: clone });
    expect(again.status, again.stderr).toBe(0);
    expect(cli(["report", "--check"], { cwd: clone }).status).toBe(0);
  });
});
