/**
 * Cancellable sleeps, so that no timer outlives the wait it served (the test sanitizer counts
 * pending timers as leaks).
 *
 * @module
 */

/** A promise that resolves with `value` after `ms`, and a function that cancels it. */
export function delay<T>(ms: number, value: T): { promise: Promise<T>; cancel: () => void } {
  let id: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<T>((resolve) => {
    if (Number.isFinite(ms)) id = setTimeout(() => resolve(value), Math.max(0, ms));
  });
  return { promise, cancel: () => clearTimeout(id) };
}

/** `promise`'s value, or `fallback` if it takes longer than `ms`. The timer is always cleared. */
export async function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  const timer = delay(ms, fallback);
  try {
    return await Promise.race([promise, timer.promise]);
  } finally {
    timer.cancel();
  }
}
