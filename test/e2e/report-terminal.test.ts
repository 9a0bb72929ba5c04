// The terminal summary of the demo as a reader sees it: at 80 columns no line is longer, piped or
// with NO_COLOR there is no colour, and in a real terminal (tmux, 120 columns) the table uses the
// terminal's own width, with colour.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, ROOT, tempDir } from "./cli.js";

const ANSI = /\u001b\[[0-9;]*m/;
const longest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
if (!hasTmux && process.env.CI) throw new Error("tmux is missing: apt-get install -y tmux");

let assessment = "";
beforeAll(() => {
  const out = tempDir();
  const r = cli([
    "score",
    "fixtures/demo/staff-survey.csv",
    "--out",
    out,
    "--format",
    "json",
    "--date",
    "2026-12-04",
  ]);
  expect(r.status, r.stderr).toBe(0);
  assessment = join(out, "assessment.json");
});

describe("terminal summary", () => {
  it("piped: 80 columns unless COLUMNS says otherwise, and no colour", () => {
    const r = cli(["report", assessment, "--format", "terminal"], {
      env: { COLUMNS: "", NO_COLOR: "" },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(longest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain("Gesamtverwaltung");
    // Every dimension and every shown department is there.
    expect(r.stdout).toContain("Dimensionen: 1 Strategie und Steuerung");
    expect(r.stdout).toMatch(/^Soziales, Jugend …\s+65 /m);
    const wide = cli(["report", assessment, "--format", "terminal"], { env: { COLUMNS: "200" } });
    expect(longest(wide.stdout)).toBeGreaterThan(80);
    expect(longest(wide.stdout)).toBeLessThanOrEqual(200);
    for (const columns of ["60", "100", "132"]) {
      const x = cli(["report", assessment, "--format", "terminal"], { env: { COLUMNS: columns } });
      expect(longest(x.stdout), columns).toBeLessThanOrEqual(Number(columns));
    }
  });

  it("FORCE_COLOR colours a pipe, NO_COLOR wins over it", () => {
    const forced = cli(["report", assessment, "--format", "terminal"], {
      env: { NO_COLOR: "", FORCE_COLOR: "1" },
    });
    expect(forced.stdout).toMatch(ANSI);
    const off = cli(["report", assessment, "--format", "terminal"], {
      env: { NO_COLOR: "1", FORCE_COLOR: "1" },
    });
    expect(off.stdout).not.toMatch(ANSI);
  });

  it.skipIf(!hasTmux)("in a 120-column terminal: the terminal's own width, with colour", () => {
    const socket = `reifegrad-report-${process.pid}`;
    const tmux = (...args: string[]) =>
      spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
    const cmd = `NO_COLOR= COLUMNS= TERM=xterm-256color ${process.execPath} bin/reifegrad.js report ${assessment} --format terminal; sleep 30`;
    try {
      expect(
        tmux("new-session", "-d", "-s", "r", "-x", "120", "-y", "200", "-c", ROOT, cmd).status,
      ).toBe(0);
      let screen = "";
      for (let i = 0; i < 100 && !screen.includes("Anonymitätsschutz"); i++) {
        spawnSync("sleep", ["0.1"]);
        screen = tmux("capture-pane", "-p", "-e", "-t", "r").stdout;
      }
      expect(screen).toContain("Anonymitätsschutz");
      expect(screen).toMatch(ANSI);
      const plain = screen.replace(/\u001b\[[0-9;]*m/g, "");
      expect(longest(plain)).toBeGreaterThan(80);
      expect(longest(plain)).toBeLessThanOrEqual(120);
    } finally {
      tmux("kill-server");
    }
  });
});
