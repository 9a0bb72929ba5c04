// Every command's --help ends with examples (clig.dev), and each example names its command. The
// help speaks German under a German locale: every text a command declares has its German in
// src/cli/help-de.ts, and the table holds no German whose English is gone.
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { processContext } from "../../src/cli/context.js";
import { HELP_DE } from "../../src/cli/help-de.js";
import { COMMANDS, EXAMPLES } from "../../src/cli/main.js";
import { cli } from "./cli.js";

/** Every help text of a command and its subcommands, as declared (English). */
function texts(command: Command): string[] {
  return [
    command.description(),
    ...command.registeredArguments.map((a) => a.description),
    ...command.options.map((o) => o.description),
    ...command.commands.flatMap(texts),
  ];
}

const PROGRAM = [
  "Measure the digital maturity of a public administration",
  "output the version number",
  "display help for command",
  "show stack traces for unexpected errors",
  "Examples:",
];

describe("--help examples", () => {
  it("every command has examples of itself", () => {
    for (const name of Object.keys(COMMANDS)) {
      const lines = EXAMPLES[name] ?? [];
      expect(
        lines.length,
        `add examples of "${name}" to EXAMPLES in src/cli/main.ts`,
      ).toBeGreaterThan(0);
      for (const line of lines) expect(line.startsWith(`reifegrad ${name}`), line).toBe(true);
    }
    for (const name of Object.keys(EXAMPLES)) expect(Object.keys(COMMANDS)).toContain(name);
  });

  it.each(["init", "validate", "run", "report"])("%s --help shows them", (name) => {
    const r = cli([name, "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n {2}\\$ reifegrad ${name}`));
  });
});

describe("--help in German", () => {
  it("every help text has its German in src/cli/help-de.ts, and every German text its English", async () => {
    const declared = new Set(PROGRAM);
    for (const entry of Object.values(COMMANDS)) {
      declared.add(entry.description);
      const command = (await entry.load())(processContext(), { code: 0 });
      for (const t of texts(command)) if (t !== "") declared.add(t);
    }
    for (const lines of Object.values(EXAMPLES))
      for (const line of lines) {
        const comment = /\s{2}# (.*)$/.exec(line)?.[1];
        if (comment !== undefined) declared.add(comment);
      }
    const missing = [...declared].filter((t) => !Object.hasOwn(HELP_DE, t));
    expect(missing, "add their German to HELP_DE in src/cli/help-de.ts").toEqual([]);
    const stale = Object.keys(HELP_DE).filter((t) => !declared.has(t));
    expect(stale, "no command declares these any more: drop them from HELP_DE").toEqual([]);
  });
});
