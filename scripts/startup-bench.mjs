// Start-up time of the CLI against a bare `node -e 0`, run alternately so that both see the same
// machine load; prints medians and ratios. Issue 16 asks for `--help` at most 1.5× the bare node.
// Usage: node scripts/startup-bench.mjs [runs] [-- args…]   (default: --help, --version, score --help)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const argv = process.argv.slice(2);
const dash = argv.indexOf("--");
const runs = Number(dash === 0 ? 15 : (argv[0] ?? 15));
const cases = dash >= 0 ? [argv.slice(dash + 1)] : [["--help"], ["--version"], ["score", "--help"]];
const bin = fileURLToPath(new URL("../bin/reifegrad.js", import.meta.url));

const time = (args) => {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const bare = [];
const cli = cases.map(() => []);
for (let i = 0; i < runs; i++) {
  bare.push(time(["-e", "0"]));
  for (const [c, args] of cases.entries()) cli[c].push(time([bin, ...args]));
}
const base = median(bare);
console.log(`node -e 0: ${base.toFixed(1)} ms (median of ${runs})`);
for (const [c, args] of cases.entries()) {
  const m = median(cli[c]);
  console.log(`reifegrad ${args.join(" ")}: ${m.toFixed(1)} ms, ${(m / base).toFixed(2)}×`);
}
