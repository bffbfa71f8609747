/**
 * The vocabulary of `data/gpu_rental_prices.csv`: kinds of price, their units, canonical GPU
 * names, statistics and periods, as `as const` lists with derived unions. Each kind has exactly
 * one unit, so selecting rows by kind can never mix USD per GPU-hour with USD per GPU or percent.
 *
 * @module
 */

/** Units of the `value` column. */
export const GPU_PRICE_UNITS = ["USD per GPU-hour", "USD per GPU", "percent"] as const;
/** One of {@linkcode GPU_PRICE_UNITS}. */
export type GpuPriceUnit = typeof GPU_PRICE_UNITS[number];

/**
 * What a row's date stands for: a UTC `day` of the tracker, a calendar `month` of the
 * back-series, or a cited `point` (a figure with its own stated period).
 */
export const GPU_PRICE_PERIODS = ["day", "month", "point"] as const;
/** One of {@linkcode GPU_PRICE_PERIODS}. */
export type GpuPricePeriod = typeof GPU_PRICE_PERIODS[number];

/**
 * Each kind of GPU price, with its one unit and the period of its rows. A kind says what was
 * priced and how, so two kinds are never averaged together by accident:
 *
 * - `marketplace`: daily statistics of listings on Prime Intellect's compute marketplace
 *   (spot and on-demand listings mixed, all regions), from the GPU price tracker.
 * - `on-demand list`: the monthly back-series of on-demand **list** prices restated to a
 *   standard SXM/8-GPU good (GIX back-series; "list prices, not transactions; not the index";
 *   "It is a demonstration.").
 * - `on-demand`, `spot`, `contract` (1-year contract): cited rental prices of that type.
 * - `rental`: a cited rental price whose type (on-demand, spot, contract) the source leaves open.
 * - `peak`, `initial`, `floor`: a cited rental price the source calls the peak, the initial
 *   (launch) price or the floor.
 * - `purchase`: a cited purchase price per GPU.
 * - `change`: a cited percentage change of rental prices.
 */
export const KIND_TERMS = {
  "marketplace": { unit: "USD per GPU-hour", period: "day" },
  "on-demand list": { unit: "USD per GPU-hour", period: "month" },
  "on-demand": { unit: "USD per GPU-hour", period: "point" },
  "spot": { unit: "USD per GPU-hour", period: "point" },
  "contract": { unit: "USD per GPU-hour", period: "point" },
  "rental": { unit: "USD per GPU-hour", period: "point" },
  "peak": { unit: "USD per GPU-hour", period: "point" },
  "initial": { unit: "USD per GPU-hour", period: "point" },
  "floor": { unit: "USD per GPU-hour", period: "point" },
  "purchase": { unit: "USD per GPU", period: "point" },
  "change": { unit: "percent", period: "point" },
} as const satisfies Record<string, { unit: GpuPriceUnit; period: GpuPricePeriod }>;

/** The kinds of {@linkcode KIND_TERMS}, in its order. */
export const GPU_PRICE_KINDS = Object.keys(KIND_TERMS) as readonly GpuPriceKind[];
/** One of {@linkcode GPU_PRICE_KINDS}. */
export type GpuPriceKind = keyof typeof KIND_TERMS;

/** The one unit of each kind. */
export const KIND_UNITS = Object.fromEntries(
  GPU_PRICE_KINDS.map((kind) => [kind, KIND_TERMS[kind].unit]),
) as { readonly [K in GpuPriceKind]: typeof KIND_TERMS[K]["unit"] };

/** The period of each kind's rows. */
export const KIND_PERIODS = Object.fromEntries(
  GPU_PRICE_KINDS.map((kind) => [kind, KIND_TERMS[kind].period]),
) as { readonly [K in GpuPriceKind]: typeof KIND_TERMS[K]["period"] };

/**
 * Canonical GPU names. `H100` is an H100 whose form factor (SXM or PCIe) the source does not
 * state; it is never merged into `H100 SXM` or `H100 PCIe`.
 */
export const GPU_NAMES = ["H100 SXM", "H100 PCIe", "H100", "H200", "B200", "A100 SXM"] as const;
/** One of {@linkcode GPU_NAMES}. */
export type GpuName = typeof GPU_NAMES[number];

/**
 * How a value summarises its inputs, per period:
 *
 * - day: `min`, `p25`, `median`, `p75`, `max` over the day's snapshots, and `provider-median`
 *   (one provider's daily median).
 * - month: `median-of-provider-medians` (the back-series method).
 * - point: `point` (a single figure), `upper-bound` (the source gives an upper bound: "below
 *   $2"), `up-to` (a change "by up to" the value), `range-low`/`range-high` (the ends of a
 *   stated range) and `from`/`to` (the start and end of a stated move).
 */
export const PERIOD_STATISTICS = {
  day: ["min", "p25", "median", "p75", "max", "provider-median"],
  month: ["median-of-provider-medians"],
  point: ["point", "upper-bound", "up-to", "range-low", "range-high", "from", "to"],
} as const satisfies Record<GpuPricePeriod, readonly string[]>;
/** Every statistic of {@linkcode PERIOD_STATISTICS}. */
export type GpuPriceStatistic = typeof PERIOD_STATISTICS[GpuPricePeriod][number];

/** Precision of the `date` column: a `year` date is `YYYY-01-01`, a `month` date `YYYY-MM-01`. */
export const DATE_PRECISIONS = ["day", "month", "year"] as const;
/** One of {@linkcode DATE_PRECISIONS}. */
export type DatePrecision = typeof DATE_PRECISIONS[number];

/**
 * Which kinds to read: one `kind`, or a `kinds` list that the caller spells out and that must
 * share one unit. There is deliberately no "all".
 */
export type GpuPriceSelection<K extends GpuPriceKind = GpuPriceKind> =
  | { readonly kind: K; readonly kinds?: never }
  | { readonly kinds: readonly K[]; readonly kind?: never };

/**
 * The kinds a selection names, checked: each must be a known kind and all must share one unit.
 * Throws a `TypeError` listing the valid kinds otherwise.
 *
 * @example
 * ```ts
 * import { type GpuPriceKind, selectedKinds } from "./gpu_price_kinds.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(selectedKinds({ kind: "spot" }), ["spot"]);
 * assert.deepEqual(selectedKinds({ kinds: ["on-demand", "spot"] }), ["on-demand", "spot"]);
 * const fromNotebookParameter: string = "all"; // the type system cannot see this one
 * assert.throws(
 *   () => selectedKinds({ kind: fromNotebookParameter as GpuPriceKind }),
 *   /^TypeError: Cannot select GPU prices of kind "all"; valid kinds: "marketplace", /,
 * );
 * assert.throws(() => selectedKinds({ kinds: ["spot", "purchase"] }), /mix units/);
 * ```
 */
export function selectedKinds(selection: GpuPriceSelection): readonly GpuPriceKind[] {
  const valid = `valid kinds: ${GPU_PRICE_KINDS.map((k) => JSON.stringify(k)).join(", ")}`;
  const fail = (what: string) => new TypeError(`Cannot select GPU prices ${what}`);
  const given = selection as { kind?: unknown; kinds?: unknown } | undefined;
  if (given === undefined || given === null || typeof given !== "object") {
    throw fail(`without a kind: pass { kind }; ${valid}`);
  }
  if (given.kind !== undefined && given.kinds !== undefined) {
    throw fail("by both kind and kinds: pass one of them");
  }
  const kinds: unknown[] = given.kinds !== undefined ? [given.kinds].flat() : [given.kind];
  if (kinds.length === 0) throw fail(`with an empty kinds list; ${valid}`);
  const bad = kinds.findIndex((kind) => !(GPU_PRICE_KINDS as readonly unknown[]).includes(kind));
  if (bad !== -1) {
    const kind = kinds[bad] === undefined
      ? "undefined (kind is required)"
      : JSON.stringify(kinds[bad]);
    throw fail(`of kind ${kind}; ${valid}`);
  }
  const checked = [...new Set(kinds as GpuPriceKind[])];
  const units = new Set(checked.map((k) => KIND_UNITS[k]));
  if (units.size > 1) {
    throw new TypeError(
      `Cannot mix units in one selection: ${
        checked.map((k) => `"${k}" is in ${KIND_UNITS[k]}`).join(", ")
      }; select kinds of one unit`,
    );
  }
  return checked;
}
