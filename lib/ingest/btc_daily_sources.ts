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
    "- **Checks at build** (each rejection names the file, line, column and value; nothing is",
    "  written): dates are consecutive; every day's issuance equals the subsidy schedule for its",
    "  block heights; hashrate and blocks imply the difficulty of their 2016-block period (days",
    "  inside one period agree within 1.2e-8, 2021-06-22; the check allows 1e-6), and a retarget",
    "  changes it at most 4×; fees stay below 50 BTC a block (the most on record is 9.65 BTC a",
    "  block on 2017-12-22; the 2024-04-20 halving day paid 9.28) and below 200× the median of",
    "  the week before or 1 BTC, whichever is more (the most on record is 73.9×, 2011-12-11);",
    "  prices stay within 4× of the median of the week before (the most on record is 2.11× up,",
    "  2011-05-13, and 1.94× down, 2013-04-11); hashrates within 10×, never implying a",
    "  difficulty below 1 or exceeding 1e12 TH/s; sources agree on overlapping days.",
    "- **What the checks cannot see:** an error that keeps hashrate, blocks and issuance",
    "  consistent with each other and with the difficulty period; a price off by less than 4×",
    "  (real days have moved 2×); fees off by less than 200× the week before, or any fees under",
    "  about 1 BTC a day (the 2010 weeks paid a few satoshis, so a 1000× slip there is",
    "  invisible); and a hashrate scaled by under 4× from a retarget on (a period's difficulty",
    "  is learnt from its own days, so such a shift reads as a retarget, or is named on the day",
    "  the period opens rather than the day it starts).",
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
    "`deno task data` rebuilds from the inputs above (committed byte-exact in `data/inputs`);",
    "`deno task data --from <file or URL>` builds from any Coin Metrics community CSV export",
    "(repeat `--from` to extend it with later exports); `deno task data --update` appends the",
    "newest days from the community API.",
  );
  return lines.join("\n") + "\n";
}
