/**
 * The Bitcoin ASIC catalogue, `data/asic_models.csv`: about a hundred models, read row by row in
 * notebooks (`find` a model, filter by year), so rows suit it better than typed columns. Where
 * two sources disagree on a model, both rows are kept and one is marked `preferred`
 * ({@linkcode preferredAsicModels} keeps one row per model).
 *
 * @module
 */
import { type CsvText, quote, type Schema, type SchemaRow } from "./csv.ts";
import { type DatasetLoader, datasetLoader, type RowFail, rowsFromCsv } from "./csv_rows.ts";

/** Columns of `data/asic_models.csv`; every numeric header names its unit. */
export const ASIC_MODELS_SCHEMA = [
  { name: "manufacturer", type: "string" },
  { name: "model", type: "string" },
  { name: "release", type: "date", optional: true, dates: ["YYYY", "YYYY-MM"] },
  { name: "hashrate_ths", type: "number", optional: true, positive: true },
  { name: "power_w", type: "number", optional: true, positive: true },
  { name: "efficiency_j_per_th", type: "number", optional: true, min: 0 },
  { name: "stated_efficiency_j_per_th", type: "number", optional: true, positive: true },
  { name: "preferred", type: "string", values: ["true", "false"] },
  { name: "source", type: "string" },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** The dataset's path relative to the project root. */
export const ASIC_MODELS_PATH = "data/asic_models.csv";

/**
 * One ASIC model as one source states it, keyed by the header names of
 * {@linkcode ASIC_MODELS_SCHEMA}. Blank numbers are `NaN`, blank text is `""`.
 *
 * - `manufacturer`, `model`: as the source names them. A pair repeats only where two sources
 *   disagree on the model (a conflict kept side by side), each row citing its own source.
 * - `release`: `YYYY-MM`, or `YYYY` when the source gives only a year; `""` when not stated.
 * - `hashrate_ths`: nominal hashrate, TH/s; `NaN` when the source states no single figure (then
 *   it states a J/TH: every row has a hashrate or a stated efficiency).
 * - `power_w`: power at the wall, W; `NaN` when the source states none.
 * - `efficiency_j_per_th`: computed `power_w ÷ hashrate_ths`, J/TH; `NaN` without both.
 * - `stated_efficiency_j_per_th`: the source's own J/TH (W/TH) figure; `NaN` when it has none.
 * - `preferred`: the row to use for the model: `true` for every model stated once; of a
 *   conflict, exactly one row (the build's rule is in `data/SOURCES.md`).
 * - `source`: URL of the source; `notes`: caveats (renames, as-stated wording, conflicts).
 */
export type AsicModel =
  & Omit<SchemaRow<typeof ASIC_MODELS_SCHEMA>, "preferred">
  & { readonly preferred: boolean };

/**
 * How far a computed J/TH may sit from a stated figure: half a unit in the stated figure's last
 * written digit (`"30"` → 0.5, `"17.5"` → 0.05), since the source rounded to that digit.
 *
 * @example
 * ```ts
 * import { roundingTolerance } from "./asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(roundingTolerance("30"), 0.5);
 * assert.equal(roundingTolerance(17.5), 0.05);
 * assert.equal(roundingTolerance("1.5e3"), 50);
 * assert.throws(() => roundingTolerance("about 30"), TypeError);
 * ```
 */
export function roundingTolerance(stated: string | number): number {
  const text = String(stated).trim();
  const match = /^[+-]?\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (match === null || !/\d/.test(text)) {
    throw new TypeError(`Cannot read the rounding of ${quote(text)}: not a plain number`);
  }
  const decimals = (match[1]?.length ?? 0) - Number(match[2] ?? 0);
  // 0.5 × 10^-decimals, computed as a division so 0.05 is exactly the literal 0.05.
  return decimals >= 0 ? 0.5 / 10 ** decimals : 0.5 * 10 ** -decimals;
}

/**
 * True when the computed and stated efficiencies agree to the stated figure's rounding
 * ({@linkcode roundingTolerance}); a hair of float slack keeps exact halves (39.5 vs 40) in.
 *
 * @example
 * ```ts
 * import { agreesWithStated } from "./asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(agreesWithStated(3250 / 110, "30"), true); // Antminer S19 Pro, F2Pool
 * assert.equal(agreesWithStated(1975 / 50, "40"), true); // 39.5 rounds to 40
 * assert.equal(agreesWithStated(3250 / 110, "29"), false);
 * ```
 */
export function agreesWithStated(computed: number, stated: string | number): boolean {
  const tolerance = roundingTolerance(stated);
  return Math.abs(computed - Number(stated)) <= tolerance * (1 + 1e-9);
}

/**
 * Parses the text of `data/asic_models.csv` and checks its invariants: releases are `YYYY` or
 * `YYYY-MM`; hashrate and every efficiency are positive; every row has a hashrate or a stated
 * efficiency; `efficiency_j_per_th` is present exactly when `power_w` and `hashrate_ths` are and
 * equals `power_w ÷ hashrate_ths`; a stated efficiency agrees with the computed one to its
 * rounding; a manufacturer + model pair (ignoring case) repeats only with another source, and
 * exactly one row of each model is `preferred`.
 *
 * @example
 * ```ts
 * import { ASIC_MODELS_SCHEMA, asicModelsFromCsv } from "./asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * const header = ASIC_MODELS_SCHEMA.map((c) => c.name).join(",") + "\n";
 * const [s19pro] = asicModelsFromCsv(
 *   header + `Bitmain,Antminer S19 Pro,2020-02,110,3250,${3250 / 110},30,true,F2Pool,\n`,
 * );
 * assert.equal(s19pro!.power_w, 3250);
 * assert.equal(s19pro!.preferred, true);
 * assert.throws(
 *   () => asicModelsFromCsv(header + "Bitmain,S21,2023-09,200,,,-17.5,true,x,\n", { file: "m.csv" }),
 *   /^CsvError: m\.csv:2: column "stated_efficiency_j_per_th": expected a positive number or blank/,
 * );
 * ```
 */
export function asicModelsFromCsv(
  text: CsvText,
  options: { file?: string } = {},
): readonly AsicModel[] {
  // A model (ignoring case) repeats only where two sources disagree, exactly one row preferred.
  const model = ["manufacturer", "model"] as const;
  const { rows } = rowsFromCsv(text, ASIC_MODELS_SCHEMA, {
    file: options.file ?? ASIC_MODELS_PATH,
    check: checkRow,
    derived: [{
      column: "efficiency_j_per_th",
      formula: (row) => `power_w ÷ hashrate_ths = ${row.power_w} ÷ ${row.hashrate_ths}`,
      value: (row) => row.power_w / row.hashrate_ths,
      needs: "power_w or hashrate_ths is blank",
    }],
    unique: [{ key: [...model, "source"], column: "model", ignoreCase: true }, {
      key: model,
      column: "preferred",
      where: (row) => row.preferred === "true",
      rows: "preferred row",
      ignoreCase: true,
      required: true,
    }],
  });
  return rows.map((row) => Object.freeze({ ...row, preferred: row.preferred === "true" }));
}

/**
 * One row per model: the `preferred` row of each, in catalogue order. Use it wherever each
 * model must count once (a share of the catalogue, a lookup by name); the full catalogue keeps
 * the rows the preferred one was chosen over.
 *
 * @example The Antminer S23 Hydro: 9.7 J/TH (TheMinerMag via CoinDesk) or 580 TH/s at 9.5 J/TH
 * ```ts
 * import { loadAsicModels, preferredAsicModels } from "./asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * const models = await loadAsicModels();
 * const s23 = models.filter((m) => m.model === "Antminer S23 Hydro");
 * assert.deepEqual(s23.map((m) => [m.stated_efficiency_j_per_th, m.preferred]), [[9.7, false], [9.5, true]]);
 * const one = preferredAsicModels(models).filter((m) => m.model === "Antminer S23 Hydro");
 * assert.deepEqual(one.map((m) => m.hashrate_ths), [580]);
 * ```
 */
export function preferredAsicModels(models: readonly AsicModel[]): readonly AsicModel[] {
  return models.filter((m) => m.preferred);
}

type Cells = SchemaRow<typeof ASIC_MODELS_SCHEMA>;

function checkRow(row: Cells, fail: RowFail<Cells>): void {
  const hasHashrate = !Number.isNaN(row.hashrate_ths);
  if (!hasHashrate && Number.isNaN(row.stated_efficiency_j_per_th)) {
    throw fail(
      "hashrate_ths",
      "is blank and so is stated_efficiency_j_per_th: a row needs a hashrate or a stated J/TH",
    );
  }
  const computed = row.power_w / row.hashrate_ths;
  const stated = row.stated_efficiency_j_per_th;
  if (!Number.isNaN(stated) && !Number.isNaN(computed) && !agreesWithStated(computed, stated)) {
    throw fail(
      "stated_efficiency_j_per_th",
      `${stated} J/TH disagrees with efficiency_j_per_th ${computed} J/TH by more than the ` +
        `stated figure's rounding (±${roundingTolerance(stated)})`,
    );
  }
}

/**
 * Reads `data/asic_models.csv` (or another path) into one object per row.
 *
 * @example
 * ```ts
 * import { loadAsicModels } from "./asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * const models = await loadAsicModels();
 * const s21 = models.find((m) => m.model === "Antminer S21");
 * assert.equal(s21?.stated_efficiency_j_per_th, 17.5);
 * assert.ok(Number.isNaN(s21!.power_w)); // the source gives no power for it
 * ```
 */
export const loadAsicModels: DatasetLoader<readonly AsicModel[]> = datasetLoader(
  ASIC_MODELS_PATH,
  asicModelsFromCsv,
);
