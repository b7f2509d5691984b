/**
 * Small seedable randomness for synthetic districts: mulberry32 streams, each derived from the
 * district seed and a label, so that one part of the district (a street's seniors, the facilities)
 * does not shift when another part changes.
 */

/** A 32-bit hash of a string (FNV-1a followed by a murmur3 finaliser). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class SeededRandom {
  private state: number;
  private spareGaussian: number | null = null;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream for one labelled part of a seeded whole. */
  static stream(seed: number, label: string): SeededRandom {
    return new SeededRandom(hash32(`${seed}:${label}`));
  }

  /** mulberry32: uniform 32-bit unsigned integers. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Standard normal (Box–Muller, the spare value kept for the next call). */
  gaussian(): number {
    if (this.spareGaussian !== null) {
      const spare = this.spareGaussian;
      this.spareGaussian = null;
      return spare;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareGaussian = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An index drawn with the given (non-negative) weights. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let target = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i];
      if (target < 0) return i;
    }
    return weights.length - 1;
  }

  /** A version-4-shaped UUID whose bits come from this stream: the same seed, the same ids. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const a = hex(this.nextUint32());
    const b = hex(this.nextUint32());
    const c = hex(this.nextUint32());
    const d = hex(this.nextUint32());
    const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }
}

/**
 * Splits a whole number into parts proportional to weights (largest remainder), each part at least
 * `minimum`. The parts always sum to `total`.
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const free = total - minimum * n;
  if (!Number.isInteger(total) || free < 0) throw new Error(`cannot split ${total} into ${n} parts of at least ${minimum}`);
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (weightSum > 0 ? (free * w) / weightSum : free / n));
  const parts = exact.map((x) => Math.floor(x));
  let left = free - parts.reduce((s, p) => s + p, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((p, q) => q.r - p.r || p.i - q.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[byRemainder[k].i] += 1;
  return parts.map((p) => p + minimum);
}

/**
 * Splits a whole number proportionally to weights without any part exceeding its cap (highest
 * averages, one unit at a time: for totals in the thousands over tens of parts).
 */
export function apportionCapped(total: number, weights: readonly number[], caps: readonly number[]): number[] {
  const capacity = caps.reduce((s, c) => s + c, 0);
  if (total > capacity) throw new Error(`cannot place ${total} within caps totalling ${capacity}`);
  const parts = weights.map(() => 0);
  for (let unit = 0; unit < total; unit++) {
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i] >= caps[i]) continue;
      const score = (weights[i] > 0 ? weights[i] : 1e-9) / (parts[i] + 1);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    parts[best] += 1;
  }
  return parts;
}
