/**
 * The coverage tracker ({@linkcode coverageTracker}) in the shapes its note draws: the table of
 * every ticker (figures as text, "–" where a company published none), each valued company's parts
 * per diluted share for the stacked bar, the hashrate ranking, the parts with their basis, what
 * each unvalued company is missing, and one numeric row per ticker for a DataFrame.
 *
 * @module
 */
import type { TableColumn } from "../charts/table.ts";
import { formatPercent, formatUsd } from "../units/format.ts";
import type { Tracker, TrackerRow } from "./tracker.ts";

/** A figure to at most `digits` decimals, "–" where none was published (NaN). */
function figure(value: number, digits = 1): string {
  return Number.isFinite(value)
    ? value.toLocaleString("en-US", { maximumFractionDigits: digits })
    : "–";
}

/** One ticker in the tracker table, every cell as the table prints it. */
export interface TrackerTableRow {
  /** Ticker. */
  readonly ticker: string;
  /** Hashrate, EH/s, with its basis where it is not operating. */
  readonly ehs: string;
  /** Share of the network's hashrate. */
  readonly share: string;
  /** BTC of the next four years' issuance at that share. */
  readonly reward: string;
  /** Fleet J/TH. */
  readonly jth: string;
  /** BTC held. */
  readonly btc: string;
  /** HPC capacity contracted, critical IT MW. */
  readonly hpc: string;
  /** Value per share, P50 (P10 to P90), or what is missing for one. */
  readonly value: string;
}

/** The tracker table's columns, for `tableSpec`. */
export const TRACKER_COLUMNS: readonly TableColumn<TrackerTableRow>[] = [
  { field: "ticker", title: "Ticker" },
  { field: "ehs", title: "EH/s", format: "text", align: "right" },
  { field: "share", title: "Network", format: "text", align: "right" },
  { field: "reward", title: "4-yr BTC", format: "text", align: "right" },
  { field: "jth", title: "J/TH", format: "text", align: "right" },
  { field: "btc", title: "BTC held", format: "text", align: "right" },
  { field: "hpc", title: "HPC IT MW", format: "text", align: "right" },
  { field: "value", title: "Value per share, P50 (P10 to P90)", format: "text" },
];

/**
 * The tracker table's rows: hashrate with its basis where it is not operating, network share,
 * BTC of the next four years' issuance at that share, J/TH, BTC held, HPC IT MW, and the value
 * per share (P50, P10 to P90) or what is missing for one.
 *
 * @example
 * ```ts
 * import { trackerTableRows } from "./tracker_rows.ts";
 * import { coverageTracker } from "./tracker.ts";
 * import { latestPeriodEnd } from "./covered_tickers.ts";
 * import { loadCompanyFacts } from "../data/companies.ts";
 * import { loadMinerAiDeals } from "../data/miner_ai_deals.ts";
 * import { loadHouseAssumptions } from "../house/house_assumptions.ts";
 * import assert from "node:assert/strict";
 *
 * const facts = await loadCompanyFacts();
 * const tracker = coverageTracker(facts, await loadMinerAiDeals(), await loadHouseAssumptions(),
 *   { asOf: latestPeriodEnd(facts) });
 * const rows = trackerTableRows(tracker);
 * const riot = rows.find((r) => r.ticker === "RIOT")!;
 * assert.match(riot.value, /^\$\d+\.\d\d \(\$\d+\.\d\d to \$\d+\.\d\d\)$/);
 * assert.ok(rows.some((r) => r.value.startsWith("not valued: no ")));
 * ```
 */
export function trackerTableRows(tracker: Tracker): TrackerTableRow[] {
  return tracker.rows.map((r) => ({
    ticker: r.ticker,
    ehs: Number.isFinite(r.hashrateEhs)
      ? `${figure(r.hashrateEhs)}${r.hashrateBasis === "operating" ? "" : ` (${r.hashrateBasis})`}`
      : "–",
    share: Number.isFinite(r.networkShare) ? formatPercent(r.networkShare, 1) : "–",
    reward: figure(r.fourYearRewardBtc, 0),
    jth: figure(r.fleetJPerTh),
    btc: figure(r.btcHeld, 0),
    hpc: figure(r.hpcContractedItMw, 0),
    value: r.value === undefined
      ? `not valued: no ${r.missing.join(", ")}`
      : `${formatUsd(r.value.perShareUsd.p50)} (${formatUsd(r.value.perShareUsd.p10)} to ${
        formatUsd(r.value.perShareUsd.p90)
      })`,
  }));
}

/**
 * The valued rows of a tracker, in its order, typed so that each has its `value`.
 *
 * @example
 * ```ts
 * import { valuedRows } from "./tracker_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const value = { perShareUsd: { p10: 1, p50: 2, p90: 3, mean: 2 }, dilutedShares: 100, parts: [] };
 * const tracker = { rows: [{ ticker: "X", value }, { ticker: "Y", missing: ["debt"] }, { ticker: "Z", value }] } as
 *   unknown as Parameters<typeof valuedRows>[0];
 * assert.deepEqual(valuedRows(tracker).map((r) => [r.ticker, r.value.perShareUsd.p50]), [["X", 2], ["Z", 2]]);
 * ```
 */
export function valuedRows(tracker: Tracker): (TrackerRow & Required<Pick<TrackerRow, "value">>)[] {
  return tracker.rows.filter((r): r is TrackerRow & Required<Pick<TrackerRow, "value">> =>
    r.value !== undefined
  );
}

/**
 * Each valued company's non-zero parts per diluted share, for a stacked bar by ticker.
 *
 * @example
 * ```ts
 * import { partsPerShareRows } from "./tracker_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const value = { perShareUsd: { p10: 1, p50: 2, p90: 3, mean: 2 }, dilutedShares: 100,
 *   parts: [{ part: "Cash", valueUsd: 300, basis: "" }, { part: "Debt", valueUsd: 0, basis: "" }] };
 * const tracker = { rows: [{ ticker: "X", value }] } as unknown as Parameters<typeof partsPerShareRows>[0];
 * assert.deepEqual(partsPerShareRows(tracker), [{ ticker: "X", part: "Cash", usd: 3 }]);
 * ```
 */
export function partsPerShareRows(
  tracker: Tracker,
): { ticker: string; part: string; usd: number }[] {
  return valuedRows(tracker).flatMap((r) =>
    r.value.parts.filter((p) => p.valueUsd !== 0).map((p) => ({
      ticker: r.ticker,
      part: p.part,
      usd: p.valueUsd / r.value.dilutedShares,
    }))
  );
}

/**
 * One numeric row per ticker (NaN where nothing was published), for a DataFrame to sort and
 * filter: hashrate and its basis, network share, four-year BTC, J/TH, BTC held, HPC IT MW, and the
 * value per share's P10, P50 and P90 (NaN where the company is not valued).
 *
 * @example
 * ```ts
 * import { trackerFrameRows } from "./tracker_rows.ts";
 * import assert from "node:assert/strict";
 *
 * const tracker = { rows: [{ ticker: "X", hashrateEhs: 10, hashrateBasis: "operating",
 *   networkShare: 0.01, fourYearRewardBtc: 6000, fleetJPerTh: 18, btcHeld: NaN,
 *   hpcContractedItMw: NaN, missing: ["BTC held"] }] } as unknown as Parameters<typeof trackerFrameRows>[0];
 * const [row] = trackerFrameRows(tracker);
 * assert.equal(row!.ehs, 10);
 * assert.ok(Number.isNaN(row!.p50Usd));
 * ```
 */
export function trackerFrameRows(tracker: Tracker): {
  ticker: string;
  ehs: number;
  basis: string;
  share: number;
  fourYearBtc: number;
  jPerTh: number;
  btcHeld: number;
  hpcItMw: number;
  p10Usd: number;
  p50Usd: number;
  p90Usd: number;
}[] {
  return tracker.rows.map((r) => ({
    ticker: r.ticker,
    ehs: r.hashrateEhs,
    basis: r.hashrateBasis,
    share: r.networkShare,
    fourYearBtc: r.fourYearRewardBtc,
    jPerTh: r.fleetJPerTh,
    btcHeld: r.btcHeld,
    hpcItMw: r.hpcContractedItMw,
    p10Usd: r.value?.perShareUsd.p10 ?? NaN,
    p50Usd: r.value?.perShareUsd.p50 ?? NaN,
    p90Usd: r.value?.perShareUsd.p90 ?? NaN,
  }));
}
