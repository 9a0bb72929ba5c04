// The commander program and the one error boundary: commands throw UserError (or return an exit
// code); only here do errors become messages and exit codes. Stack traces only with --debug.
import { Command, CommanderError } from "commander";
import { PACKAGE_VERSION } from "../io/paths.js";
import { UserError } from "../io/user-error.js";
import { compareCommand } from "./commands/compare.js";
import { initCommand } from "./commands/init.js";
import { mapCommand } from "./commands/map.js";
import { questionnairesCommand } from "./commands/questionnaires.js";
import { reportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { scoreCommand } from "./commands/score.js";
import { templateCommand } from "./commands/template.js";
import { validateCommand } from "./commands/validate.js";
import { type CliContext, processContext } from "./context.js";
import { formatProblems } from "./problems.js";

export const EXIT = { ok: 0, inputs: 1, usage: 2, interrupted: 130 } as const;

/** Holds the exit code a command's action decided on. */
export interface ExitHolder {
  code: number;
}

export type CommandFactory = (ctx: CliContext, exit: ExitHolder) => Command;

const COMMANDS: readonly CommandFactory[] = [
  initCommand,
  validateCommand,
  scoreCommand,
  mapCommand,
  runCommand,
  questionnairesCommand,
  templateCommand,
  reportCommand,
  compareCommand,
];

export function buildProgram(ctx: CliContext, exit: ExitHolder): Command {
  const program = new Command("reifegrad")
    .description("Measure the digital maturity of a public administration")
    .version(PACKAGE_VERSION)
    .option("--debug", "show stack traces for unexpected errors")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr })
    .exitOverride();
  for (const make of COMMANDS) program.addCommand(make(ctx, exit).exitOverride());
  return program;
}

export async function main(
  argv: readonly string[],
  ctx: CliContext = processContext(),
): Promise<number> {
  const exit: ExitHolder = { code: EXIT.ok };
  const program = buildProgram(ctx, exit);
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
