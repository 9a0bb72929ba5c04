// Reads and compiles the row engine (dist/row-engine.wasm, built from assembly/row-engine.ts by
// `npm run build`; see src/responses/import/row-engine.ts), once per thread. Without the file —
// a build without AssemblyScript — or on a machine whose WebAssembly lacks SIMD, there is none,
// and every line is scored the JavaScript way.
import { readFileSync } from "node:fs";

let compiled: WebAssembly.Module | null | undefined;

export function rowEngineModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    try {
      // The same two levels up from src/io/ (tests) and dist/io/ (the built CLI).
      const bytes = readFileSync(new URL("../../dist/row-engine.wasm", import.meta.url));
      compiled = new WebAssembly.Module(bytes);
    } catch {
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

/** The engine as an import setting (ImportSettings.rowEngine): absent when there is none. */
export function rowEngineSetting(): { rowEngine?: WebAssembly.Module } {
  const mod = rowEngineModule();
  return mod ? { rowEngine: mod } : {};
}
