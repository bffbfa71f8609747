/**
 * Gallery exhibits from the site model on today's figures: MW by use, tornado, scenario grid, sum of the parts.
 *
 * @module
 */
import { heatmapSpec } from "../charts/heatmap.ts";
import { stackedAreaSpec } from "../charts/stacked_area.ts";
import { tornadoSpec } from "../charts/tornado.ts";
import { waterfallSpec } from "../charts/waterfall.ts";
import { addIsoDays } from "../units/calendar.ts";
import { scenarioGrid } from "../finance/scenario_grid.ts";
import { tornado } from "../finance/tornado.ts";
import { siteCashFlows } from "../site/site_cash_flows.ts";
import type { SitePlan } from "../site/site_plan.ts";
import { siteReturns } from "../site/site_returns.ts";
import { sumOfTheParts } from "../site/sum_of_the_parts.ts";
import { grossMw, jPerTh, usdPerKwh, usdPerMwYear, usdPerPhDay } from "../units/mod.ts";
import type { Exhibit } from "../charts/exhibit.ts";
import type { GalleryContext, NextExhibit } from "./gallery_context.ts";

const CM = "Coin Metrics, mullet analysis";
const DEALS = "company releases and press (data/miner_ai_deals.csv), mullet analysis";

/** The 300 MW site at a 50/50 split. */
export function siteExhibits(ctx: GalleryContext, exhibit: NextExhibit): Exhibit[] {
  const { daily, asOf, last, hashprice30d, rents } = ctx;
  const out: Exhibit[] = [];
  // 5–8. The site model on today's figures.
  const plan: SitePlan = {
    grossPower: grossMw(300),
    horizonMonths: 120,
    // Mining PUE 1.2: low end of air-cooled sites (DOMAIN.md §4, [S53]); power 4¢ (CORZ 2024, [S13]).
    mining: {
      efficiency: jPerTh(17.5),
      pue: 1.2,
      hashprice: usdPerPhDay(hashprice30d),
      powerPrice: usdPerKwh(0.04),
    },
    // AI PUE 1.18 (APLD design, [S31]); rent: median comparable miner lease; capex $10M/MW ([S21][S26]).
    ai: {
      kind: "colocation",
      pue: 1.18,
      firstYearRent: usdPerMwYear(rents.medianUsdPerMwYear),
      capexUsdPerItMw: 10e6,
      constructionMonths: 18,
      structure: "triple net",
    },
  };
  const flows = siteCashFlows(plan, { aiShare: 0.5 });
  const area = [];
  for (let m = 0; m < 60; m += 3) {
    const date = addIsoDays(asOf, Math.round(m * 30.4375));
    area.push({ date, use: "Bitcoin mining", mw: flows.miningGrossMw });
    area.push({
      date,
      use: m < flows.aiStartMonth ? "AI under construction" : "AI leased",
      mw: flows.aiGrossMw,
    });
  }
  out.push(exhibit(
    stackedAreaSpec(area, {
      x: "date",
      y: "mw",
      series: "use",
      yTitle: "Gross MW",
      order: ["Bitcoin mining", "AI under construction", "AI leased"],
    }),
    {
      title: "Half the site turns to AI after an 18-month build",
      subtitle: "300 MW gross site, MW by use (illustrative split)",
      source: CM,
      asOf,
    },
  ));

  const discountRate = 0.1; // illustrative cost of capital
  const npvOf = (inputs: Record<string, number>) =>
    siteReturns(
      siteCashFlows({
        ...plan,
        mining: {
          ...plan.mining,
          hashprice: usdPerPhDay(inputs["hashprice"]!),
          powerPrice: usdPerKwh(inputs["powerPrice"]!),
        },
        ai: {
          ...plan.ai,
          firstYearRent: usdPerMwYear(inputs["rent"]!),
          capexUsdPerItMw: inputs["capex"]!,
        } as SitePlan["ai"],
      }, { aiShare: 0.5 }),
      { discountRate },
    ).npvUsd / 1e6;
  const base = {
    hashprice: hashprice30d,
    powerPrice: 0.04,
    rent: rents.medianUsdPerMwYear,
    capex: 10e6,
  };
  const lastYear = Array.from(daily.hashprice_usd_per_ph_day.subarray(last - 364)).sort((a, b) =>
    a - b
  );
  const t = tornado(npvOf, {
    base,
    ranges: {
      hashprice: [lastYear[91]!, lastYear[273]!], // interquartile range of the past year
      powerPrice: [0.021, 0.034], // Riot 2023 and 2024 cost of power ([S66])
      rent: [rents.minUsdPerMwYear, rents.maxUsdPerMwYear],
      capex: [8e6, 11e6], // TeraWulf low, Cipher/Hut 8 high ([S24][S26][S21])
    },
  });
  out.push(exhibit(
    tornadoSpec(t.rows, {
      input: "input",
      low: "outputLow",
      high: "outputHigh",
      base: t.baseOutput,
      xTitle: "NPV, USD millions",
      xFormat: "$,.0f",
    }),
    {
      title: "The lease rent moves the site's value most",
      subtitle: "NPV of the 300 MW site at a 50/50 split, 10% discount rate (illustrative)",
      source: `${CM}; ${DEALS}`,
      asOf,
    },
  ));

  const grid = scenarioGrid((inputs) => npvOf({ ...base, ...inputs }), {
    base,
    x: { name: "hashprice", values: [25, 35, 45, 55, 65] },
    y: { name: "powerPrice", values: [0.02, 0.03, 0.04, 0.05, 0.06] },
  });
  out.push(exhibit(
    heatmapSpec(grid.rows, {
      x: "x",
      y: "y",
      value: "value",
      xTitle: "Hashprice, USD per PH/s per day",
      yTitle: "Power, USD/kWh",
      format: "$,.0f",
    }),
    {
      title: "Cheap power keeps mining worth its half of the site",
      subtitle: "NPV, USD millions, 300 MW site at a 50/50 split, 10% discount rate (illustrative)",
      source: CM,
      asOf,
    },
  ));

  const returns = siteReturns(flows, {
    discountRate,
    terminal: { aiEbitdaMultiple: 12, miningEbitdaMultiple: 4 },
  });
  const year3 = (values: Float64Array) => values.subarray(24, 36).reduce((a, b) => a + b, 0);
  const sotp = sumOfTheParts({
    btcHeld: 0,
    btcPriceUsd: daily.price_usd[last]!,
    miningEbitdaUsd: year3(flows.miningEbitda),
    miningMultiple: 4,
    aiNoiUsd: year3(flows.aiEbitda),
    aiCapRate: 1 / 12,
    uncontractedMw: 0,
    netDebtUsd: returns.peakFundingUsd,
  });
  out.push(exhibit(
    waterfallSpec(
      sotp.parts.filter((p) => p.valueUsd !== 0).map((p) => ({
        part: p.part,
        value: p.valueUsd / 1e6,
      })),
      {
        label: "part",
        value: "value",
        totalLabel: "Equity",
        yTitle: "USD millions",
        yFormat: "$,.0f",
      },
    ),
    {
      title: "The AI half carries most of the site's value",
      subtitle:
        "Sum of the parts, year-3 EBITDA at 4× (mining) and 12× (AI); net debt = peak funding (illustrative)",
      source: CM,
      asOf,
    },
  ));

  return out;
}
