// A reader that stops early (`reifegrad --help | head`) closes the pipe before the CLI is done:
// the CLI stops quietly, without an unhandled EPIPE and its stack trace.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "./cli.js";

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, "bin/reifegrad.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", LANG: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Closed before the child has started, so its first write to stdout meets a closed pipe.
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

it.each([["--help"], ["questionnaires"]])("%s into a closed pipe: no error", async (arg) => {
  const r = await runWithClosedStdout([arg]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});
