// The built CLI for tests that spawn processes: builds dist/ when it is missing or older than src/.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "../..");
export const BIN = join(ROOT, "bin/reifegrad.js");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Makes sure dist/ holds the current sources (tsc emits even when another module has type errors). */
export function ensureBuilt(): void {
  const marker = join(ROOT, "dist/cli/commands/run.js");
  if (existsSync(marker) && statSync(marker).mtimeMs >= newest(join(ROOT, "src"))) return;
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: ROOT,
        stdio: "pipe",
      },
    );
  } catch (e) {
    if (!existsSync(marker)) throw e;
  }
}
