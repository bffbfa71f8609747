/**
 * Gallery exhibits on what a megawatt earns and what miners' AI deals pay.
 *
 * @module
 */
import { columnSpec } from "../column.ts";
import { scatterSpec } from "../scatter.ts";
import { tableSpec } from "../table.ts";
import { DGX_H100, gpusPerItMw } from "../../compute/gpu_density.ts";
import { gpuCloudRevenue } from "../../compute/gpu_cloud.ts";
import { dealIntensities } from "../../deals/deal_analytics.ts";
import { miningPerMw } from "../../mining/mining_per_mw.ts";
import { jPerTh, usdPerKwh, usdPerPhDay } from "../../units/mod.ts";
import type { Exhibit } from "../exhibit.ts";
import type { GalleryContext, NextExhibit } from "./context.ts";

const CM = "Coin Metrics, mullet analysis";
const DEALS = "company releases and press (data/miner_ai_deals.csv), mullet analysis";

/** Revenue per MW by business, and contracted MW by miner. */
export function marketExhibits(ctx: GalleryContext, exhibit: NextExhibit): Exhibit[] {
  const { daily, deals, marketplace, asOf, last, hashprice30d, comparable, rents } = ctx;
  const out: Exhibit[] = [];
  // 3. Columns: revenue per MW-year by business, from the data.
  const s21 = miningPerMw({
    hashprice: usdPerPhDay(hashprice30d),
    efficiency: jPerTh(17.5),
    powerPriceUsdPerKwh: usdPerKwh(0.04),
  });
  const h100 = marketplace.rows.filter((r) => r.gpu === "H100 SXM" && r.statistic === "median");
  const h100Last = h100[h100.length - 1]!;
  const gpuCloud = gpuCloudRevenue({
    gpusPerItMw: gpusPerItMw(DGX_H100),
    priceUsdPerGpuHour: h100Last.value,
    utilisation: 0.8,
  });
  out.push(exhibit(
    columnSpec([
      { business: "Self-mining (S21)", revenue: s21.revenuePerMinerMwYear },
      { business: "Colocation lease", revenue: rents.medianUsdPerMwYear },
      { business: "GPU cloud (H100)", revenue: gpuCloud },
    ], {
      x: "business",
      y: "revenue",
      yTitle: "USD per MW-year",
      yFormat: "$.3s",
      highlight: "GPU cloud (H100)",
    }),
    {
      title: "A megawatt earns most as GPU cloud, least as hashrate",
      subtitle:
        `Revenue per MW-year: S21 at the ${
          daily.date[last]
        } 30-day hashprice; median miner lease; ` +
        `H100 at $${
          h100Last.value.toFixed(2)
        }/h (${h100Last.date}) and 80% utilisation (illustrative)`,
      source: `${CM}; ${DEALS}; GPU price tracker`,
      asOf,
    },
  ));

  // 4. Stacked columns: contracted MW by company and basis.
  const byCompany = new Map<string, number>();
  for (
    const d of dealIntensities(deals, {
      bases: ["critical IT", "gross", "unspecified"],
      includeGpuCloud: true,
    })
  ) {
    const key = `${d.company}|${d.capacityBasis}`;
    byCompany.set(key, (byCompany.get(key) ?? 0) + d.capacityMw);
  }
  out.push(exhibit(
    columnSpec(
      [...byCompany].map(([key, mw]) => ({
        company: key.split("|")[0]!,
        basis: key.split("|")[1]!,
        mw,
      })),
      {
        x: "company",
        y: "mw",
        series: "basis",
        stack: "stacked",
        yTitle: "MW",
      },
    ),
    {
      title: "Contracted AI/HPC capacity by miner",
      subtitle: "MW in contracts with terms, by the basis the source states",
      source: DEALS,
      asOf: latestDealDate(comparable),
    },
  ));

  return out;
}

/** Deals: rent per MW against size, and the deals table. */
export function dealExhibits(ctx: GalleryContext, exhibit: NextExhibit): Exhibit[] {
  const { comparable, rents } = ctx;
  const out: Exhibit[] = [];
  // 10. Scatter: deals.
  const labelled = comparable.map((d) => ({
    deal: `${d.company}–${d.counterparty}`,
    mw: d.capacityMw,
    rent: d.usdPerMwYear / 1e6,
  }));
  out.push(exhibit(
    scatterSpec(labelled, {
      x: "mw",
      y: "rent",
      label: "deal",
      xTitle: "Critical IT MW",
      yTitle: "USD millions per MW-year",
      yFormat: "$.2f",
    }),
    {
      title: `Miners lease AI capacity at $${(rents.minUsdPerMwYear / 1e6).toFixed(1)}–${
        (rents.maxUsdPerMwYear / 1e6).toFixed(1)
      }M per MW-year`,
      subtitle: "Base-term contract value ÷ term ÷ MW (F6), critical IT MW only",
      source: DEALS,
      asOf: latestDealDate(comparable),
    },
  ));

  // 11. Table: deals.
  out.push(exhibit(
    tableSpec(
      comparable.map((d) => ({
        company: d.company,
        counterparty: d.counterparty,
        mw: d.capacityMw,
        value: d.contractValueUsd,
        term: d.termYears,
        rent: d.usdPerMwYear,
      })),
      {
        columns: [
          { field: "company", title: "Miner" },
          { field: "counterparty", title: "Tenant" },
          { field: "mw", title: "MW (IT)" },
          { field: "value", title: "Contract value", format: "usd" },
          { field: "term", title: "Years" },
          { field: "rent", title: "$/MW-yr", format: "usd" },
        ],
      },
    ),
    {
      title: "Miners' AI leases and what they pay per MW",
      subtitle: "Contracts with a single base-term value",
      source: DEALS,
      asOf: latestDealDate(comparable),
    },
  ));
  return out;
}

function latestDealDate(deals: readonly { announcementDate: string }[]): string {
  const days = deals.map((d) => d.announcementDate).filter((d) => d.length === 10).sort();
  return days[days.length - 1]!;
}
