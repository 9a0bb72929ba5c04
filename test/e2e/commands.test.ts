// main.ts loads each command's module only when needed, by name; the name must be the command's.
import { expect, test } from "vitest";
import { processContext } from "../../src/cli/context.js";
import { COMMANDS, commandsFor } from "../../src/cli/main.js";

test("every command is listed under its own name", async () => {
  for (const [name, load] of Object.entries(COMMANDS)) {
    const make = await load();
    expect(make(processContext(), { code: 0 }).name()).toBe(name);
  }
});

test("a command line that starts with a command loads only that one", async () => {
  expect(await commandsFor(["node", "reifegrad", "score", "x.csv"])).toHaveLength(1);
  expect(await commandsFor(["node", "reifegrad", "--debug", "score"])).toHaveLength(
    Object.keys(COMMANDS).length,
  );
  expect(await commandsFor(["node", "reifegrad"])).toHaveLength(Object.keys(COMMANDS).length);
});
