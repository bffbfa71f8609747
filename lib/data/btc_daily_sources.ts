/**
 * The `btc_daily` section of `data/SOURCES.md`, rendered from the dataset's provenance.
 *
 * @module
 */
import type { BtcDailyMeta } from "./btc_daily_ingest.ts";

/**
 * Markdown describing origin, licence, inputs (with sha256), rows, range and how to rebuild.
 *
 * @example
 * ```ts
 * import { renderBtcDailySources } from "./btc_daily_sources.ts";
 * import assert from "node:assert/strict";
 *
 * const md = renderBtcDailySources({
 *   rows: 2, firstDate: "2024-04-20", lastDate: "2024-04-21", sha256: "ab",
 *   inputs: [], overlaps: [], skipped: [], apiUpdates: [],
 * });
 * assert.match(md, /CC BY-NC 4\.0/);
 * assert.match(md, /2024-04-20 \.\. 2024-04-21/);
 * ```
 */
export function renderBtcDailySources(meta: BtcDailyMeta): string {
  const lines = [
    "## `btc_daily.csv`: the daily Bitcoin network",
    "",
    "One row per UTC day: blocks, block height, hashrate, difficulty, subsidy and fees paid to",
    "miners, BTC price and hashprice.",
    "",
    "- **Publisher:** Coin Metrics, Community Network Data (https://coinmetrics.io/community-network-data/).",
    "- **Licence:** CC BY-NC 4.0 (https://creativecommons.org/licenses/by-nc/4.0/). Attribution:",
    '  "Source: Coin Metrics". Non-commercial use; derived daily series shipped with attribution.',
    `- **Rows:** ${meta.rows}, ${meta.firstDate} .. ${meta.lastDate}, one per UTC day, no gaps.`,
    `- **sha256 of btc_daily.csv:** \`${meta.sha256}\``,
    "- **Columns:** `date` (UTC day); `blocks` (blocks that day, Coin Metrics `BlkCnt`);",
    "  `height_end` (height of the day's last block, the running sum of `blocks` from genesis);",
    "  `hashrate_ths` (mean hashrate, TH/s, `HashRate`); `difficulty` (mean difficulty,",
    "  dimensionless); `subsidy_btc` (new BTC issued, `IssTotNtv`); `fees_btc` (fees paid,",
    "  `FeeTotNtv`); `price_usd` (Coin Metrics reference price at the day's close, `PriceUSD`);",
    "  `hashprice_usd_per_ph_day` and `hashprice_btc_per_ph_day`.",
    "- **Derived:** `difficulty = hashrate_ths × 1e12 × 86400 ÷ (blocks × 2^32)` (Coin Metrics",
    "  `DiffMean` identity); hashprice = `(subsidy_btc + fees_btc) ÷ (hashrate_ths ÷ 1000)`,",
    "  times `price_usd` for USD (the day's issuance plus fees over the day's hashrate).",
    "- **Checks at build:** every day's issuance equals the subsidy schedule for its block",
    "  heights; dates are consecutive; sources agree on overlapping days; no hashrate implies a",
    "  difficulty below 1 or exceeds 1e12 TH/s; no hashrate or price is 10× off its neighbours.",
    "- **Starts** on the first day Coin Metrics has a price (2010-07-18 in the full export):",
    "  hashprice needs one.",
    "",
    "### Inputs",
    "",
    "| input | origin | bytes | sha256 | days used |",
    "|---|---|---:|---|---|",
    ...meta.inputs.map((i) =>
      `| \`${i.location}\` | ${i.origin} | ${i.bytes} | \`${i.sha256}\` | ${i.rowsUsed} (${i.firstDate} .. ${i.lastDate}) |`
    ),
    "",
  ];
  if (meta.overlaps.length > 0) {
    lines.push("### Overlap checks", "");
    for (const o of meta.overlaps) {
      lines.push(
        `- \`${o.input}\` agrees with the inputs before it on ${o.days} days (${o.from} .. ${o.to});` +
          ` largest relative difference ${o.maxRelativeDifference.toExponential(2)}.`,
      );
    }
    lines.push("");
  }
  if (meta.skipped.length > 0) {
    lines.push("### Skipped rows", "", ...meta.skipped.map((s) => `- ${s}`), "");
  }
  if (meta.apiUpdates.length > 0) {
    lines.push("### Updates from the Coin Metrics community API", "");
    for (const u of meta.apiUpdates) {
      lines.push(
        `- ${u.fetchedOn}: appended ${u.days} days (${u.firstDate} .. ${u.lastDate}) from ${u.url}.`,
      );
    }
    lines.push("");
  }
  lines.push(
    "### Rebuild",
    "",
    "`deno task data` rebuilds from the inputs above (the raw files stay outside the project);",
    "`deno task data --from <file or URL>` builds from any Coin Metrics community CSV export",
    "(repeat `--from` to extend it with later exports); `deno task data --update` appends the",
    "newest days from the community API.",
  );
  return lines.join("\n") + "\n";
}
