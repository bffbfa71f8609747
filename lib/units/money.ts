/**
 * Money: US dollars, bitcoin and satoshis, which are easy to mix up. BTC is the canonical unit
 * for bitcoin amounts; satoshis exist only at the edges.
 *
 * @module
 */
import { type Quantity, tag } from "./_brand.ts";
import { finite, positive } from "./checks.ts";

/** An amount in US dollars. */
export type Usd = Quantity<"USD">;
/** An amount in bitcoin. */
export type Btc = Quantity<"BTC">;

/** Satoshis per bitcoin. */
export const SATS_PER_BTC = 100_000_000;

/**
 * US dollars.
 *
 * @example
 * ```ts
 * import { usd } from "./money.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(usd(3.5e9), 3_500_000_000);
 * assert.throws(() => usd(NaN), /usd/);
 * ```
 */
export function usd(value: number): Usd {
  return tag<"USD">(finite("usd", value));
}

/**
 * Bitcoin.
 *
 * @example
 * ```ts
 * import { btc } from "./money.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(btc(3.125), 3.125);
 * ```
 */
export function btc(value: number): Btc {
  return tag<"BTC">(finite("btc", value));
}

/**
 * Satoshis to bitcoin.
 *
 * @example
 * ```ts
 * import { sats } from "./money.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sats(312_500_000), 3.125);
 * ```
 */
export function sats(value: number): Btc {
  return tag<"BTC">(finite("sats", value) / SATS_PER_BTC);
}

/**
 * Bitcoin to whole satoshis (rounded to the nearest).
 *
 * @example
 * ```ts
 * import { btc, toSats } from "./money.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(toSats(btc(0.1 + 0.2)), 30_000_000);
 * ```
 */
export function toSats(amount: Btc): number {
  return Math.round(amount * SATS_PER_BTC);
}

/**
 * Bitcoin valued in dollars at `priceUsd` per BTC.
 *
 * @example
 * ```ts
 * import { btc, btcToUsd, usd } from "./money.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(btcToUsd(btc(450), usd(90_000)), 40_500_000);
 * ```
 */
export function btcToUsd(amount: Btc, priceUsd: Usd): Usd {
  return tag<"USD">(finite("amount", amount) * positive("priceUsd", priceUsd));
}

/**
 * Dollars converted to bitcoin at `priceUsd` per BTC.
 *
 * @example
 * ```ts
 * import { usdToBtc, usd } from "./money.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(usdToBtc(usd(45_000), usd(90_000)), 0.5);
 * ```
 */
export function usdToBtc(amount: Usd, priceUsd: Usd): Btc {
  return tag<"BTC">(finite("amount", amount) / positive("priceUsd", priceUsd));
}
