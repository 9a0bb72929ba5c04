// The few WebAssembly globals the row engine uses (src/io/row-engine-module.ts and
// src/responses/import/row-engine.ts): Node has them, @types/node 20 does not declare them,
// and lib.dom would bring the whole browser.
declare namespace WebAssembly {
  class Module {
    constructor(bytes: BufferSource);
  }
  class Memory {
    constructor(descriptor: { initial: number; maximum?: number });
    readonly buffer: ArrayBuffer;
    grow(pages: number): number;
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, Record<string, unknown>>);
    readonly exports: Record<string, unknown>;
  }
}
type BufferSource = ArrayBufferView | ArrayBuffer;
