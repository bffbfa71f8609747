/**
 * The `network_points` section of `data/SOURCES.md`: origin, licence, columns and units, the
 * metric mapping, where each point's date comes from, the facts rows left out, the checks,
 * caveats, a table of the points and the input with its sha256.
 *
 * @module
 */
import { NETWORK_METRIC_UNITS, type NetworkPoint } from "../data/network_points.ts";
import { inputRow, INPUTS_TABLE_HEADER, type RawInput } from "./dataset_build.ts";
import { CAPEX_POINTS_INPUT, FACTS_METRICS, type FactsRow } from "./_capex_per_mw_facts.ts";
import { NETWORK_POINT_DATES, PLAUSIBLE_VALUES, STATED_UNITS } from "./_network_points_facts.ts";
import { factsLeftOut } from "./capex_per_mw_sources.ts";

/** Escapes `|` for a markdown table cell. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/**
 * The `network_points` section of `data/SOURCES.md` for `points`, every routed row of the facts
 * file (`facts`) and the `input` (its `path` as SOURCES.md names it, relative to the source
 * folder).
 *
 * @example
 * ```ts
 * import { renderNetworkPointsSources } from "./network_points_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const md = renderNetworkPointsSources([], [], {
 *   path: "facts/capex_and_context_points.csv",
 *   bytes: 3,
 *   sha256: "ab",
 *   text: "",
 * });
 * assert.match(md, /^## `network_points\.csv`: /);
 * assert.match(md, /\*\*Rows:\*\* 0\./);
 * assert.match(md, /\| `facts\/capex_and_context_points\.csv` \| .* \| 3 \| `ab` \|/);
 * ```
 */
export function renderNetworkPointsSources(
  points: readonly NetworkPoint[],
  facts: readonly FactsRow[],
  input: RawInput,
): string {
  const lineOf = (subject: string, metric: string) =>
    facts.find((f) => f.cells.subject === subject && f.cells.metric === metric)?.line;
  const dated = NETWORK_POINT_DATES.flatMap((d) => {
    const line = lineOf(d.subject, d.metric);
    return line === undefined
      ? []
      : [{ line, text: `  - line ${line}: ${d.date}, from \`${d.column}\` "${d.asStated}"` }];
  }).toSorted((a, b) => a.line - b.line).map((d) => d.text);
  const left = factsLeftOut(facts, []);
  const lines = [
    "## `network_points.csv`: dated network and market points (efficiency, power, hashprice, difficulty, hashrate)",
    "",
    "Dated figures on the Bitcoin network as a survey, an index or an analyst stated them: the",
    "fleet's J/TH, the network's power draw, hashprice lows, difficulty after adjustments and",
    "monthly hashrate. They are cross-checks and replacements for stale constants, not a series.",
    "",
    `- **Origin:** \`${CAPEX_POINTS_INPUT}\`, hand-compiled from public pages; each row`,
    "  carries `source_url`, `source_title`, `source_date` and the figure as the page states it.",
    "- **Licence:** none claimed; short factual figures with citations. Cite each row's source",
    "  (for the fleet efficiency, the Cambridge Digital Mining Industry Report its notes name).",
    `- **Rows:** ${points.length}.`,
    "- **Columns:** `metric`; `date` (the day, month or year the value describes: `YYYY-MM-DD`,",
    "  `YYYY-MM` or `YYYY`); `statistic` (`point`: the value at one time within `date`, such as",
    "  a day's hashprice or the difficulty after an adjustment; `monthly average`; `estimate`: a",
    "  survey's or model's estimate for the period); `value`; `unit`; `subject`;",
    "  `date_as_stated` (the words that give `date`); `figure_as_stated`; `source_url`,",
    "  `source_title`, `source_date` (when the page was published); `notes` (the facts file's",
    "  wording of the metric and unit, then its notes). Rows are in metric order, then by date.",
    "- **Units** (one per metric; the facts file's unit → `unit`):",
    ...Object.entries(NETWORK_METRIC_UNITS).map(([metric, unit]) =>
      `  - ${metric}: "${STATED_UNITS[metric as keyof typeof STATED_UNITS]}" → \`${unit}\``
    ),
    "  Difficulty × 1e12 is the protocol's number (`btc_daily.csv`'s `difficulty`); hashrate in",
    "  EH/s × 1e6 is `btc_daily.csv`'s `hashrate_ths`.",
    "- **Metric mapping** (facts `metric` → `metric`, `statistic`):",
    ...Object.entries(FACTS_METRICS).flatMap(([stated, route]) =>
      route.to === "network_points"
        ? [`  - "${stated}" → \`${route.metric}\`, ${route.statistic}`]
        : []
    ),
    "- **Dates:** the facts file has no column for the date a point describes (`source_date` is",
    "  when the page was published), so each point's date is read from the words of its row,",
    "  listed here by line with the column they are in; the build checks the words are there.",
    ...dated,
    "- **Other rows:** per-MW costs go to `capex_per_mw.csv`; left out of both (by line):" +
    (left.length === 0 ? " nothing." : ""),
    ...left,
    "- **Checks at build:** the metric must be in the mapping; the unit must be the metric's,",
    '  alone or with a qualifier after " (" or ", "; the value a plain number within',
    "  " +
    Object.entries(PLAUSIBLE_VALUES).map(([metric, { min, max }]) => `${min}..${max} (${metric})`)
      .join(", ") +
    ",",
    "  bounds that any figure since 2018 meets and a figure in another unit fails; every point",
    "  needs a date whose words are in its row.",
    "- **Caveats:** most pages are secondary (relays, rewrites, a vendor blog for June 2026);",
    "  `notes` says which. The CCAF figure is a survey of 49 firms with about 48% of hashrate,",
    "  run June–September 2024, not a network-wide model. Network power is a model estimate.",
    "  Luxor's and Hashrate Index's hashprice smooth fees over their own window and time of",
    "  day, and JPMorgan's monthly hashrates are its own estimates; on the days and months",
    "  `btc_daily.csv` covers, both agree with it within about 1% (`network_points_test.ts`).",
    "",
    "| metric | date | statistic | value | unit | subject |",
    "|---|---|---|--:|---|---|",
    ...points.map((p) =>
      `| ${p.metric} | ${p.date} | ${p.statistic} | ${p.value} | ${p.unit} | ${cell(p.subject)} |`
    ),
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    inputRow(input, "hand-compiled from the pages in `source_url`"),
    "",
    "Rebuild: `deno task data`",
  ];
  return lines.join("\n") + "\n";
}
