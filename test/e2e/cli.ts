// Runs the BUILT CLI (npm test builds first) the way a user does.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/reifegrad.js");

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(
  args: readonly string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      NO_COLOR: "1",
      FORCE_COLOR: undefined,
      // Messages follow the locale (German under de_*): tests get English unless they ask.
      LANG: "C",
      LC_ALL: undefined,
      LC_MESSAGES: undefined,
      ...opts.env,
    } as NodeJS.ProcessEnv,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = "reifegrad-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
