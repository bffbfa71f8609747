import assert from "node:assert/strict";
import { SplitMix64, Xoshiro128StarStar } from "./_xoshiro.ts";
import { checkSeed, createRng, DEFAULT_SEED } from "./rng.ts";

Deno.test("xoshiro128** matches the reference implementation's test vector", () => {
  // rust-random/rngs, rand_xoshiro/src/xoshiro128starstar.rs, test `reference`: state
  // {1, 2, 3, 4}; "produced with the reference implementation (v1.1)",
  // https://prng.di.unimi.it/xoshiro128starstar.c
  const generator = new Xoshiro128StarStar(1, 2, 3, 4);
  const expected = [
    11520,
    0,
    5927040,
    70819200,
    2031721883,
    1637235492,
    1287239034,
    3734860849,
    3729100597,
    4258142804,
  ];
  assert.deepEqual(expected.map(() => generator.next()), expected);
});

Deno.test("splitmix64 matches the reference implementation's test vector", () => {
  // rust-random/rngs, rand_xoshiro/src/splitmix64.rs, test `reference` (first 10 of 50):
  // seed 1477776061723855037, "produced with the reference implementation",
  // https://prng.di.unimi.it/splitmix64.c
  const mixer = new SplitMix64(1477776061723855037n);
  const expected = [
    1985237415132408290n,
    2979275885539914483n,
    13511426838097143398n,
    8488337342461049707n,
    15141737807933549159n,
    17093170987380407015n,
    16389528042912955399n,
    13177319091862933652n,
    10841969400225389492n,
    17094824097954834098n,
  ];
  assert.deepEqual(expected.map(() => mixer.next()), expected);
});

Deno.test("seeding: the state is two splitmix64 outputs split into 32-bit words", () => {
  const mixer = new SplitMix64(5n);
  const a = mixer.next();
  const b = mixer.next();
  const direct = new Xoshiro128StarStar(
    Number(a & 0xffffffffn),
    Number(a >> 32n),
    Number(b & 0xffffffffn),
    Number(b >> 32n),
  );
  const rng = createRng(5);
  for (let i = 0; i < 20; i++) assert.equal(rng.nextUint32(), direct.next());
});

Deno.test("determinism: same seed, same stream; different seeds, different streams", () => {
  const draw = (seed?: number) => {
    const rng = createRng(seed);
    return [rng.nextUint32(), rng.uniform(), rng.normal(), rng.normal(), rng.int(1000)];
  };
  assert.deepEqual(draw(123), draw(123));
  assert.deepEqual(draw(), draw(DEFAULT_SEED));
  assert.equal(DEFAULT_SEED, 1);
  assert.notDeepEqual(draw(1), draw(2));
  assert.notDeepEqual(draw(0), draw(2 ** 53 - 1));
  assert.equal(createRng(99).seed, 99);
});

Deno.test("fillNormal gives exactly the draws of repeated normal() calls, spare included", () => {
  const a = createRng(11);
  const b = createRng(11);
  a.normal(); // leaves a cached spare
  b.normal();
  for (const n of [3, 0, 4, 1, 7]) {
    const bulk = a.fillNormal(new Float64Array(n));
    const one = Float64Array.from({ length: n }, () => b.normal());
    assert.deepEqual(bulk, one);
    // The generator's state after a bulk fill is where the single draws leave it.
    assert.equal(a.nextUint32(), b.nextUint32());
  }
  // A long fill, with rejections of the polar method inside it.
  const bulk = a.fillNormal(new Float64Array(10_001));
  assert.deepEqual(bulk, Float64Array.from({ length: 10_001 }, () => b.normal()));
  assert.equal(a.uniform(), b.uniform());
  assert.equal(a.normal(), b.normal());
});

Deno.test("uniform: range, mean, variance and a chi-square on 100 buckets", () => {
  const rng = createRng(20240819);
  const n = 1_000_000;
  const buckets = new Float64Array(100);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    assert.ok(u >= 0 && u < 1);
    sum += u;
    sumSq += u * u;
    buckets[Math.floor(u * 100)]!++;
  }
  const mean = sum / n;
  const variance = sumSq / n - mean * mean;
  // Standard errors: √(1/12/n) = 2.9e-4 for the mean, √((1/80 − 1/144)/n) = 7.5e-5 for the
  // variance; tolerances are ~5 of them.
  assert.ok(Math.abs(mean - 0.5) < 1.5e-3, `mean ${mean}`);
  assert.ok(Math.abs(variance - 1 / 12) < 4e-4, `variance ${variance}`);
  // χ² with 99 degrees of freedom: the 0.1% and 99.9% points are about 61.1 and 148.3
  // (Wilson–Hilferty), so both a lumpy and a too-even generator fail.
  const expected = n / 100;
  const chi2 = buckets.reduce((s, count) => s + (count - expected) ** 2 / expected, 0);
  assert.ok(chi2 > 61.1 && chi2 < 148.3, `chi-square ${chi2}`);
});

Deno.test("normal: mean, variance, skewness, kurtosis and tail mass", () => {
  const rng = createRng(42);
  const n = 1_000_000;
  const z = rng.fillNormal(new Float64Array(n));
  let m1 = 0;
  for (const x of z) m1 += x;
  m1 /= n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let within1 = 0;
  let beyond196 = 0;
  let beyond3 = 0;
  for (const x of z) {
    const d = x - m1;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
    if (Math.abs(x) < 1) within1++;
    if (Math.abs(x) > 1.959963984540054) beyond196++;
    if (Math.abs(x) > 3) beyond3++;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  const skew = m3 / m2 ** 1.5;
  const excessKurtosis = m4 / (m2 * m2) - 3;
  // Standard errors for n = 1e6: mean 1e-3, variance √(2/n) = 1.4e-3, skewness √(6/n) = 2.4e-3,
  // excess kurtosis √(24/n) = 4.9e-3. Tolerances are ~5 standard errors.
  assert.ok(Math.abs(m1) < 5e-3, `mean ${m1}`);
  assert.ok(Math.abs(m2 - 1) < 7e-3, `variance ${m2}`);
  assert.ok(Math.abs(skew) < 0.0125, `skewness ${skew}`);
  assert.ok(Math.abs(excessKurtosis) < 0.025, `excess kurtosis ${excessKurtosis}`);
  // P(|Z| < 1) = 0.682689, P(|Z| > 1.96) = 0.05, P(|Z| > 3) = 0.002700 (normal tables).
  assert.ok(Math.abs(within1 / n - 0.682689) < 2.5e-3, `within 1σ ${within1 / n}`);
  assert.ok(Math.abs(beyond196 / n - 0.05) < 1.1e-3, `beyond 1.96σ ${beyond196 / n}`);
  assert.ok(Math.abs(beyond3 / n - 0.0027) < 2.6e-4, `beyond 3σ ${beyond3 / n}`);
});

Deno.test("int(n): in range, unbiased by chi-square, and for n = 2^32", () => {
  const rng = createRng(3);
  const n = 7;
  const draws = 700_000;
  const counts = new Float64Array(n);
  for (let i = 0; i < draws; i++) {
    const k = rng.int(n);
    assert.ok(Number.isInteger(k) && k >= 0 && k < n);
    counts[k]!++;
  }
  // χ² with 6 degrees of freedom: the 99.9% point is 22.46.
  const expected = draws / n;
  const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  assert.ok(chi2 < 22.46, `chi-square ${chi2}`);
  assert.equal(rng.int(1), 0);
  const big = rng.int(2 ** 32);
  assert.ok(Number.isInteger(big) && big >= 0 && big < 2 ** 32);
  // A large n where plain modulo would be biased: 3·2^30 keeps the low third twice as likely.
  let low = 0;
  for (let i = 0; i < 30_000; i++) if (rng.int(3 * 2 ** 30) < 2 ** 30) low++;
  assert.ok(Math.abs(low / 30_000 - 1 / 3) < 0.015, `share in the low third ${low / 30_000}`);
});

Deno.test("bad seeds and bad n are errors naming the value", () => {
  for (const seed of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
    assert.throws(() => createRng(seed), {
      name: "RangeError",
      message: `Cannot use seed: expected a whole number in [0, 2^53 - 1], got ${seed}`,
    });
  }
  // deno-lint-ignore no-explicit-any
  assert.throws(() => checkSeed("1" as any), TypeError);
  const rng = createRng();
  for (const n of [0, 1.5, 2 ** 32 + 1, NaN]) {
    assert.throws(() => rng.int(n), /Cannot use n: expected a whole number in \[1, 2\^32\]/);
  }
});
