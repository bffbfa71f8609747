/**
 * The `asic_models` section of `data/SOURCES.md`: origin, licence, where to get F2Pool's list
 * (it is not in the project), rows, columns, how `release` and the efficiency are derived, the
 * conflicts kept and the rule choosing the preferred row, the facts rows left out and why, the
 * checks and how the data passed them, renames, caveats and the two inputs with their sha256.
 *
 * @module
 */
import type { AsicModel } from "../data/asic_models.ts";
import { inputRow, INPUTS_TABLE_HEADER, type RawInput } from "./dataset_build.ts";
import { F2POOL_DEVICES_INPUT, F2POOL_URL } from "./_asic_f2pool.ts";
import type { DroppedFact } from "./_asic_dropped.ts";
import type { ResolvedConflict } from "./_asic_preferred.ts";
import type { LocatedModel } from "./_asic_rows.ts";
import { ASIC_SPECS_INPUT } from "./_asic_specs.ts";

/** The commit of github.com/mattk8/mining-data the F2Pool list was taken from. */
const F2POOL_COMMIT = "f4b94058100d9b501e3aa01e82d216bc91b74430";

/** Models as `"Bitmain Antminer S21; Bitmain Antminer S21 Hyd"` lists for the sources text. */
function names(rows: readonly AsicModel[]): string {
  const unique = [...new Set(rows.map((r) => `${r.manufacturer} ${r.model}`))];
  return unique.length === 0 ? "none" : unique.join("; ");
}

/** `"580 TH/s, 9.5 J/TH stated"`: the figures a row gives. */
function figures(row: AsicModel): string {
  return [
    Number.isNaN(row.hashrate_ths) ? "no hashrate" : `${row.hashrate_ths} TH/s`,
    Number.isNaN(row.power_w) ? "" : `${row.power_w} W`,
    Number.isNaN(row.stated_efficiency_j_per_th) ? "" : `${row.stated_efficiency_j_per_th} J/TH`,
  ].filter((part) => part !== "").join(", ");
}

/** `"line 9 (580 TH/s, 9.5 J/TH; https://…)"`. */
function described(located: LocatedModel): string {
  return `${ASIC_SPECS_INPUT} line ${located.line} (${
    figures(located.row)
  }; ${located.row.source})`;
}

/** What {@linkcode renderAsicModelsSources} describes. */
export interface AsicModelsSourcesInput {
  /** The dataset rows: the F2Pool rows first, `f2poolCount` of them, then the facts rows. */
  readonly rows: readonly AsicModel[];
  readonly f2poolCount: number;
  /** F2Pool's list as read, or as the published inputs table records it. */
  readonly f2pool: RawInput;
  /** `facts/asic_specs.csv` as read. */
  readonly facts: RawInput;
  /** The models two sources disagree on, with the preferred row. Default none. */
  readonly conflicts?: readonly ResolvedConflict[];
  /** Facts rows left out, with the reason. Default none. */
  readonly dropped?: readonly DroppedFact[];
}

/**
 * The `asic_models` section of `data/SOURCES.md`; every count and list is computed from the
 * rows, the conflicts, the rows left out and the two inputs.
 *
 * @example
 * ```ts
 * import { renderAsicModelsSources } from "./asic_models_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const row = {
 *   manufacturer: "Bitmain", model: "Antminer S19 Pro", release: "2020-02", hashrate_ths: 110,
 *   power_w: 3250, efficiency_j_per_th: 3250 / 110, stated_efficiency_j_per_th: 30,
 *   preferred: true, source: "https://www.f2pool.com/miners?currency_code=btc", notes: "",
 * };
 * const input = { path: "x.csv", bytes: 1, sha256: "ab", text: "" };
 * const md = renderAsicModelsSources({ rows: [row], f2poolCount: 1, f2pool: input, facts: input });
 * assert.match(md, /^## `asic_models\.csv`: /);
 * assert.match(md, /\*\*Rows:\*\* 1; releases 2020-02 \.\. 2020-02 \(0 without a stated release\)/);
 * assert.match(md, /\| `raw\/f2pool-mining-devices-mattk8\/mining-devices\.csv` \| .* \| 1 \| `ab` \|/);
 * ```
 */
export function renderAsicModelsSources(input: AsicModelsSourcesInput): string {
  const { rows, f2poolCount, f2pool, facts } = input;
  const conflicts = input.conflicts ?? [];
  const dropped = input.dropped ?? [];
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
  const noHashrate = rows.filter((r) => Number.isNaN(r.hashrate_ths));
  const noEfficiency = rows.filter((r) =>
    Number.isNaN(r.efficiency_j_per_th) && Number.isNaN(r.stated_efficiency_j_per_th)
  );
  const inConflicts = new Set(
    conflicts.flatMap((c) => [c.preferred, ...c.others.map((o) => o.row)]).map((l) => l.row),
  );
  const disputedInRow = fromFacts.filter((r) =>
    /\bCONFLICT\b/.test(r.notes) &&
    ![...inConflicts].some((c) => c.source === r.source && c.model === r.model)
  );
  const conflictLines = conflicts.map(({ preferred, others }) =>
    `  - ${preferred.row.manufacturer} ${preferred.row.model}: preferred ${described(preferred)}` +
    others.map(({ row, reason }) => ` over ${described(row)}, because ${reason}`).join(";") + "."
  );
  const droppedLines = dropped.map((d) =>
    `  - ${d.manufacturer} ${d.model} (${ASIC_SPECS_INPUT} line ${d.line}, ${d.source}): ` +
    `${d.reason}.`
  );
  const weak = fromFacts.filter((r) => /\bweak\b/.test(r.notes));
  const renamed = fromF2pool.filter((r) => r.notes !== "")
    .map((r) => `  - ${r.model}: ${r.notes}.`);
  const lines = [
    "## `asic_models.csv`: Bitcoin (SHA-256) ASIC models",
    "",
    "One row per ASIC model (two where sources disagree, one of them preferred): release month,",
    "nominal hashrate, power at the wall and efficiency.",
    "",
    `- **Origin:** ${f2poolCount} models from F2Pool's "Popular Mining Devices" page`,
    `  (${F2POOL_URL}) as of March 2020, as copied by github.com/mattk8/mining-data`,
    `  (\`mining-devices.csv\`, commit ${F2POOL_COMMIT}; its README names`,
    `  that page as the source); ${fromFacts.length} more rows from \`${ASIC_SPECS_INPUT}\`,`,
    "  hand-compiled from public pages, each row citing its page in `source`.",
    "- **Licence:** none stated by either. These are factual specifications (hashrate, watts,",
    "  month) used with citation: cite F2Pool (via mattk8/mining-data) and each row's `source`.",
    "- **F2Pool's list is not in the project** (mattk8/mining-data states no licence). To build",
    "  from it, take `mining-devices.csv` from github.com/mattk8/mining-data at commit",
    `  ${F2POOL_COMMIT}, put it at \`DIR/${F2POOL_DEVICES_INPUT}\` beside a`,
    `  copy of \`${ASIC_SPECS_INPUT}\` (e.g. copy \`data/inputs\` to DIR) and run`,
    "  `deno task data --inputs DIR --only asic_models`; its bytes and sha256 must match the",
    "  inputs table below. Without it, the build carries over the F2Pool rows of",
    "  `data/asic_models.csv` (those whose `source` is F2Pool's URL) and the size and sha256",
    "  recorded below, and says so in its log: both builds give the same bytes.",
    `- **Rows:** ${rows.length}; releases ${releases[0]} .. ${releases[releases.length - 1]}` +
    ` (${rows.length - releases.length} without a stated release); ${noHashrate.length} without` +
    " a hashrate.",
    "- **Columns:** `manufacturer`, `model`; `release` (`YYYY-MM`, or `YYYY` when the source",
    "  states only a year, blank when it states neither); `hashrate_ths` (TH/s, blank when the",
    "  source states no single figure); `power_w` (W at the wall); `efficiency_j_per_th` (J/TH,",
    "  computed); `stated_efficiency_j_per_th` (J/TH, the source's own figure); `preferred`",
    "  (`true`/`false`: the row to use for its model, see Conflicts); `source` (URL); `notes`.",
    "- **Derived:** `efficiency_j_per_th = power_w ÷ hashrate_ths` wherever both are stated.",
    "  `release` for F2Pool rows joins its `Year Released` and `Month Released`. For facts rows it",
    "  is read only from `release_or_announce_as_stated`: a month name with a year gives `YYYY-MM`",
    '  ("September 22-23 [2023]" → 2023-09); "released … in YYYY" gives `YYYY`; anything else',
    '  ("recently presented", "not available … until summer of 2022") leaves it blank, and so does',
    '  a month introduced by "after", "before", "since" or "until" ("weeks after the April 19, 2024',
    '  halving"): it dates another event.',
    "- **No invented power:** where a source gives hashrate and efficiency but no power",
    `  (${names(noPower)}), \`power_w\` and \`efficiency_j_per_th\` stay blank and the`,
    "  source's J/TH is kept in `stated_efficiency_j_per_th`. A power computed as efficiency ×",
    "  hashrate is the user's derivation, not a sourced figure.",
    "- **No single hashrate:** where the source gives a J/TH but no single hashrate (a lower",
    '  bound such as "exceeds 1,000 TH/s", sources that disagree, a model series),',
    `  \`hashrate_ths\` stays blank and the as-stated text is in \`notes\`: ${names(noHashrate)}.`,
    `  Rows with a hashrate but no power or J/TH: ${names(noEfficiency)}.`,
    "- **Conflicts:** where two sources disagree on a model and the facts file marks both rows",
    '  "CONFLICT", both are kept, each citing its own source, and exactly one is `preferred`. The',
    '  rule, in order: the manufacturer\'s own page (a `source_type` starting "manufacturer" or',
    '  "company") over reporting (news, reviews, blogs) over second-hand pages (relays, rewrites,',
    "  mirrors, digests, summaries, resellers, guides, aggregators, pages marked weak); then the",
    "  later `source_date`, an undated source last; then the row stating more of hashrate, power",
    "  and J/TH; then the earlier row of the facts file. A model stated once is always preferred.",
    ...(conflictLines.length === 0 ? ["  - none."] : conflictLines),
    "  A facts row whose notes record a disagreement but has no second row keeps the disputed",
    `  figure blank and both readings in \`notes\`: ${names(disputedInRow)}.`,
    "- **Facts rows left out** (no machine's specification): a model named as a chip (its J/TH",
    "  is the chip's, not a miner's at the wall), one marked \"(target)\", or a row with neither a",
    "  per-machine hashrate nor a J/TH:",
    ...(droppedLines.length === 0 ? ["  - none."] : droppedLines),
    "- **Checks at build:** F2Pool's `Unit Power (W/T)` (whole numbers) must agree with watts ÷",
    "  TH/s to its rounding: half a unit in the stated figure's last digit, ±0.5 here. All",
    `  ${f2poolCount} do; the widest gap is ${gap(widest)} (${widest.model}: ${widest.power_w} ÷ ` +
    `${widest.hashrate_ths} = ${widest.efficiency_j_per_th}, stated ${widest.stated_efficiency_j_per_th}),`,
    `  and ${halves.length} rows sit exactly on a half. In the facts file every \`hashrate_ths\`,`,
    "  `power_w` and `efficiency_j_per_th` must equal one of the `<number> <unit>` figures of its",
    "  as-stated text (GH/s, TH/s, terahash, PH/s; W, kW; J/TH, W/TH, J/GH, joules per terahash),",
    '  e.g. the top bin of "178 TH/s and 186TH/s models"; a decimal point followed by a space',
    '  ("17. 5 J/TH", as one page prints it) reads as a decimal point, and a decimal comma',
    '  ("9,5 J/TH") is not read as a thousands separator. A number may be blank only beside text',
    "  that does not begin with a figure (words, a bound, another language). A stated efficiency",
    "  must agree with power ÷ hashrate where both are given. A manufacturer + model pair repeats",
    "  only as a documented conflict (above), never across F2Pool and the facts file.",
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
    "Rebuild: `deno task data --only asic_models` (F2Pool rows carried over), or with",
    "`--inputs DIR` holding F2Pool's list (above).",
  ];
  return lines.join("\n") + "\n";
}
