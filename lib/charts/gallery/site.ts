/**
 * Gallery exhibits from the site model under the house view (`lib/house`), the same site set-up
 * the notes use: MW by use, tornado, scenario grid, sum of the parts.
 *
 * @module
 */
import { heatmapSpec } from "../heatmap.ts";
import { stackedAreaSpec } from "../stacked_area.ts";
import { tornadoSpec } from "../tornado.ts";
import { waterfallSpec } from "../waterfall.ts";
import { overrideHouse } from "../../house/house_assumptions.ts";
import { centralHashprice, houseSiteParts, houseSitePlan } from "../../house/house_values.ts";
import { scenarioGrid } from "../../finance/scenario_grid.ts";
import { tornado } from "../../finance/tornado.ts";
import { siteCashFlows } from "../../site/site_cash_flows.ts";
import { siteNpv } from "../../site/site_npv.ts";
import type { SitePlan } from "../../site/site_plan.ts";
import { addIsoDays } from "../../units/calendar.ts";
import { usdPerKwh, usdPerMwYear } from "../../units/prices.ts";
import type { Exhibit } from "../exhibit.ts";
import type { GalleryContext, NextExhibit } from "./context.ts";

const SOURCE = "Coin Metrics; company releases (data/miner_ai_deals.csv, data/capex_per_mw.csv); " +
  "house view; mullet analysis";
/** The site drawn: 300 MW gross (Cipher's Barber Lake, as in note 03), half of it leased to AI. */
const GROSS_MW = 300;
const AI_SHARE = 0.5;

/** The house view's site of {@linkcode GROSS_MW} at a 50/50 split. */
export function siteExhibits(ctx: GalleryContext, exhibit: NextExhibit): Exhibit[] {
  const { house, asOf, rents } = ctx;
  const plan = houseSitePlan(house, GROSS_MW);
  if (plan.ai.kind !== "colocation") throw new TypeError("The house view's AI leg is a lease");
  const lease = plan.ai;
  const months = plan.horizonMonths;
  const rate = house.discountRate;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const out: Exhibit[] = [];

  // 5. The site over time.
  const flows = siteCashFlows(plan, { aiShare: AI_SHARE });
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
      title: `Half the site turns to AI after a ${house.ai.constructionMonths}-month build`,
      subtitle: `${GROSS_MW} MW gross site under the house view, MW by use (illustrative split)`,
      source: SOURCE,
      asOf,
    },
  ));

  // 6–7. What moves the site's NPV: the house's ranges around its central case.
  const npvAt = (x: Readonly<Record<string, number>>) => {
    const varied: SitePlan = {
      ...plan,
      mining: {
        ...plan.mining,
        hashprice: centralHashprice(overrideHouse(house, { btcStartUsd: x["BTC price"]! }), months),
        powerPrice: usdPerKwh(x["Power price"]!),
      },
      ai: {
        ...lease,
        firstYearRent: usdPerMwYear(x["Year-one rent"]!),
        capexUsdPerItMw: x["Build cost"]!,
      },
    };
    return siteNpv(siteCashFlows(varied, { aiShare: AI_SHARE }), { discountRate: rate }) / 1e6;
  };
  const base = {
    "BTC price": house.btcPrice.startUsd,
    "Power price": house.powerPriceUsdPerKwh,
    "Year-one rent": lease.firstYearRent,
    "Build cost": house.ai.buildCostUsdPerItMw,
  };
  const builds = house.ai.buildCostRows;
  // The comparable leases' spread, applied to the template lease's year-one rent.
  const rentScale = lease.firstYearRent / house.ai.leaseDeal.usd_per_mw_year;
  const t = tornado(npvAt, {
    base,
    ranges: {
      "BTC price": [house.btcPrice.bearUsd, house.btcPrice.bullUsd],
      "Power price": house.powerPriceRangeUsdPerKwh,
      "Year-one rent": [rents.minUsdPerMwYear * rentScale, rents.maxUsdPerMwYear * rentScale],
      "Build cost": [
        Math.min(...builds.map((r) => r.low_usd_per_mw)),
        Math.max(...builds.map((r) => r.high_usd_per_mw)),
      ],
    },
  });
  const widest = [...t.rows].sort((a, b) =>
    Math.abs(b.outputHigh - b.outputLow) - Math.abs(a.outputHigh - a.outputLow)
  )[0]!;
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
      title: `The ${widest.input.toLowerCase()} moves the site's value most`,
      subtitle: `NPV of the ${GROSS_MW} MW site at a 50/50 split over ${
        months / 12
      } years, house view's ranges, ${pct(rate)} discount rate`,
      source: SOURCE,
      asOf,
    },
  ));

  const [bear, bull] = [house.btcPrice.bearUsd, house.btcPrice.bullUsd];
  const prices = [0, 1, 2, 3, 4].map((i) => Math.round((bear + (bull - bear) * i / 4) / 1e3) * 1e3);
  const grid = scenarioGrid((inputs) => npvAt({ ...base, ...inputs }), {
    base,
    x: { name: "BTC price", values: prices },
    y: { name: "Power price", values: [0.02, 0.03, 0.04, 0.05, 0.06] },
  });
  out.push(exhibit(
    heatmapSpec(grid.rows, {
      x: "x",
      y: "y",
      value: "value",
      xTitle: "BTC price at the start, USD",
      yTitle: "Power, USD/kWh",
      format: "$,.0f",
    }),
    {
      title: "Mining adds to the site only where the BTC price pays for the power",
      subtitle: `NPV, USD millions, ${GROSS_MW} MW site at a 50/50 split, ${
        pct(rate)
      } discount rate; the fleet is off in months below its cash cost (house view)`,
      source: SOURCE,
      asOf,
    },
  ));

  // 8. The site as sell-side notes value it: the house's sum of the parts.
  const parts = houseSiteParts(house, { grossMw: GROSS_MW, aiShare: AI_SHARE });
  out.push(exhibit(
    waterfallSpec(parts.map((p) => ({ part: p.part, value: p.valueUsd / 1e6 })), {
      label: "part",
      value: "value",
      totalLabel: "Site",
      yTitle: "USD millions",
      yFormat: "$,.0f",
    }),
    {
      title: "The AI lease carries most of the site's value",
      subtitle: `Sum of the parts, ${GROSS_MW} MW at a 50/50 split: lease NOI at a ${
        pct(house.capRate)
      } cap rate, mining MW at the house value, less the build`,
      source: SOURCE,
      asOf,
    },
  ));

  return out;
}
