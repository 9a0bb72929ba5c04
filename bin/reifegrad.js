#!/usr/bin/env node
// Tiny launcher: all logic lives in the compiled CLI.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv);
