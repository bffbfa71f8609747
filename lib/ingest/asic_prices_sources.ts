/**
 * The `asic_prices` section of `data/SOURCES.md`: origin, licence, rows, columns, the checks,
 * how `date` is read (row by row), the facts rows left out and why, caveats and the input with
 * its sha256.
 *
 * @module
 */
import type { AsicPrice } from "../data/asic_prices.ts";
import { inputRow, INPUTS_TABLE_HEADER, type RawInput } from "./dataset_build.ts";

/** The price points, relative to the source folder. */
export const ASIC_PRICE_POINTS_INPUT = "facts/asic_price_points.csv";
const INPUT = ASIC_PRICE_POINTS_INPUT;

/** A facts row left out of `asic_prices.csv`, and why. */
export interface DroppedPrice {
  /** Its line in the facts file. */
  readonly line: number;
  /** Its `series` and `source_url`. */
  readonly series: string;
  readonly source: string;
  /** Why it is left out, in words. */
  readonly reason: string;
}

/** What {@linkcode asicPricesSources} describes. */
export interface AsicPricesSourcesInput {
  /** The dataset rows. */
  readonly rows: readonly AsicPrice[];
  /** Facts rows left out. */
  readonly dropped: readonly DroppedPrice[];
  /** The facts file as read. */
  readonly input: RawInput;
  /** The units accepted as USD per TH/s. */
  readonly units: readonly string[];
}

/** Escapes `|` for a markdown table cell. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** `"14"`, or `"7–8"` for a range. */
function price(row: AsicPrice): string {
  return Number.isNaN(row.value_high_usd_per_th)
    ? String(row.value_usd_per_th)
    : `${row.value_usd_per_th}–${row.value_high_usd_per_th}`;
}

/**
 * The `asic_prices` section of `data/SOURCES.md`; every count and list is computed from the
 * rows, the rows left out and the input.
 *
 * @example
 * ```ts
 * import { asicPricesSources } from "./asic_prices_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const row = {
 *   series: "S21 preorder", value_usd_per_th: 14, value_high_usd_per_th: NaN,
 *   period_as_stated: "preorder Oct 2023", date: "2023-10", figure_as_stated: "$14/TH/s",
 *   source_url: "https://x", source_title: "X", source_date: "2023-10-11", notes: "",
 * };
 * const input = { path: "x.csv", bytes: 1, sha256: "ab", text: "" };
 * const dropped = [{ line: 3, series: "HIVE", source: "https://y", reason: "no price" }];
 * const md = asicPricesSources({ rows: [row], dropped, input, units: ["USD per TH"] });
 * assert.match(md, /\*\*Rows:\*\* 1; dated points 2023-10 \.\. 2023-10/);
 * assert.match(md, / {2}- HIVE \(`facts\/asic_price_points\.csv` line 3, https:\/\/y\): no price\./);
 * ```
 */
export function asicPricesSources(input: AsicPricesSourcesInput): string {
  const { rows, dropped, units } = input;
  const dates = rows.map((r) => r.date).filter((d) => d !== "").sort();
  const ranges = rows.filter((r) => !Number.isNaN(r.value_high_usd_per_th));
  const lines = [
    "## `asic_prices.csv`: ASIC purchase prices, USD per TH/s",
    "",
    "Cited price points for Bitcoin ASICs: miners' bulk orders and options, Hashrate Index",
    "price-index bands by efficiency class and single-model quotes, and Bitmain's own price list.",
    "",
    `- **Origin:** \`${INPUT}\`, hand-compiled from public pages; each row`,
    "  carries its `source_url`, `source_title`, `source_date` and the figure as the page states",
    "  it. The index bands are Luxor's Hashrate Index as quoted by news pages or Luxor's own",
    "  roundup, not the index itself.",
    "- **Licence:** none claimed; short factual figures with citations. Cite each row's source.",
    `- **Rows:** ${rows.length}; dated points ${dates[0]} .. ${dates[dates.length - 1]}` +
    ` (${rows.length - dates.length} without an unambiguous date); ${dropped.length} facts` +
    ` row${dropped.length === 1 ? "" : "s"} left out (below).`,
    "- **Columns:** `series`; `value_usd_per_th` (USD per TH/s of hashrate; a stated range's low",
    "  end); `value_high_usd_per_th` (a stated range's high end, blank for one figure);",
    "  `period_as_stated`; `date` (`YYYY-MM`, or `YYYY-MM-DD` when the source gives the day);",
    "  `figure_as_stated`; `source_url`, `source_title`, `source_date`; `notes`.",
    `- **Checks at build:** the unit must be ${units.map((u) => `"${u}"`).join(" or ")}`,
    "  (anything else is an error, but for the facts file's marker of a derived value, below);",
    "  the value must be positive and appear among the numbers of `figure_as_stated`; a range",
    `  (\`low-high\` in the facts file) must have both ends there, low below high: ${
      ranges.map((r) => `${cell(r.series)} (${price(r)})`).join("; ") || "none"
    }.`,
    "- **Facts rows left out** (no price per TH/s the source states; never filled by arithmetic",
    '  here): a blank value, or one the facts file marks derived (unit "USD per TH (derived)" or',
    '  notes saying "value derived"):',
    ...(dropped.length === 0
      ? ["  - none."]
      : dropped.map((d) =>
        `  - ${cell(d.series)} (\`${INPUT}\` line ${d.line}, ${d.source}): ${d.reason}.`
      )),
    "- **How `date` is read:** only from the leading clause of `period_as_stated` (before any `;`",
    "  or `(`), which must be an ISO date or name exactly one month with its year (a year in",
    "  square brackets, the compiler's reading of the page's date, counts: \"Dec. 23 [2025]\"); a",
    "  day only when the source gives it. Otherwise `date` is blank. Row by row:",
    "",
    "| series | USD/TH/s | period as stated | date |",
    "|---|---:|---|---|",
    ...rows.map((r) =>
      `| ${cell(r.series)} | ${price(r)} | ${cell(r.period_as_stated)} | ${
        r.date === "" ? "(blank)" : r.date
      } |`
    ),
    "",
    "- **Caveats:** each row's `notes` carries what the page adds: payment terms (the S21",
    "  preorder was part financed by Bitmain), an option price rather than a purchase, a",
    "  second-hand market quote rather than a new-machine price, a relay of another outlet's",
    "  report, a bundle that may include hosting. The under-38 J/TH points come from a newsbreak",
    '  page citing the Hashrate Index, with no page date; its "Dec. 25" gives no year, so that',
    "  row has no `date`.",
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    inputRow({ ...input.input, path: INPUT }, "hand-compiled from the pages in `source_url`"),
    "",
    "Rebuild: `deno task data --only asic_prices`",
  ];
  return lines.join("\n") + "\n";
}
