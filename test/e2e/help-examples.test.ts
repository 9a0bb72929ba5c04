// Every command's --help ends with examples (clig.dev), and each example names its command.
import { describe, expect, it } from "vitest";
import { COMMANDS, EXAMPLES } from "../../src/cli/main.js";
import { cli } from "./cli.js";

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
