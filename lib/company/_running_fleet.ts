// Which machines run: in a month when the coins a model mines (after the pool fee) are worth
// less than its electricity, an operator switches it off. Per TH/s the test is
//   issuance ÷ network × price × (1 − fee) ≥ J/TH × PUE × hours ÷ 1000 × USD/kWh,
// so each model has a breakeven ratio of price to network hashrate; the most efficient models
// are the last to stop. Shared by projectMiner (one path) and minerVsMullet (many paths).
import type { FleetSchedule } from "./fleet_schedule.ts";
import type { CheckedCosts } from "./unit_costs.ts";
import { HOURS_PER_MONTH } from "./unit_costs.ts";

/** Per month, the models ordered from most to least efficient with running totals. */
export interface RunningFleet {
  readonly months: number;
  readonly models: number;
  /** `[m * (models + 1) + k]`: TH/s installed of the `k` most efficient models. */
  readonly cumulativeThs: Float64Array;
  /** Same for power, W. */
  readonly cumulativeW: Float64Array;
  /** `[m * models + k]`: price ÷ network TH/s below which the k-th model stops. */
  readonly breakeven: Float64Array;
}

/** The running-fleet table of a schedule; with `switchOff` false every machine always runs. */
export function runningFleet(
  fleet: FleetSchedule,
  costs: CheckedCosts,
  issuanceBtc: Float64Array,
  switchOff: boolean,
): RunningFleet {
  const months = fleet.months;
  const order = fleet.units.map((_, i) => i).sort((a, b) =>
    fleet.units[a]!.efficiency - fleet.units[b]!.efficiency
  );
  const n = order.length;
  const cumulativeThs = new Float64Array(months * (n + 1));
  const cumulativeW = new Float64Array(months * (n + 1));
  const breakeven = new Float64Array(months * n).fill(-Infinity);
  for (let m = 0; m < months; m++) {
    let ths = 0;
    let watts = 0;
    const perThPerDollarOfPrice = issuanceBtc[m]! * (1 - costs.poolFee);
    for (let k = 0; k < n; k++) {
      const model = fleet.units[order[k]!]!;
      const installed = model.units[m]! * model.hashrateThs;
      ths += installed;
      watts += installed * model.efficiency;
      cumulativeThs[m * (n + 1) + k + 1] = ths;
      cumulativeW[m * (n + 1) + k + 1] = watts;
      if (switchOff) {
        const powerPerTh = (model.efficiency / 1000) * costs.pue * HOURS_PER_MONTH *
          costs.powerUsdPerKwh[m]!;
        breakeven[m * n + k] = perThPerDollarOfPrice > 0
          ? powerPerTh / perThPerDollarOfPrice
          : Infinity;
      }
    }
  }
  return { months, models: n, cumulativeThs, cumulativeW, breakeven };
}

/** How many of the most efficient models run in month `m` at `price ÷ networkThs`. */
export function modelsRunning(fleet: RunningFleet, m: number, priceOverNetwork: number): number {
  const n = fleet.models;
  let k = 0;
  while (k < n && priceOverNetwork >= fleet.breakeven[m * n + k]!) k++;
  return k;
}
