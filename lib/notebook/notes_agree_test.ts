// Notes that agree: every figure two saved notebooks both state under the same name (their
// stated-quantities tables) has the same value in both. The shared figures come from one house
// view and one lib function each, so a difference means a note computed one on its own.
import assert from "node:assert/strict";
import { notebookQuantities } from "../charts/stated_quantities.ts";
import { isRunCopy } from "./run_copies.ts";

const NOTEBOOKS = new URL("../../notebooks/", import.meta.url);

/** The quantities the shipped notes share today; the test fails if one stops being shared. */
const SHARED = [
  "btcStartUsd",
  "discountRate",
  "powerPriceUsdPerKwh",
  "fleetJPerTh",
  "networkExcessGrowth",
  "miningMwValueUsd",
  "aiMwMarkUsd",
  "hashpriceUsdPerPhDay30d",
  "valuePerShareP50_RIOT",
];

Deno.test("notes that state the same named quantity state the same value", async () => {
  const byName = new Map<string, { note: string; value: number }[]>();
  for (const entry of Deno.readDirSync(NOTEBOOKS)) {
    if (!entry.name.endsWith(".ipynb") || isRunCopy(entry.name)) continue;
    const text = await Deno.readTextFile(new URL(entry.name, NOTEBOOKS));
    const quantities = notebookQuantities(JSON.parse(text), entry.name);
    for (const [name, value] of quantities) {
      byName.set(name, [...(byName.get(name) ?? []), { note: entry.name, value }]);
    }
  }
  for (const name of SHARED) {
    const notes = byName.get(name) ?? [];
    assert.ok(
      notes.length >= 2,
      `${name} is stated by ${notes.map((n) => n.note).join(", ") || "no note"}`,
    );
  }
  for (const [name, notes] of byName) {
    const [first, ...rest] = notes;
    for (const other of rest) {
      const scale = Math.max(Math.abs(first!.value), 1e-12);
      assert.ok(
        Math.abs(other.value - first!.value) <= 1e-9 * scale,
        `${name}: ${first!.note} states ${first!.value}, ${other.note} states ${other.value}`,
      );
    }
  }
});
