// Brent's method (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 4, the
// zero routine): inverse quadratic interpolation and secant steps, falling back to bisection,
// so it never leaves the bracket and converges at least as fast as bisection.

/** Outcome of {@linkcode brent}: the root, or the iterations spent when the budget ran out. */
export type BrentResult =
  | { readonly converged: true; readonly x: number; readonly iterations: number }
  | { readonly converged: false; readonly x: number; readonly iterations: number };

/**
 * A zero of `f` in `[a, b]`, where `f(a)` and `f(b)` have opposite signs (or one is 0). Stops
 * when the bracket is narrower than `2 × (4·ε·|x| + tolerance / 2)` or `f(x)` is exactly 0.
 */
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  tolerance: number,
  maxIterations: number,
): BrentResult {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return { converged: true, x: a, iterations: 0 };
  if (fb === 0) return { converged: true, x: b, iterations: 0 };
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if ((fb > 0) === (fc > 0)) {
      // Keep the root between b and c.
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + tolerance / 2;
    const m = (c - b) / 2;
    if (Math.abs(m) <= tol || fb === 0) return { converged: true, x: b, iterations: iteration };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s; // secant
        q = 1 - s;
      } else {
        const r = fb / fc; // inverse quadratic interpolation
        const t = fa / fc;
        p = s * (2 * m * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m; // interpolation would overshoot: bisect
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  return { converged: false, x: b, iterations: maxIterations };
}
