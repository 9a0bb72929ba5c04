// main.ts loads a command's module only when the line names it; help without a command is built
// from each command's entry. The entries must say what the commands themselves declare.
import { readdirSync } from "node:fs";
import { Command } from "commander";
import { expect, test } from "vitest";
import { loadColors, processContext } from "../../src/cli/context.js";
import { COMMANDS, commandNamed, commandsFor } from "../../src/cli/main.js";
import { cli, ROOT, tempDir } from "./cli.js";

const line = (...words: string[]) => ["node", "reifegrad", ...words];

test("every command is listed under its own name, with its own description", async () => {
  for (const [name, entry] of Object.entries(COMMANDS)) {
    const command = (await entry.load())(processContext(), { code: 0 });
    expect(command.name()).toBe(name);
    expect(command.description()).toBe(entry.description);
  }
});

test("`reifegrad --help` lists every command as it would with all of them loaded", async () => {
  const loaded = new Command("reifegrad")
    .description("Measure the digital maturity of a public administration")
    .version("0.0.0")
    .option("--debug", "show stack traces for unexpected errors");
  for (const entry of Object.values(COMMANDS)) {
    loaded.addCommand((await entry.load())(processContext(), { code: 0 }));
  }
  const r = cli(["--help"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toBe(loaded.helpInformation());
  expect(cli(["help"]).stdout).toBe(r.stdout);
});

test("a command's help comes from the command itself, also through `help <command>`", () => {
  const r = cli(["score", "--help"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Usage: reifegrad score \[options\] \[exports\.\.\.\]/);
  expect(r.stdout).toContain("--out");
  expect(cli(["help", "score"]).stdout).toBe(r.stdout);
  expect(cli(["--debug", "score", "--help"]).stdout).toBe(r.stdout);
});

test("a misspelt command is refused with a suggestion; --version needs no command", () => {
  const r = cli(["scroe"]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("(Did you mean score?)");
  expect(cli(["--version"])).toMatchObject({ status: 0, stdout: "0.1.0\n" });
});

test("a command line loads only the command it names", async () => {
  expect(commandNamed(line("score", "x.csv"))).toBe("score");
  expect(commandNamed(line("--debug", "score"))).toBe("score");
  expect(commandNamed(line("help", "report"))).toBe("report");
  expect(commandNamed(line("--help"))).toBeUndefined();
  expect(commandNamed(line("scroe"))).toBeUndefined();
  await loadColors();
  const ctx = processContext();
  const named = await commandsFor(line("score", "x.csv"), ctx, { code: 0 });
  expect(named.map((c) => c.name())).toEqual(["score"]);
  expect(named[0]!.options.length).toBeGreaterThan(0);
  const all = await commandsFor(line(), ctx, { code: 0 });
  expect(all.map((c) => c.name())).toEqual(Object.keys(COMMANDS));
});

test("--out - is stdout wherever a command writes one file, and refused where it writes several", () => {
  const cwd = tempDir();
  const template = cli(["template", "core", "--out", "-"], { cwd });
  expect(template.status, template.stderr).toBe(0);
  expect(template.stdout).toMatch(/^respondent,department,group,str_01,/);
  const map = cli(["map", `${ROOT}/fixtures/demo/staff-survey.csv`, "--out", "-"], { cwd });
  expect(map.status, map.stderr).toBe(0);
  expect(map.stdout).toMatch(/^# yaml-language-server/);
  const waves = ["2024", "2026"].map((y) => `${ROOT}/fixtures/assessments/wave-${y}.json`);
  const compare = cli(["compare", ...waves, "--out", "-"], { cwd });
  expect(compare.status).toBe(2);
  expect(compare.stderr).toMatch(/^error: compare has no --out -/);
  expect(readdirSync(cwd)).toEqual([]); // no file or folder named "-"
});
