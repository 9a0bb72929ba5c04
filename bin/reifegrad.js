#!/usr/bin/env -S node --max-semi-space-size=4
// Tiny launcher: all logic lives in the compiled CLI. The flag caps V8's young generation at
// 4 MB per semi-space (default 16): a run allocates short-lived objects steadily, and the larger
// young generation costs ~20 MB of memory and no time (npm run bench). `node bin/reifegrad.js`
// works too, with V8's default.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv);
