import assert from "node:assert/strict";
import {
  GPU_PRICE_KINDS,
  loadAsicModels,
  loadAsicPrices,
  loadBtcDaily,
  loadCapexPerMw,
  loadCompanyFacts,
  loadGpuModels,
  loadGpuRentalPrices,
  loadMinerAiDeals,
  loadNetworkPoints,
} from "../data/mod.ts";
import { DATASET_NAMES, loadDataFrame } from "./load_data_frame.ts";

const ROW_LOADERS = {
  asic_models: loadAsicModels,
  asic_prices: loadAsicPrices,
  capex_per_mw: loadCapexPerMw,
  companies: loadCompanyFacts,
  gpu_models: loadGpuModels,
  miner_ai_deals: loadMinerAiDeals,
  network_points: loadNetworkPoints,
} as const;

Deno.test("loadDataFrame gives each dataset with its loader's rows and fields", async (t) => {
  for (const name of Object.keys(ROW_LOADERS) as (keyof typeof ROW_LOADERS)[]) {
    await t.step(name, async () => {
      const rows = await ROW_LOADERS[name]();
      const df = await loadDataFrame(name);
      assert.ok(rows.length > 0);
      assert.deepEqual(df.shape, [rows.length, Object.keys(rows[0]!).length]);
      assert.deepEqual(df.columns, Object.keys(rows[0]!));
      // The last row's values come through unchanged (NaN stays NaN, flags stay booleans).
      const last = rows.at(-1)! as unknown as Record<string, unknown>;
      for (const column of df.columns) {
        assert.deepEqual(df.column(column).values.at(-1), last[column], `${name}.${column}`);
      }
    });
  }
  await t.step("btc_daily, from its columns", async () => {
    const daily = await loadBtcDaily();
    const df = await loadDataFrame("btc_daily");
    const names = Object.keys(daily).filter((c) => c !== "length");
    assert.deepEqual(df.columns, names);
    assert.deepEqual(df.shape, [daily.length, names.length]);
    assert.equal(df.column("price_usd").values.at(-1), daily.price_usd[daily.length - 1]);
    assert.equal(df.column("date").values[0], daily.date[0]);
  });
  for (const kind of GPU_PRICE_KINDS) {
    await t.step(`gpu_rental_prices, kind ${kind}`, async () => {
      const prices = await loadGpuRentalPrices({ kind });
      const df = await loadDataFrame("gpu_rental_prices", { kind });
      assert.ok(prices.length > 0);
      assert.deepEqual(df.shape, [prices.length, Object.keys(prices.rows[0]!).length]);
      assert.deepEqual(df.columns, Object.keys(prices.rows[0]!));
      assert.deepEqual([...new Set(df.column("kind").values as string[])], [kind]);
    });
  }
  await t.step("the names listed are the names served", () => {
    assert.deepEqual(
      [...DATASET_NAMES].sort(),
      [...Object.keys(ROW_LOADERS), "btc_daily", "gpu_rental_prices"].sort(),
    );
  });
});

Deno.test("loadDataFrame refuses what its loaders would not take", async (t) => {
  await t.step("an unknown dataset, listing the known ones", async () => {
    await assert.rejects(
      loadDataFrame("asic_model" as "asic_models"),
      (e: Error) =>
        e instanceof TypeError && /Unknown dataset "asic_model"/.test(e.message) &&
        e.message.includes('"asic_models"') && e.message.includes('"gpu_rental_prices"'),
    );
  });
  await t.step("GPU prices without a kind, or of kinds with different units", async () => {
    await assert.rejects(
      loadDataFrame("gpu_rental_prices", undefined as unknown as { kind: "peak" }),
      /kind is required/,
    );
    await assert.rejects(
      loadDataFrame("gpu_rental_prices", { kinds: ["marketplace", "purchase"] }),
      /mix units/,
    );
    await assert.rejects(
      loadDataFrame("gpu_rental_prices", { kind: "rent" as "peak" }),
      (e: Error) => e instanceof TypeError && /kind "rent"/.test(e.message),
    );
  });
  await t.step("a kind for a dataset that has none", async () => {
    await assert.rejects(
      loadDataFrame("asic_models", { kind: "peak" } as { path?: string }),
      /Cannot select a kind of dataset "asic_models"/,
    );
  });
  await t.step("a bad file is the loader's error, naming file, line and column", async () => {
    const path = await Deno.makeTempFile({ suffix: ".csv" });
    try {
      const text = await Deno.readTextFile(
        new URL("../../data/network_points.csv", import.meta.url),
      );
      const lines = text.split("\n");
      lines[1] = lines[1]!.replace(/^[^,]*/, "");
      await Deno.writeTextFile(path, lines.join("\n"));
      await assert.rejects(loadDataFrame("network_points", { path }), (e: Error) => {
        assert.ok(e.message.includes(path), e.message);
        assert.match(e.message, /:2: column "metric": expected one of/);
        return true;
      });
    } finally {
      await Deno.remove(path);
    }
  });
});
