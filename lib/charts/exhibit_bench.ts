// Issue target: building and rendering 20 exhibits to SVG and PNG in at most 2 s.
import { loadBtcDaily } from "../data/btc_daily.ts";
import { Exhibit } from "./exhibit.ts";
import { renderPng, renderSvg } from "./render.ts";
import { timeSeriesSpec } from "./time_series.ts";

const daily = await loadBtcDaily();
// Weekly points since 2016: a realistic exhibit (~540 points per series).
const rows: { date: string; hashprice: number; price: number }[] = [];
for (let i = daily.date.indexOf("2016-01-01"); i < daily.length; i += 7) {
  rows.push({
    date: daily.date[i]!,
    hashprice: daily.hashprice_usd_per_ph_day[i]!,
    price: daily.price_usd[i]!,
  });
}
const chrome = {
  title: "Hashprice since 2016",
  source: "Coin Metrics, mullet analysis",
  asOf: daily.date[daily.length - 1]!,
};
await renderSvg(timeSeriesSpec(rows, { x: "date", y: "price" })); // load fonts once, outside the timing

Deno.bench("20 exhibits: build, SVG and 2× PNG", async () => {
  for (let n = 1; n <= 20; n++) {
    const spec = timeSeriesSpec(rows, {
      x: "date",
      y: n % 2 ? "hashprice" : "price",
      log: n % 2 === 1,
    });
    const exhibit = new Exhibit(spec, { ...chrome, number: n });
    await renderPng(await exhibit.svg());
  }
});
