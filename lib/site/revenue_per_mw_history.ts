/**
 * Revenue per gross MW-year over time, for the three ways to use a miner's megawatt: each fleet
 * weekly at a trailing-mean hashprice from the month of its release (F4), the median rent of the
 * comparable leases announced in or before each month (F6), and the GPU cloud at each month's
 * list price (F8). Ready for a time-series chart, with each line's first, last and peak points.
 *
 * @module
 */
import { gpuCloudRevenue } from "../compute/gpu_cloud.ts";
import { rangeMean } from "../finance/means.ts";
import { percentiles } from "../finance/percentiles.ts";
import { miningPerMw } from "../mining/mining_per_mw.ts";
import { isIsoDate } from "../units/calendar.ts";
import { positive, pueValue, wholeNumber } from "../units/checks.ts";
import { formatNumber } from "../units/format_number.ts";
import { jPerTh } from "../units/efficiency.ts";
import { type UsdPerKwh, usdPerPhDay } from "../units/prices.ts";
import { shortAsicName } from "./_short_names.ts";

/** Inputs of {@linkcode revenuePerMwHistory}. */
export interface RevenuePerMwHistoryInputs {
  /** Daily hashprice, USD per PH/s per day, by `YYYY-MM-DD` day (e.g. `loadBtcDaily()`); its
   * last day is the history's last. */
  readonly daily: {
    readonly date: readonly string[];
    readonly hashprice_usd_per_ph_day: ArrayLike<number>;
  };
  /** First day of the mining lines, a day of `daily`. */
  readonly startDate: string;
  /** Days in the trailing mean of hashprice. */
  readonly smoothingDays: number;
  /** Fleets priced, each from its release month (`YYYY-MM`). */
  readonly fleets: readonly {
    readonly model: string;
    readonly release: string;
    readonly efficiency: number;
  }[];
  /** Electricity price the miners pay. */
  readonly powerPrice: UsdPerKwh;
  /** Hashcentre PUE. */
  readonly miningPue: number;
  /** Comparable leases: announcement day (`""` if undated, left out) and rent per IT MW-year. */
  readonly leases: readonly { readonly announcementDate: string; readonly usdPerMwYear: number }[];
  /** AI hall PUE. */
  readonly aiPue: number;
  /** The GPU's name, e.g. "H100". */
  readonly gpu: string;
  /** Monthly GPU list prices, USD per GPU-hour, by `YYYY-MM-DD`. */
  readonly gpuListPrices: readonly { readonly date: string; readonly value: number }[];
  /** GPUs per IT MW. */
  readonly gpusPerItMw: number;
  /** Share of GPU-hours sold. */
  readonly utilisation: number;
}

/** One point of a line: USD per gross MW-year on a day. */
export interface HistoryRow {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** The line, e.g. "Mining, S21 (17.5 J/TH)". */
  readonly business: string;
  /** Revenue per gross MW-year, USD. */
  readonly usd: number;
}

/** One line and the points a note quotes. */
export interface HistoryLine {
  /** The line's name, as in its rows. */
  readonly business: string;
  /** Its first point. */
  readonly first: HistoryRow;
  /** Its last point. */
  readonly last: HistoryRow;
  /** Its highest point (the first, if tied). */
  readonly peak: HistoryRow;
  /** last ÷ first − 1. */
  readonly changeSinceFirst: number;
  /** last ÷ peak − 1. */
  readonly changeFromPeak: number;
}

/** Result of {@linkcode revenuePerMwHistory}. */
export interface RevenuePerMwHistory {
  /** Every point: mining weekly, then leases and GPU cloud monthly. */
  readonly rows: readonly HistoryRow[];
  /** One line per fleet, in the input's order, with the model's short name ("S21"). */
  readonly mining:
    readonly (HistoryLine & { readonly model: string; readonly shortName: string })[];
  /** The median lease to date. */
  readonly lease: HistoryLine;
  /** The GPU cloud at list prices. */
  readonly gpuCloud: HistoryLine;
}

function line(rows: readonly HistoryRow[], business: string): HistoryLine {
  const own = rows.filter((r) => r.business === business);
  if (own.length === 0) {
    throw new RangeError(`Cannot draw "${business}": no point falls in the history`);
  }
  const first = own[0]!;
  const last = own.at(-1)!;
  const peak = own.reduce((a, b) => (b.usd > a.usd ? b : a));
  return {
    business,
    first,
    last,
    peak,
    changeSinceFirst: last.usd / first.usd - 1,
    changeFromPeak: last.usd / peak.usd - 1,
  };
}

/** The month after `YYYY-MM`. */
function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/**
 * The lines, weekly for mining (ending on the last day) and monthly for the AI businesses.
 *
 * @example A fleet at a flat $50/PH/day: 57.1 PH/s per miner MW × $50 × 365 ÷ 1.2
 * ```ts
 * import { revenuePerMwHistory } from "./revenue_per_mw_history.ts";
 * import { usdPerKwh } from "../units/prices.ts";
 * import assert from "node:assert/strict";
 *
 * const date = Array.from({ length: 14 }, (_, i) => `2024-01-${String(i + 1).padStart(2, "0")}`);
 * const h = revenuePerMwHistory({
 *   daily: { date, hashprice_usd_per_ph_day: date.map(() => 50) },
 *   startDate: "2024-01-01", smoothingDays: 1, miningPue: 1.2, powerPrice: usdPerKwh(0.04),
 *   fleets: [{ model: "Antminer S21", release: "2023-09", efficiency: 17.5 }],
 *   leases: [{ announcementDate: "2024-01-02", usdPerMwYear: 1.5e6 }], aiPue: 1.25,
 *   gpu: "H100", gpuListPrices: [{ date: "2024-01-01", value: 2 }], gpusPerItMw: 784, utilisation: 0.8,
 * });
 * assert.deepEqual(h.rows.filter((r) => r.business.startsWith("Mining")).map((r) => r.date),
 *   ["2024-01-07", "2024-01-14"]); // weekly, ending on the last day
 * assert.equal(Math.round(h.mining[0]!.last.usd), Math.round(50 * (1e3 / 17.5) * 365 / 1.2));
 * assert.equal(h.lease.last.usd, 1.5e6 / 1.25);
 * assert.equal(h.gpuCloud.business, "GPU cloud, H100 list price");
 * ```
 */
export function revenuePerMwHistory(inputs: RevenuePerMwHistoryInputs): RevenuePerMwHistory {
  const { daily, smoothingDays } = inputs;
  wholeNumber("smoothingDays", smoothingDays, 1);
  const miningPue = pueValue("miningPue", inputs.miningPue);
  const aiPue = pueValue("aiPue", inputs.aiPue);
  const last = daily.date.length - 1;
  const asOf = daily.date[last];
  if (asOf === undefined) throw new RangeError("Cannot draw the history: the daily data is empty");
  const start = daily.date.indexOf(inputs.startDate);
  if (start === -1) {
    throw new RangeError(`Cannot start the history: the daily data have no ${inputs.startDate}`);
  }
  if (start + 1 < smoothingDays) {
    throw new RangeError(
      `Cannot start the history on ${inputs.startDate}: a ${smoothingDays}-day mean needs ${smoothingDays} days of data by then`,
    );
  }
  const rows: HistoryRow[] = [];
  const fleets = inputs.fleets.map((f) => ({
    ...f,
    efficiency: jPerTh(positive(`efficiency of ${f.model}`, f.efficiency)),
    shortName: shortAsicName(f.model),
    business: `Mining, ${shortAsicName(f.model)} (${formatNumber(f.efficiency, 1)} J/TH)`,
  }));
  const weeks: number[] = [];
  for (let i = last; i >= start; i -= 7) weeks.unshift(i);
  for (const i of weeks) {
    const date = daily.date[i]!;
    const hashprice = usdPerPhDay(
      rangeMean(daily.hashprice_usd_per_ph_day, i + 1 - smoothingDays, i + 1),
    );
    for (const f of fleets) {
      if (date.slice(0, 7) < f.release) continue;
      const m = miningPerMw(
        { hashprice, efficiency: f.efficiency, powerPriceUsdPerKwh: inputs.powerPrice },
        { pue: miningPue },
      );
      rows.push({ date, business: f.business, usd: m.revenuePerGrossMwYear });
    }
  }

  // Leases: the median rent of the contracts announced in or before each month, dated its 1st.
  const leaseLine = "Colocation lease (median to date)";
  const dated = inputs.leases.filter((d) => d.announcementDate !== "");
  const months = dated.map((d) => d.announcementDate.slice(0, 7)).sort();
  for (let month = months[0]; month !== undefined && `${month}-01` <= asOf;) {
    const by = month;
    const signed = dated.filter((d) => d.announcementDate.slice(0, 7) <= by)
      .map((d) => d.usdPerMwYear);
    rows.push({
      date: `${by}-01`,
      business: leaseLine,
      usd: percentiles(signed, [50])[0]! / aiPue,
    });
    month = nextMonth(by);
  }

  const gpuLine = `GPU cloud, ${inputs.gpu} list price`;
  for (const p of inputs.gpuListPrices) {
    if (!isIsoDate(p.date)) {
      throw new RangeError(
        `Cannot use a ${inputs.gpu} list price: expected a YYYY-MM-DD date, got "${p.date}"`,
      );
    }
    const revenue = gpuCloudRevenue({
      gpusPerItMw: inputs.gpusPerItMw,
      priceUsdPerGpuHour: p.value,
      utilisation: inputs.utilisation,
    });
    rows.push({ date: p.date, business: gpuLine, usd: revenue / aiPue });
  }

  return {
    rows,
    mining: fleets.map((f) => ({
      ...line(rows, f.business),
      model: f.model,
      shortName: f.shortName,
    })),
    lease: line(rows, leaseLine),
    gpuCloud: line(rows, gpuLine),
  };
}
