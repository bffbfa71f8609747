/**
 * The `asic_models` section of `data/SOURCES.md`: origin, licence, rows, columns, how `release`
 * and the efficiency are derived, the checks and how the data passed them, renames, caveats and
 * the two inputs with their sha256.
 *
 * @module
 */
import type { AsicModel } from "./asic_models.ts";
import { inputRow, INPUTS_TABLE_HEADER, type RawInput } from "./dataset_build.ts";
import { F2POOL_DEVICES_INPUT, F2POOL_URL } from "./_asic_f2pool.ts";
import { ASIC_SPECS_INPUT } from "./_asic_specs.ts";

/** Models as `"Antminer S21, S21 Hyd"`-style lists for the sources text. */
function names(rows: readonly AsicModel[]): string {
  return rows.length === 0 ? "none" : rows.map((r) => `${r.manufacturer} ${r.model}`).join("; ");
}

/**
 * The `asic_models` section of `data/SOURCES.md`; every count and list is computed from `rows`
 * (the F2Pool rows first, `f2poolCount` of them, then the facts rows) and the two inputs.
 *
 * @example
 * ```ts
 * import { renderAsicModelsSources } from "./asic_models_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const row = {
 *   manufacturer: "Bitmain", model: "Antminer S19 Pro", release: "2020-02", hashrate_ths: 110,
 *   power_w: 3250, efficiency_j_per_th: 3250 / 110, stated_efficiency_j_per_th: 30,
 *   source: "https://www.f2pool.com/miners?currency_code=btc", notes: "",
 * };
 * const input = { path: "x.csv", bytes: 1, sha256: "ab", text: "" };
 * const md = renderAsicModelsSources([row], input, input, 1);
 * assert.match(md, /^## `asic_models\.csv`: /);
 * assert.match(md, /\*\*Rows:\*\* 1; releases 2020-02 \.\. 2020-02 \(0 without a stated release\)\./);
 * assert.match(md, /\| `raw\/f2pool-mining-devices-mattk8\/mining-devices\.csv` \| .* \| 1 \| `ab` \|/);
 * ```
 */
export function renderAsicModelsSources(
  rows: readonly AsicModel[],
  f2pool: RawInput,
  facts: RawInput,
  f2poolCount: number,
): string {
  const fromF2pool = rows.slice(0, f2poolCount);
  const fromFacts = rows.slice(f2poolCount);
  const releases = rows.map((r) => r.release).filter((r) => r !== "").sort();
  const gap = (r: AsicModel) => Math.abs(r.efficiency_j_per_th - r.stated_efficiency_j_per_th);
  const widest = fromF2pool.reduce((a, b) => (gap(b) > gap(a) ? b : a));
  const halves = fromF2pool.filter((r) => gap(r) === 0.5);
  const smallest = fromF2pool.reduce((a, b) => (b.hashrate_ths < a.hashrate_ths ? b : a));
  const subTh = rows.filter((r) => r.hashrate_ths < 1);
  const noPower = rows.filter((r) =>
    Number.isNaN(r.power_w) && !Number.isNaN(r.stated_efficiency_j_per_th)
  );
  const weak = fromFacts.filter((r) => /\bweak\b/.test(r.notes));
  const renamed = fromF2pool.filter((r) => r.notes !== "")
    .map((r) => `  - ${r.model}: ${r.notes}.`);
  const lines = [
    "## `asic_models.csv`: Bitcoin (SHA-256) ASIC models",
    "",
    "One row per ASIC model: release month, nominal hashrate, power at the wall and efficiency.",
    "",
    `- **Origin:** ${f2poolCount} models from F2Pool's "Popular Mining Devices" page`,
    `  (${F2POOL_URL}) as of March 2020, as copied by github.com/mattk8/mining-data`,
    "  (`mining-devices.csv`, commit f4b94058100d9b501e3aa01e82d216bc91b74430; its README names",
    `  that page as the source); ${fromFacts.length} more models from \`facts/asic_specs.csv\`,`,
    "  hand-compiled from public pages, each row citing its page in `source`.",
    "- **Licence:** none stated by either. These are factual specifications (hashrate, watts,",
    "  month) used with citation: cite F2Pool (via mattk8/mining-data) and each row's `source`.",
    `- **Rows:** ${rows.length}; releases ${releases[0]} .. ${releases[releases.length - 1]}` +
    ` (${rows.length - releases.length} without a stated release).`,
    "- **Columns:** `manufacturer`, `model`; `release` (`YYYY-MM`, or `YYYY` when the source",
    "  states only a year, blank when it states neither); `hashrate_ths` (TH/s); `power_w` (W at",
    "  the wall); `efficiency_j_per_th` (J/TH, computed); `stated_efficiency_j_per_th` (J/TH, the",
    "  source's own figure); `source` (URL); `notes`.",
    "- **Derived:** `efficiency_j_per_th = power_w ÷ hashrate_ths` wherever both are stated.",
    "  `release` for F2Pool rows joins its `Year Released` and `Month Released`. For facts rows it",
    "  is read only from `release_or_announce_as_stated`: a month name with a year gives `YYYY-MM`",
    '  ("September 22-23 [2023]" → 2023-09); "released … in YYYY" gives `YYYY`; anything else',
    '  ("recently presented", "not available … until summer of 2022") leaves it blank.',
    "- **No invented power:** where a source gives hashrate and efficiency but no power",
    `  (${names(noPower)}), \`power_w\` and \`efficiency_j_per_th\` stay blank and the`,
    "  source's J/TH is kept in `stated_efficiency_j_per_th`. A power computed as efficiency ×",
    "  hashrate is the user's derivation, not a sourced figure.",
    "- **Checks at build:** F2Pool's `Unit Power (W/T)` (whole numbers) must agree with watts ÷",
    "  TH/s to its rounding: half a unit in the stated figure's last digit, ±0.5 here. All",
    `  ${f2poolCount} do; the widest gap is ${gap(widest)} (${widest.model}: ${widest.power_w} ÷ ` +
    `${widest.hashrate_ths} = ${widest.efficiency_j_per_th}, stated ${widest.stated_efficiency_j_per_th}),`,
    `  and ${halves.length} rows sit exactly on a half. In the facts file every \`hashrate_ths\`,`,
    "  `power_w` and `efficiency_j_per_th` must equal the number and unit of its as-stated text",
    "  (GH/s, TH/s, terahash; W, kW; J/TH, W/TH), and a stated efficiency must agree with power ÷",
    "  hashrate where both are given. No manufacturer + model pair may repeat.",
    "- **Units:** F2Pool's `Hashrate (T)` is TH/s. None of its devices is listed in another unit:",
    `  the smallest is ${smallest.model} at ${smallest.hashrate_ths} TH/s, and the W/T check`,
    "  would catch a GH/s value (1000× off). Models below 1 TH/s, converted from the facts file's",
    `  as-stated unit: ${
      subTh.map((r) =>
        `${r.model} (${r.hashrate_ths} TH/s, ${r.efficiency_j_per_th.toFixed(1)} J/TH)`
      )
        .join("; ") || "none"
    }.`,
    "- **Dropped:** F2Pool's `Device Age`, `Produced (24h)`, `Revenue (24h)`, `Daily Cost`,",
    "  `Profits (24h)` and `Electricity Cost Rate` columns: they are March-2020 market snapshots",
    "  (BTC price, difficulty, a power price), not specifications. The facts file's",
    "  `price_as_stated` is not carried (ASIC prices are in `asic_prices.csv`).",
    "- **Renamed:** where F2Pool uses one name for two listings, each such row gets F2Pool's own",
    '  variant suffix, "(14T)", from its listed hashrate:',
    ...(renamed.length === 0 ? ["  - none."] : renamed),
    "- **Caveats:** F2Pool's figures are nominal listings, not measurements. Facts rows from",
    `  pages the compiler marked weak: ${names(weak)}. Each facts row's \`notes\` starts with`,
    "  its source type and title.",
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    inputRow(
      { ...f2pool, path: F2POOL_DEVICES_INPUT },
      'F2Pool "Popular Mining Devices" via github.com/mattk8/mining-data `mining-devices.csv`, ' +
        "commit f4b94058100d9b501e3aa01e82d216bc91b74430",
    ),
    inputRow({ ...facts, path: ASIC_SPECS_INPUT }, "hand-compiled from the pages in `source`"),
    "",
    "Rebuild: `deno task data`",
  ];
  return lines.join("\n") + "\n";
}
