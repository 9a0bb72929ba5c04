// A reader that stops early (`reifegrad --help | head`, `score … 2>&1 | head`) closes the pipe
// before the CLI is done: the command goes on without it, with no unhandled EPIPE and stack trace,
// and still writes its files and exits with its own code.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT, tempDir } from "./cli.js";

function runClosed(
  args: string[],
  close: ("stdout" | "stderr")[],
): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, "bin/reifegrad.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", LANG: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Closed before the child has started, so its first write meets a closed pipe.
  for (const s of close) child[s].destroy();
  let stderr = "";
  if (!close.includes("stderr"))
    child.stderr.on("data", (d) => {
      stderr += d;
    });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

it.each([["--help"], ["questionnaires"]])("%s into a closed pipe: no error", async (arg) => {
  const r = await runClosed([arg], ["stdout"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});

it("score with stdout and stderr closed still writes its reports", async () => {
  const out = tempDir();
  const r = await runClosed(
    ["score", "fixtures/demo/staff-survey.csv", "--out", out],
    ["stdout", "stderr"],
  );
  expect(r.code).toBe(0);
  expect(existsSync(join(out, "assessment.json"))).toBe(true);
  expect(existsSync(join(out, "report.html"))).toBe(true);
});

it("an error still exits non-zero when nobody reads stderr", async () => {
  const r = await runClosed(["score", "no-such-file.csv", "--out", tempDir()], ["stderr"]);
  expect(r.code).toBe(1);
});
