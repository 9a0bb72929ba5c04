// What a command may touch of the process: streams, colour, cwd, env. Tests build their own.
import { Chalk, type ChalkInstance } from "chalk";

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

export function processContext(): CliContext {
  const env = process.env;
  return {
    cwd: process.cwd(),
    env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    color: new Chalk({ level: colorLevel(Boolean(process.stdout.isTTY), env) }),
    colorErr: new Chalk({ level: colorLevel(Boolean(process.stderr.isTTY), env) }),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
  };
}
