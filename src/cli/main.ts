// The commander program and the one error boundary: commands throw UserError (or return an exit
// code); only here do errors become messages and exit codes. Stack traces only with --debug.
import { Command, CommanderError } from "commander";
import { PACKAGE_VERSION } from "../io/paths.js";
import { UserError } from "../io/user-error.js";
import { type CliContext, processContext } from "./context.js";
import { formatProblems } from "./problems.js";

export const EXIT = { ok: 0, inputs: 1, usage: 2, interrupted: 130 } as const;

/** Holds the exit code a command's action decided on. */
export interface ExitHolder {
  code: number;
}

export type CommandFactory = (ctx: CliContext, exit: ExitHolder) => Command;

/**
 * Every command by name, in help order. Each module is imported only when its command may run:
 * `score` should not pay at start-up for the interview, template and compare code and the CSV
 * libraries they pull in (tens of milliseconds on a slow machine).
 */
export const COMMANDS: Readonly<Record<string, () => Promise<CommandFactory>>> = {
  init: async () => (await import("./commands/init.js")).initCommand,
  validate: async () => (await import("./commands/validate.js")).validateCommand,
  score: async () => (await import("./commands/score.js")).scoreCommand,
  map: async () => (await import("./commands/map.js")).mapCommand,
  run: async () => (await import("./commands/run.js")).runCommand,
  questionnaires: async () => (await import("./commands/questionnaires.js")).questionnairesCommand,
  template: async () => (await import("./commands/template.js")).templateCommand,
  report: async () => (await import("./commands/report.js")).reportCommand,
  compare: async () => (await import("./commands/compare.js")).compareCommand,
};

/**
 * The factories a command line needs: only the named command's when the line starts with one
 * (its help, options and errors never mention the others), every command otherwise (global
 * options first, `help`, no command, a misspelt one).
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandFactory[]> {
  const first = argv[2];
  const names =
    first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
  return Promise.all(names.map((name) => COMMANDS[name]!()));
}

export function buildProgram(
  ctx: CliContext,
  exit: ExitHolder,
  commands: readonly CommandFactory[],
): Command {
  const program = new Command("reifegrad")
    .description("Measure the digital maturity of a public administration")
    .version(PACKAGE_VERSION)
    .option("--debug", "show stack traces for unexpected errors")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
    .exitOverride();
  for (const make of commands) program.addCommand(make(ctx, exit).exitOverride());
  return program;
}

export async function main(
  argv: readonly string[],
  ctx: CliContext = processContext(),
): Promise<number> {
  const exit: ExitHolder = { code: EXIT.ok };
  const program = buildProgram(ctx, exit, await commandsFor(argv));
  try {
    await program.parseAsync([...argv]);
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UserError) {
      if (e.problems.length > 0) ctx.stderr(formatProblems(e.problems, ctx.colorErr));
      ctx.stderr(`${ctx.colorErr.red("error")}: ${e.message}\n`);
      return e.exitCode;
    }
    const debug = argv.includes("--debug");
    ctx.stderr(
      debug && e instanceof Error
        ? `${e.stack}\n`
        : `${ctx.colorErr.red("internal error")}: ${(e as Error)?.message ?? String(e)}\n(run again with --debug for details)\n`,
    );
    return EXIT.inputs;
  }
}
