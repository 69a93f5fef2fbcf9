// The project's one seeded PRNG (mulberry32): seed data, generated runs, tests, fuzzers and
// benchmarks all draw from it so the same seed gives the same data everywhere.

/** A deterministic generator of floats in [0, 1) from a 32-bit seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
