/**
 * When each past halving block was mined: the UTC time in its header, as public reports of the
 * block state it. Daily series count blocks by their own day boundaries (Coin Metrics' day rows
 * run 4–5 blocks ahead of header-time days from 2012 to 2026), so the day a series first shows
 * the lower subsidy can be the day before the block's own date; these times give the true date.
 *
 * @module
 */

/** A mined halving block: its height, header time (UTC) and the public report that states it. */
export interface HalvingBlock {
  /** 1 for the first halving. */
  readonly ordinal: number;
  /** Height of the first block at the new subsidy. */
  readonly height: number;
  /** Header time, UTC, `YYYY-MM-DDTHH:MMZ` (to the minute the sources give). */
  readonly minedAt: string;
  /** Where the time is stated. */
  readonly source: string;
}

/**
 * The four halving blocks mined so far.
 *
 * @example
 * ```ts
 * import { HALVING_BLOCKS } from "./halving_blocks.ts";
 * import assert from "node:assert/strict";
 *
 * // Block 840,000 was mined on 20 April 2024 UTC, not on the 19th.
 * assert.equal(HALVING_BLOCKS[3]!.minedAt.slice(0, 10), "2024-04-20");
 * assert.deepEqual(HALVING_BLOCKS.map((b) => b.height), [210_000, 420_000, 630_000, 840_000]);
 * ```
 */
export const HALVING_BLOCKS: readonly HalvingBlock[] = [
  {
    ordinal: 1,
    height: 210_000,
    // "Block 210,000 - 25 BTC - Unix time 1354116278 (Wed, 28 Nov 2012 15:24:38 GMT)"
    minedAt: "2012-11-28T15:24Z",
    source:
      "https://bitcoin.stackexchange.com/questions/91416/when-is-the-halvening-what-are-the-dates-of-past-halvenings",
  },
  {
    ordinal: 2,
    height: 420_000,
    // "Block 420,000 - 12.5 BTC - Unix time 1468082773 (Sat, 09 Jul 2016 16:46:13 GMT)"
    minedAt: "2016-07-09T16:46Z",
    source:
      "https://bitcoin.stackexchange.com/questions/91416/when-is-the-halvening-what-are-the-dates-of-past-halvenings",
  },
  {
    ordinal: 3,
    height: 630_000,
    // "with the mining of the network's 630,000th block at 19:23 UTC" on Monday 11 May 2020
    minedAt: "2020-05-11T19:23Z",
    source:
      "https://smithandcrown.com/briefings/the-bitcoin-network-undergoes-its-third-halving-event/",
  },
  {
    ordinal: 4,
    height: 840_000,
    // "Bitcoin underwent its fourth halving at 12:09 am UTC on April 20, 2024"
    minedAt: "2024-04-20T00:09Z",
    source:
      "https://www.forbesindia.com/article/cryptocurrency/bitcoins-fourth-halving-completed-coinciding-with-a-surge-in-transaction-fees/92685/1",
  },
];
