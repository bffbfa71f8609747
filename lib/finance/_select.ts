// Order statistics without a full sort: Floyd–Rivest selection, falling back to a sort when the
// partitions stop shrinking (the introselect idea numpy's percentile uses too).

/**
 * Rearranges `a[left..right]` so that `a[k]` holds the value it would have if that range were
 * sorted, everything before it (within the range) is ≤ and everything after is ≥.
 *
 * Floyd & Rivest's SELECT (CACM 18(3), 1975, https://doi.org/10.1145/360680.360694): on a large
 * range it first selects within a small sample-sized window around `k`, so the pivot lands next
 * to `k` and one partition leaves little to do (about n + min(k, n − k) comparisons against
 * quickselect's ~3n for a median).
 */
export function selectInPlace(a: Float64Array, k: number, left: number, right: number): void {
  let budget = 2 * Math.ceil(Math.log2(right - left + 2)) + 8;
  while (right > left) {
    if (budget-- === 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > 600) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * Math.sign(i - n / 2);
      const newLeft = Math.max(left, Math.floor(k - (i * s) / n + sd));
      const newRight = Math.min(right, Math.floor(k + ((n - i) * s) / n + sd));
      selectInPlace(a, k, newLeft, newRight);
    }
    // Partition around t = a[k]: a[left..j-1] <= t, a[j] = t, a[j+1..right] >= t.
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, right, left);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/**
 * Places each order statistic in `ks` (ascending, distinct, within `[0, a.length)`) at its
 * index, so `a[k]` can be read for every `k` in `ks`. The middle one is selected first and
 * splits the array for the rest (a multi-select), and a neighbour `k ± 1` of a placed `k` is
 * the extreme of its side: a scan, not another selection.
 */
export function selectMany(a: Float64Array, ks: readonly number[]): void {
  selectSome(a, ks, 0, ks.length, 0, a.length - 1);
}

/** `ks[kFrom..kTo)`, all within `[left, right]`, placed. */
function selectSome(
  a: Float64Array,
  ks: readonly number[],
  kFrom: number,
  kTo: number,
  left: number,
  right: number,
): void {
  if (kFrom >= kTo) return;
  const middle = (kFrom + kTo) >>> 1;
  const k = ks[middle]!;
  selectInPlace(a, k, left, right);
  let below = middle;
  if (below > kFrom && ks[below - 1] === k - 1) {
    placeGreatest(a, left, k - 1);
    below--;
  }
  let above = middle + 1;
  if (above < kTo && ks[above] === k + 1) {
    placeLeast(a, k + 1, right);
    above++;
  }
  selectSome(a, ks, kFrom, below, left, k - 1 - (middle - below));
  selectSome(a, ks, above, kTo, k + 1 + (above - middle - 1), right);
}

/** Swaps the least of `a[from..right]` into `a[from]`. */
function placeLeast(a: Float64Array, from: number, right: number): void {
  let least = from;
  for (let i = from + 1; i <= right; i++) if (a[i]! < a[least]!) least = i;
  swap(a, from, least);
}

/** Swaps the greatest of `a[left..to]` into `a[to]`. */
function placeGreatest(a: Float64Array, left: number, to: number): void {
  let greatest = to;
  for (let i = left; i < to; i++) if (a[i]! > a[greatest]!) greatest = i;
  swap(a, to, greatest);
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
