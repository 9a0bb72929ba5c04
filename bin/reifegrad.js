#!/usr/bin/env node
// Tiny launcher: all logic lives in the compiled CLI. (A plain `env node` shebang: `env -S` with
// V8 flags would save memory but fails under BusyBox, e.g. node:alpine CI images; see README,
// Performance, for NODE_OPTIONS=--max-semi-space-size=4.)
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv);
