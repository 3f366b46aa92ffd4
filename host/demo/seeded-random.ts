/**
 * A small deterministic random source (mulberry32 over a 32-bit hash of the seed text): the same
 * seed gives the same demo history on every machine and every run. Not for anything secret.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: string) {
    // FNV-1a of the seed text.
    let h = 0x811c9dc5;
    for (let i = 0; i < seed.length; i++) {
      h ^= seed.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    this.state = h >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly [T, ...T[]]): T {
    return items[this.int(items.length)] ?? items[0];
  }

  /** One of the entries, each as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[], fallback: T): T {
    const total = entries.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
    let x = this.next() * total;
    for (const [value, w] of entries) {
      x -= Math.max(0, w);
      if (x < 0) return value;
    }
    return entries[entries.length - 1]?.[0] ?? fallback;
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal around a median: the right-skewed shape of waits and service times. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Hex digits, e.g. for ids. */
  hex(length: number): string {
    let s = '';
    while (s.length < length) s += this.int(0x10000).toString(16).padStart(4, '0');
    return s.slice(0, length);
  }
}
