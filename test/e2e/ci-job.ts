// The CI jobs `init` writes, run as CI runs them: their script lines verbatim in one shell, with
// `npm` a stand-in that records what it would install and `reifegrad` the built CLI.
import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { parse } from "yaml";
import { ROOT, tempDir } from "./cli.js";

export function git(cwd: string, ...args: string[]) {
  const r = spawnSync(
    "git",
    ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", ...args],
    { cwd, encoding: "utf8" },
  );
  expect(r.status, `git ${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** A folder with `npm` (records its arguments) and `reifegrad` (the built CLI) for PATH. */
export function shims(): { bin: string; npmLog: string } {
  const bin = tempDir("reifegrad-shims-");
  const npmLog = join(bin, "npm.log");
  writeFileSync(join(bin, "npm"), `#!/bin/sh\necho "$@" >> "${npmLog}"\n`);
  writeFileSync(
    join(bin, "reifegrad"),
    `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, "bin/reifegrad.js")}" "$@"\n`,
  );
  chmodSync(join(bin, "npm"), 0o755);
  chmodSync(join(bin, "reifegrad"), 0o755);
  return { bin, npmLog };
}

export interface Job {
  readonly env: Record<string, string>;
  readonly lines: readonly string[];
}

export function gitlabJob(dir: string): Job {
  const ci = parse(readFileSync(join(dir, ".gitlab-ci.yml"), "utf8"));
  const job = ci["reifegrad-reports"];
  return { env: job.variables, lines: job.script };
}

export function githubJob(dir: string): Job {
  const wf = parse(readFileSync(join(dir, ".github/workflows/reifegrad.yml"), "utf8"));
  const job = wf.jobs.reports;
  return {
    env: job.env,
    lines: job.steps.filter((s: { run?: string }) => s.run).map((s: { run: string }) => s.run),
  };
}

/** Runs a job's lines in order in one shell, stopping at the first failure (as CI does). */
export function runJob(dir: string, job: Job, env: Record<string, string> = {}) {
  const { bin, npmLog } = shims();
  const r = spawnSync("bash", ["-e", "-c", job.lines.join("\n")], {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      ...job.env,
      NO_COLOR: "1",
      LANG: "C",
      LC_ALL: "",
      PATH: `${bin}:${process.env.PATH}`,
      ...env,
    } as NodeJS.ProcessEnv,
  });
  let npm = "";
  try {
    npm = readFileSync(npmLog, "utf8");
  } catch {}
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, npm };
}
