// xoshiro128** 1.1 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c) and the
// splitmix64 seeder (https://prng.di.unimi.it/splitmix64.c). 32-bit arithmetic via Math.imul
// and `>>> 0`; BigInt only in splitmix64, which runs twice per seeding.

const MASK64 = (1n << 64n) - 1n;

/** splitmix64: a 64-bit counter through a mixer; `next()` returns a 64-bit BigInt. */
export class SplitMix64 {
  #state: bigint;

  constructor(seed: bigint) {
    this.#state = BigInt.asUintN(64, seed);
  }

  next(): bigint {
    this.#state = (this.#state + 0x9e3779b97f4a7c15n) & MASK64;
    let z = this.#state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    return z ^ (z >> 31n);
  }
}

/** The xoshiro128** generator over a 128-bit state of four 32-bit words (not all zero). */
// State words are plain (not #private) fields: V8 runs the hot loops about 1.5× faster so.
export class Xoshiro128StarStar {
  protected s0: number;
  protected s1: number;
  protected s2: number;
  protected s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /**
   * Seeded as rand_xoshiro's `seed_from_u64`: two splitmix64 outputs, each split into its low
   * and high 32-bit words, fill the state (the state cannot be all zero: splitmix64's mixer is
   * a bijection, so at most one of its outputs is 0).
   */
  static stateFromSeed(seed: bigint): [number, number, number, number] {
    const mixer = new SplitMix64(seed);
    const a = mixer.next();
    const b = mixer.next();
    return [Number(a & 0xffffffffn), Number(a >> 32n), Number(b & 0xffffffffn), Number(b >> 32n)];
  }

  /** The next 32-bit output, as an unsigned integer in [0, 2^32). */
  next(): number {
    const s1 = this.s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }
}
