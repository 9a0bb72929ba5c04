/** A seeded generator of numbers in [0, 1) (see mulberry32.mjs). */
export function rng(seed: number): () => number;
