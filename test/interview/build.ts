// The built CLI for tests that spawn processes: builds dist/ when it is missing or older than src/.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withFileLock } from "../../src/io/file-lock.js";

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

function fresh(marker: string): boolean {
  return existsSync(marker) && statSync(marker).mtimeMs >= newest(join(ROOT, "src"));
}

/**
 * Makes sure dist/ holds the current sources (tsc emits even when another module has type errors).
 * Test files run in parallel workers: a lock keeps two builds from writing dist/ at once.
 */
export async function ensureBuilt(): Promise<void> {
  const marker = join(ROOT, "dist/cli/commands/run.js");
  if (fresh(marker)) return;
  const id = createHash("sha256").update(ROOT).digest("hex").slice(0, 12);
  await withFileLock(
    join(tmpdir(), `reifegrad-build-${id}.lock`),
    async () => {
      if (fresh(marker)) return;
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
    },
    { timeoutMs: 120_000 },
  );
}
