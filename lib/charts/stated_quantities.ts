/**
 * Quantities a note states that other notes may state too: each note shows them as one table
 * (and as data, under a MIME type of their own), so that a test can read every saved notebook and
 * fail when two notes give the same named quantity different values. Where the house view
 * computes a quantity, both notes take it from the same `lib/house` function.
 *
 * @module
 */
import { formatUsd } from "../units/format.ts";
import { literalDollars } from "./literal_dollars.ts";

/** The MIME type of the data part of a stated-quantities display. */
export const STATED_QUANTITIES_MIME = "application/vnd.mullet.quantities+json";

/** How a stated value is printed. */
export type QuantityFormat = "usd" | "percent" | "number";

/** One quantity a note states. */
export interface StatedQuantity {
  /** Stable name shared across notes, e.g. `miningMwValueUsd`. */
  readonly name: string;
  /** What it is, in words. */
  readonly label: string;
  /** The value. */
  readonly value: number;
  /** How to print it. */
  readonly format: QuantityFormat;
}

function formatted(q: StatedQuantity): string {
  if (q.format === "usd") return formatUsd(q.value);
  if (q.format === "percent") return `${(q.value * 100).toFixed(1)}%`;
  return q.value.toLocaleString("en-US", { maximumSignificantDigits: 6 });
}

/**
 * The display bundle of a note's stated quantities: a markdown table (dollar amounts literal for
 * MathJax front ends), the same as plain text, and the values as data. Show it with `show()`.
 *
 * @example
 * ```ts
 * import { STATED_QUANTITIES_MIME, statedQuantities } from "./stated_quantities.ts";
 * import assert from "node:assert/strict";
 *
 * const bundle = statedQuantities([
 *   { name: "btcStartUsd", label: "BTC price at the start", value: 71_328.73, format: "usd" },
 * ]);
 * assert.deepEqual(bundle[STATED_QUANTITIES_MIME], { btcStartUsd: 71_328.73 });
 * assert.match(bundle["text/plain"], /\| BTC price at the start \| \$71\.3k \|/);
 * assert.throws(() => statedQuantities([{ name: "x", label: "x", value: NaN, format: "usd" }]), /x: expected a finite value/);
 * ```
 */
export function statedQuantities(
  quantities: readonly StatedQuantity[],
): Record<string, unknown> & { readonly "text/plain": string } {
  const data: Record<string, number> = {};
  for (const q of quantities) {
    if (!Number.isFinite(q.value)) {
      throw new RangeError(`${q.name}: expected a finite value, got ${q.value}`);
    }
    if (q.name in data) throw new RangeError(`${q.name}: stated twice`);
    data[q.name] = q.value;
  }
  const table = [
    "| Shared with other notes | Value |",
    "|---|--:|",
    ...quantities.map((q) => `| ${q.label} | ${formatted(q)} |`),
  ].join("\n");
  return {
    [STATED_QUANTITIES_MIME]: data,
    "text/markdown": literalDollars(table),
    "text/plain": table,
  };
}

/**
 * The quantities a saved notebook states, by name (from every output carrying
 * {@linkcode STATED_QUANTITIES_MIME}). A name stated twice with different values is an error.
 *
 * @example
 * ```ts
 * import { notebookQuantities, STATED_QUANTITIES_MIME } from "./stated_quantities.ts";
 * import assert from "node:assert/strict";
 *
 * const cell = (q: Record<string, number>) => ({ cell_type: "code", outputs: [
 *   { output_type: "display_data", data: { [STATED_QUANTITIES_MIME]: q } }] });
 * const nb = { cells: [cell({ a: 1 }), cell({ b: 2 })] };
 * assert.deepEqual(notebookQuantities(nb, "n.ipynb"), new Map([["a", 1], ["b", 2]]));
 * assert.throws(() => notebookQuantities({ cells: [cell({ a: 1 }), cell({ a: 2 })] }, "n.ipynb"),
 *   /n\.ipynb states a twice: 1 and 2/);
 * ```
 */
export function notebookQuantities(
  notebook: { readonly cells: readonly { readonly outputs?: readonly unknown[] }[] },
  file: string,
): Map<string, number> {
  const found = new Map<string, number>();
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      const data = (output as { data?: Record<string, unknown> }).data;
      const stated = data?.[STATED_QUANTITIES_MIME] as Record<string, number> | undefined;
      if (stated === undefined) continue;
      for (const [name, value] of Object.entries(stated)) {
        const before = found.get(name);
        if (before !== undefined && before !== value) {
          throw new RangeError(`${file} states ${name} twice: ${before} and ${value}`);
        }
        found.set(name, value);
      }
    }
  }
  return found;
}
