// Parse and validate the full daily snapshot, and the raw Coin Metrics export it is built from.
import { btcDailyFromCsv } from "../data/btc_daily.ts";
import { recordsFromExport } from "./coinmetrics.ts";
import { networkDaysFromRecords } from "./network_days.ts";

const snapshot = await Deno.readTextFile(new URL("../../data/btc_daily.csv", import.meta.url));

Deno.bench("btc_daily.csv: parse and validate (5,798 rows × 10 columns)", () => {
  btcDailyFromCsv(snapshot);
});

const rawUrl = new URL(
  "../../data/inputs/raw/coinmetrics-btc-chrisshao0/coinmetrics_btc.csv",
  import.meta.url,
);
const raw = await Deno.readTextFile(rawUrl).catch(() => undefined);

Deno.bench({
  name: "Coin Metrics export: parse, check issuance and dates (6,290 rows × 32 columns)",
  ignore: raw === undefined,
  fn: () => {
    networkDaysFromRecords(recordsFromExport(raw!, "btc.csv"));
  },
});
