// What a command may touch of the process: streams, colour, cwd, env. Tests build their own.
import type { ChalkInstance } from "chalk";

export interface CliContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colours for stdout / stderr: only on a TTY, honouring NO_COLOR and FORCE_COLOR. */
  readonly color: ChalkInstance;
  readonly colorErr: ChalkInstance;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly stdinIsTTY: boolean;
}

export function colorLevel(
  isTTY: boolean,
  env: Readonly<Record<string, string | undefined>>,
): 0 | 1 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return 0;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === "0" ? 0 : 1;
  return isTTY ? 1 : 0;
}

let chalk: typeof import("chalk") | undefined;

/**
 * Loads chalk. main.ts calls it before a command's action runs and before it prints an error;
 * `--help` and `--version` never need colours, and chalk's import is a noticeable part of a
 * bare start-up.
 */
export async function loadColors(): Promise<void> {
  chalk ??= await import("chalk");
}

function chalkAt(level: 0 | 1): ChalkInstance {
  if (!chalk) throw new Error("colours were used before loadColors()");
  return new chalk.Chalk({ level });
}

/**
 * A stream whose reader stopped early (`reifegrad --help | head`, `score … 2>&1 | head`): the
 * command goes on without it (its files still get written, its exit code still says how it went)
 * instead of dying of an unhandled EPIPE with a stack trace.
 */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  let open = true;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    open = false;
  });
  return (text) => {
    if (open) stream.write(text);
  };
}
let out: { stdout: (t: string) => void; stderr: (t: string) => void } | undefined;

export function processContext(): CliContext {
  out ??= { stdout: writer(process.stdout), stderr: writer(process.stderr) };
  const env = process.env;
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  const stderrIsTTY = Boolean(process.stderr.isTTY);
  let color: ChalkInstance | undefined;
  let colorErr: ChalkInstance | undefined;
  return {
    cwd: process.cwd(),
    env,
    stdout: out.stdout,
    stderr: out.stderr,
    get color() {
      color ??= chalkAt(colorLevel(stdoutIsTTY, env));
      return color;
    },
    get colorErr() {
      colorErr ??= chalkAt(colorLevel(stderrIsTTY, env));
      return colorErr;
    },
    stdoutIsTTY,
    stderrIsTTY,
    stdinIsTTY: Boolean(process.stdin.isTTY),
  };
}
