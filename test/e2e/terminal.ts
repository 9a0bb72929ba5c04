// Drives the built CLI in real pseudo-terminals (tmux, a server of our own per test file), the way
// an analyst types: keys, text, and waiting for what the screen shows.
import { execFileSync, spawnSync } from "node:child_process";
import { BIN } from "../interview/build.js";

export const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`;
}

export class Terminals {
  /** A tmux server of our own, so the tests never touch the user's sessions. */
  private readonly socket =
    `reifegrad-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private counter = 0;
  private readonly open: string[] = [];

  tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  }

  /** Starts `reifegrad <args>` in a fresh 120×40 terminal; the pane shows EXIT=<code> at the end. */
  start(cwd: string, args: readonly string[], env: Record<string, string> = {}): string {
    const name = `run-${++this.counter}`;
    const cmd = `${shellQuote(process.execPath)} ${shellQuote(BIN)} ${args.map(shellQuote).join(" ")}; echo EXIT=$?; sleep 60`;
    const envArgs = Object.entries({ NO_COLOR: "1", ...env }).flatMap(([k, v]) => [
      "-e",
      `${k}=${v}`,
    ]);
    this.tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", "-c", cwd, ...envArgs, cmd);
    this.open.push(name);
    return name;
  }

  /** The whole pane including what scrolled off, lines joined. */
  screen(name: string): string {
    return this.tmux("capture-pane", "-p", "-J", "-S", "-500", "-t", name);
  }

  async waitFor(name: string, pattern: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen(name);
      if (typeof pattern === "string" ? text.includes(pattern) : pattern.test(text)) return text;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${String(pattern)}; the terminal shows:\n${text}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  keys(name: string, ...k: string[]): void {
    this.tmux("send-keys", "-t", name, ...k);
  }

  type(name: string, text: string): void {
    this.tmux("send-keys", "-t", name, "-l", text);
  }

  /** Closes the terminals of a test. */
  closeAll(): void {
    for (const name of this.open.splice(0)) {
      try {
        this.tmux("kill-session", "-t", name);
      } catch {
        // already gone
      }
    }
  }

  stop(): void {
    try {
      this.tmux("kill-server");
    } catch {
      // no server left
    }
  }
}
