import assert from "node:assert/strict";
import { difficultyCheck, RETARGET_INTERVAL } from "./network_days_difficulty.ts";
import { checkNetworkDays } from "./network_days_checks.ts";
import type { NetworkDay } from "./network_days.ts";
import { CsvError } from "../data/csv.ts";

// Days of 144 blocks from height 840,000 (period 416 starts at 838,656; 417 at 840,672, so the
// fifth day, heights 840,577..840,720, crosses a retarget: 96 blocks before it, 48 after).
const HASHES = 2 ** 32 / 86_400 / 1e12; // TH/s per block a day at difficulty 1
const OLD = 8.6e13;
const NEW = 8.9e13;
const retargetHeight = 417 * RETARGET_INTERVAL;

function series(n: number, change: (i: number) => Partial<NetworkDay> = () => ({})): NetworkDay[] {
  const days: NetworkDay[] = [];
  let height = 840_000;
  for (let i = 0; i < n; i++) {
    const blocks = change(i).blocks ?? 144;
    let difficultySum = 0;
    for (let h = height + 1; h <= height + blocks; h++) {
      difficultySum += h < retargetHeight ? OLD : NEW;
    }
    height += blocks;
    days.push({
      date: `2024-05-${String(i + 1).padStart(2, "0")}`,
      blocks,
      heightEnd: height,
      hashrateThs: difficultySum * HASHES,
      subsidyBtc: 3.125 * blocks,
      feesBtc: 10,
      priceUsd: 64_000,
      file: "btc.csv",
      line: i + 2,
      ...change(i),
    });
  }
  return days;
}

function run(days: readonly NetworkDay[]): void {
  const check = difficultyCheck(days);
  for (let i = 0; i < days.length; i++) check(i, true);
}

function assertRejectedAt(days: readonly NetworkDay[], line: number, column: string): void {
  assert.throws(() => run(days), (e) => {
    assert.ok(e instanceof CsvError, String(e));
    assert.equal(e.line, line, e.message);
    assert.equal(e.column, column, e.message);
    return true;
  });
}

Deno.test("difficultyCheck", async (t) => {
  await t.step("days inside a period and one across a retarget pass", () => {
    const days = series(10);
    assert.equal(days[4]!.heightEnd - days[4]!.blocks + 1, 840_577);
    run(days);
  });
  await t.step("a one-day hashrate × 5 inside a period is named on its day", () => {
    const days = series(10, (i) => (i === 2 ? { hashrateThs: 5 * series(3)[2]!.hashrateThs } : {}));
    assertRejectedAt(days, 4, "HashRate");
  });
  await t.step("… and on the day across the retarget, not on the day after", () => {
    const days = series(10, (i) => (i === 4 ? { hashrateThs: 5 * series(5)[4]!.hashrateThs } : {}));
    assertRejectedAt(days, 6, "HashRate");
  });
  await t.step("a hashrate typo on the first day of the new period is named there", () => {
    const days = series(
      10,
      (i) => (i === 5 ? { hashrateThs: 1.3 * series(6)[5]!.hashrateThs } : {}),
    );
    assertRejectedAt(days, 7, "HashRate");
  });
  await t.step("a day whose blocks doubled (issuance too) blames the block count", () => {
    const hashrateThs = series(3)[2]!.hashrateThs; // what 144 blocks take
    const days = series(10, (i) => (i === 2 ? { blocks: 288, subsidyBtc: 900, hashrateThs } : {}));
    assertRejectedAt(days, 4, "BlkCnt");
  });
  await t.step("where blocks came from IssTotUSD, that column is named", () => {
    const hashrateThs = series(3)[2]!.hashrateThs;
    const doubled = { blocks: 288, subsidyBtc: 900, hashrateThs, blocksColumn: "IssTotUSD" };
    const days = series(10, (i) => (i === 2 ? doubled : {}));
    assertRejectedAt(days, 4, "IssTotUSD");
  });
  await t.step("the last day crossing a retarget can only be held to the 4× limit", () => {
    const days = series(5);
    run(days);
    const tooHigh = series(5, (i) => (i === 4 ? { hashrateThs: 20 * days[4]!.hashrateThs } : {}));
    assert.throws(() => run(tooHigh), /btc\.csv:6: column "HashRate": .*by at most 4× either way/);
  });
  await t.step("days before `report` only teach the difficulty", () => {
    const days = series(6, (i) => (i === 1 ? { hashrateThs: 2 * series(2)[1]!.hashrateThs } : {}));
    const check = difficultyCheck(days);
    for (let i = 0; i < 3; i++) check(i, false);
    for (let i = 3; i < 6; i++) check(i, true);
  });
  await t.step("checkNetworkDays applies it from `from` on, in line order", () => {
    const days = series(10, (i) => (i === 7 ? { hashrateThs: 3 * series(8)[7]!.hashrateThs } : {}));
    assert.throws(() => checkNetworkDays(days, 2), /btc\.csv:9: column "HashRate"/);
  });
});
