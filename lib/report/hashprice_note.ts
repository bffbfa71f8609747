/**
 * The first research note: hashprice since 2016 and what each halving did to it. Every number
 * in the text is computed here from `data/btc_daily.csv`.
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { type Halving, pastHalvings } from "../chain/halvings.ts";
import { timeSeriesSpec } from "../charts/time_series.ts";
import { rangeMean, trailingMean } from "../finance/means.ts";
import type { BtcDaily } from "../data/btc_daily.ts";
import type { Note } from "./note_html.ts";

/** Days in the trailing mean that smooths daily hashprice (daily values are noisy). */
export const SMOOTHING_DAYS = 30;
/** The note looks at the era of industrial ASIC mining. */
export const NOTE_START = "2016-01-01";

/** A halving and the trailing-mean hashprice a month either side of it. */
export interface HalvingStep extends Halving {
  readonly beforeUsd: number;
  readonly afterUsd: number;
  readonly change: number;
}

/** The computed content of the note. */
export interface HashpriceFindings {
  readonly asOf: string;
  readonly startMonthUsd: number;
  readonly latestUsd: number;
  readonly latestBtc: number;
  readonly startMonthBtc: number;
  readonly hashrateGrowth: number;
  readonly steps: readonly HalvingStep[];
  readonly series: readonly { date: string; hashprice_usd_30d: number }[];
}

/**
 * Computes the note's findings from the daily dataset.
 *
 * @example
 * ```ts
 * import { hashpriceFindings } from "./hashprice_note.ts";
 * import { loadBtcDaily } from "../data/btc_daily.ts";
 * import assert from "node:assert/strict";
 *
 * const f = hashpriceFindings(await loadBtcDaily());
 * assert.deepEqual(f.steps.map((s) => s.ordinal), [2, 3, 4]);
 * assert.ok(f.steps.every((s) => s.change < 0)); // every halving cut hashprice
 * ```
 */
export function hashpriceFindings(daily: BtcDaily): HashpriceFindings {
  const start = daily.date.indexOf(NOTE_START);
  if (start === -1) throw new RangeError(`Cannot build the note: the data have no ${NOTE_START}`);
  const last = daily.length - 1;
  const usd = daily.hashprice_usd_per_ph_day;
  const btc = daily.hashprice_btc_per_ph_day;
  const smoothed = trailingMean(usd, SMOOTHING_DAYS);
  const month = start + 31; // January 2016
  const recent = last + 1 - SMOOTHING_DAYS;
  const steps = pastHalvings(daily)
    .filter((h) => h.date >= NOTE_START)
    .map((h) => {
      const i = daily.date.indexOf(h.date);
      const beforeUsd = rangeMean(usd, i - SMOOTHING_DAYS, i);
      const afterUsd = rangeMean(usd, i + 1, Math.min(last + 1, i + 1 + SMOOTHING_DAYS));
      return { ...h, beforeUsd, afterUsd, change: afterUsd / beforeUsd - 1 };
    });
  const series = [];
  for (let i = start; i <= last; i++) {
    series.push({ date: daily.date[i]!, hashprice_usd_30d: round(smoothed[i]!, 4) });
  }
  return {
    asOf: daily.date[last]!,
    startMonthUsd: rangeMean(usd, start, month),
    latestUsd: rangeMean(usd, recent, last + 1),
    startMonthBtc: rangeMean(btc, start, month),
    latestBtc: rangeMean(btc, recent, last + 1),
    hashrateGrowth: rangeMean(daily.hashrate_ths, recent, last + 1) /
      rangeMean(daily.hashrate_ths, start, month),
    steps,
    series,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth"];
const usd = (v: number) =>
  `$${v.toLocaleString("en-US", { maximumFractionDigits: v < 100 ? 1 : 0 })}`;
const pct = (v: number) => `${(Math.abs(v) * 100).toFixed(0)}%`;
const monthYear = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

/** The exhibit's Vega-Lite spec: 30-day hashprice on a log scale with the halvings marked. */
export function hashpriceExhibitSpec(findings: HashpriceFindings): TopLevelSpec {
  return timeSeriesSpec(findings.series, {
    x: "date",
    y: "hashprice_usd_30d",
    yTitle: "USD per PH/s per day (log scale)",
    yFormat: "$,.0f",
    log: true,
    events: findings.steps.map((s) => ({ date: s.date, label: `Halving ${monthYear(s.date)}` })),
    height: 300,
  });
}

/** The note's text around its exhibit (whose SVG is filled in by the caller). */
export function hashpriceNote(findings: HashpriceFindings): Omit<Note, "exhibits"> & {
  exhibitTitle: string;
} {
  const fall = 1 - findings.latestUsd / findings.startMonthUsd;
  const takeaways = [
    `Hashprice averaged ${
      usd(findings.latestUsd)
    } per PH/s per day over the ${SMOOTHING_DAYS} days ` +
    `to ${findings.asOf}, ${pct(fall)} below its January 2016 average of ${
      usd(findings.startMonthUsd)
    }.`,
    ...findings.steps.map((s) =>
      `The ${ORDINALS[s.ordinal]} halving (${monthYear(s.date)}) moved hashprice from ` +
      `${usd(s.beforeUsd)} to ${usd(s.afterUsd)} (${s.change < 0 ? "−" : "+"}${pct(s.change)}), ` +
      `${SMOOTHING_DAYS}-day averages either side.`
    ),
    `In BTC, hashprice fell from ${findings.startMonthBtc.toPrecision(3)} to ` +
    `${findings.latestBtc.toPrecision(3)} BTC per PH/s per day as network hashrate grew ` +
    `${Math.round(findings.hashrateGrowth).toLocaleString("en-US")}-fold.`,
  ];
  return {
    title: "Hashprice and the halvings",
    subtitle: "What a petahash earns per day, from the Coin Metrics daily snapshot",
    date: findings.asOf,
    authors: ["mullet research"],
    takeaways,
    paragraphs: [
      "Hashprice is what one PH/s of hashrate earns in a day: the subsidy and fees paid to " +
      "miners divided by the network's hashrate, valued at the day's BTC price. It is the top " +
      "line of every megawatt a miner runs, and the figure an AI lease has to beat.",
      "Each halving cuts the subsidy in two overnight while hashrate adjusts over months, so " +
      "hashprice steps down at each one; price rallies and fee spikes lift it between them. " +
      "The BTC hashprice strips out the price and shows the relentless effect of hashrate growth.",
    ],
    disclosure: "For research use. Data: Coin Metrics Community Network Data (CC BY-NC 4.0). " +
      "Not investment advice.",
    exhibitTitle: `Hashprice has fallen ${
      pct(fall)
    } since January 2016, stepping down at each halving`,
  };
}
