/**
 * Gallery exhibits on the Bitcoin network and price: hashprice, hashrate, a BTC price fan.
 *
 * @module
 */
import { fanChartSpec } from "../fan_chart.ts";
import { withShadedPeriods } from "../shaded_periods.ts";
import { timeSeriesSpec } from "../time_series.ts";
import { pastHalvings } from "../../chain/halvings.ts";
import { addIsoDays } from "../../units/calendar.ts";
import { bootstrapPaths } from "../../finance/bootstrap_paths.ts";
import { logReturns } from "../../finance/log_returns.ts";
import { percentileBands } from "../../finance/percentile_bands.ts";
import type { Exhibit } from "../exhibit.ts";
import type { GalleryContext, NextExhibit } from "./context.ts";

const CM = "Coin Metrics, mullet analysis";

/** Exhibits 1–2: hashprice and hashrate through the halvings. */
export function networkExhibits(ctx: GalleryContext, exhibit: NextExhibit): Exhibit[] {
  const { daily, asOf, last } = ctx;
  const out: Exhibit[] = [];
  // 1. Time series with halvings, log scale.
  const start = daily.date.indexOf("2016-01-01");
  const weekly = [];
  for (let i = start; i <= last; i += 7) {
    weekly.push({
      date: daily.date[i]!,
      hashprice: daily.hashprice_usd_per_ph_day[i]!,
      ehs: daily.hashrate_ths[i]! / 1e6,
    });
  }
  const halvings = pastHalvings(daily).filter((h) => h.date >= "2016-01-01");
  out.push(exhibit(
    timeSeriesSpec(weekly, {
      x: "date",
      y: "hashprice",
      log: true,
      yTitle: "USD per PH/s per day",
      yFormat: "$,.0f",
      events: halvings.map((h) => ({ date: h.date, label: `Halving ${h.date.slice(0, 4)}` })),
    }),
    {
      title: "Hashprice steps down at every halving",
      subtitle: "USD per PH/s per day, weekly, log scale",
      source: CM,
      asOf,
    },
  ));

  // 2. Shaded periods: the 180 days after each halving.
  out.push(exhibit(
    withShadedPeriods(
      timeSeriesSpec(weekly, { x: "date", y: "ehs", yTitle: "EH/s", yFormat: ",.0f" }),
      halvings.map((h) => ({
        from: h.date,
        to: addIsoDays(h.date, 180),
        label: "180 days after halving",
      })),
    ),
    {
      title: "Network hashrate kept growing through each halving",
      subtitle: "EH/s, weekly; shaded: 180 days after each halving",
      source: CM,
      asOf,
    },
  ));

  return out;
}

/** A fan chart of BTC price paths bootstrapped from the snapshot. */
export function priceFanExhibit(ctx: GalleryContext, exhibit: NextExhibit): Exhibit[] {
  const { daily, asOf, last } = ctx;
  const out: Exhibit[] = [];
  // 9. Fan chart: BTC price by block bootstrap of the snapshot's daily returns.
  const priceFrom = daily.date.indexOf("2020-01-01");
  const returnsDaily = logReturns(daily.price_usd.subarray(priceFrom));
  const paths = bootstrapPaths(returnsDaily, {
    start: daily.price_usd[last]!,
    blockDays: 30,
    steps: 24,
    daysPerStep: 30,
    paths: 5000,
    seed: 1,
  });
  const bands = percentileBands(paths).rows.map((r) => ({
    date: addIsoDays(asOf, 30 * (r.step + 1)),
    p5: r.p5,
    p25: r.p25,
    p50: r.p50,
    p75: r.p75,
    p95: r.p95,
  }));
  const history = [];
  for (let i = last - 730; i <= last; i += 7) {
    history.push({ date: daily.date[i]!, price: daily.price_usd[i]! });
  }
  out.push(exhibit(
    fanChartSpec(bands, {
      x: "date",
      bands: [["p5", "p95"], ["p25", "p75"]],
      median: "p50",
      history: { rows: history, x: "date", y: "price" },
      yTitle: "USD",
      yFormat: "$,.0f",
      log: true,
    }),
    {
      title: `Two years out, the middle half of simulated BTC prices spans ${
        usd0(bands.at(-1)!.p25!)
      }–${usd0(bands.at(-1)!.p75!)}`,
      subtitle:
        "BTC price; bands: 5–95th and 25–75th percentiles of 5,000 block-bootstrap paths of 2020–26 daily returns (seed 1)",
      source: CM,
      asOf,
    },
  ));

  return out;
}

function usd0(value: number): string {
  return `$${Math.round(value).toLocaleString("en-US")}`;
}
