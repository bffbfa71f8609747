// Order statistics without a full sort: quickselect with a median-of-three pivot and Hoare
// partitioning (fast on ties), falling back to a sort when the partitions stop shrinking —
// the introselect idea numpy's percentile uses too.

/**
 * Rearranges `a[left..right]` so that `a[k]` holds the value it would have if that range were
 * sorted, everything before it (within the range) is ≤ and everything after is ≥.
 */
export function selectInPlace(a: Float64Array, k: number, left: number, right: number): void {
  let budget = 2 * Math.ceil(Math.log2(right - left + 2)) + 8;
  while (right > left) {
    if (budget-- === 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    const mid = (left + right) >>> 1;
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // Now a[left..j] <= pivot <= a[i..right], and anything strictly between equals pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * Places each order statistic in `ks` (ascending, distinct, within `[0, a.length)`) at its
 * index, so `a[k]` can be read for every `k` in `ks`.
 */
export function selectMany(a: Float64Array, ks: readonly number[]): void {
  let left = 0;
  for (const k of ks) {
    selectInPlace(a, k, left, a.length - 1);
    left = k + 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
