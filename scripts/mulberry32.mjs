// mulberry32: a small, fast seeded generator, good enough for synthetic data and identical on
// every platform. Shared by generate-demo.mjs, bench.mjs and the report test fixtures.
export function rng(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
