/**
 * A tiny seeded pseudo-random generator (mulberry32) and the few helpers the sample generator
 * needs. Everything here is deterministic: the same seed always yields the same sequence.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: a 32-bit state generator, good enough for sample data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)],
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

/**
 * Splits `total` into `n` integers in [min, max] with random proportions and an exact sum.
 * Throws when the bounds make it impossible (a programming error in the caller).
 */
export function splitSum(rng: Rng, total: number, n: number, min: number, max = Number.POSITIVE_INFINITY): number[] {
  if (n === 0) {
    if (total !== 0) throw new Error(`splitSum: cannot split ${total} into 0 parts`);
    return [];
  }
  if (total < n * min || total > n * max) throw new Error(`splitSum: ${total} does not fit ${n} × [${min}, ${max}]`);
  const weights = Array.from({ length: n }, () => 0.15 + rng.next() * rng.next() * 3);
  const sumW = weights.reduce((a, b) => a + b, 0);
  const spare = total - n * min;
  const parts = weights.map((w) => Math.min(max, min + Math.floor((spare * w) / sumW)));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  // Hand out what rounding and capping left over, one unit at a time, to parts below the cap.
  for (let guard = 0; rest !== 0 && guard < 10_000_000; guard++) {
    const i = rng.int(0, n - 1);
    if (rest > 0 && parts[i] < max) {
      parts[i]++;
      rest--;
    } else if (rest < 0 && parts[i] > min) {
      parts[i]--;
      rest++;
    }
  }
  if (rest !== 0) throw new Error("splitSum: did not converge");
  return parts;
}
