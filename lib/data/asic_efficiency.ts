/**
 * One "J/TH at the wall" per ASIC model of `data/asic_models.csv`. The catalogue keeps two
 * figures apart: `efficiency_j_per_th`, computed from the source's watts and TH/s, and
 * `stated_efficiency_j_per_th`, the J/TH the source prints. Most rows have both (they agree to
 * the stated figure's rounding); some newer models come with a stated J/TH only (the Antminer
 * S21 is 17.5 J/TH per ViaBTC, with no wattage). {@linkcode asicEfficiency} picks one, computed
 * first, and says which; {@linkcode hasAsicEfficiency} tells a catalogue scan which rows have
 * either.
 *
 * @module
 */
import { positive } from "../units/checks.ts";
import { type Efficiency, jPerTh } from "../units/efficiency.ts";
import type { AsicModel } from "./asic_models.ts";

/** Where an {@linkcode AsicEfficiency} comes from. */
export const ASIC_EFFICIENCY_BASES = ["computed", "stated"] as const;
/**
 * One of {@linkcode ASIC_EFFICIENCY_BASES}: `"computed"` is `power_w ÷ hashrate_ths`;
 * `"stated"` is the source's own J/TH, used when it gives no power.
 */
export type AsicEfficiencyBasis = typeof ASIC_EFFICIENCY_BASES[number];

/** Result of {@linkcode asicEfficiency}. */
export interface AsicEfficiency {
  /** J/TH at the wall (W per TH/s). */
  readonly efficiency: Efficiency;
  /** Whether it was computed from power and hashrate or taken as the source states it. */
  readonly basis: AsicEfficiencyBasis;
}

/** The fields of a catalogue row that {@linkcode asicEfficiency} reads. */
export type AsicEfficiencyFields = Pick<
  AsicModel,
  "manufacturer" | "model" | "hashrate_ths" | "power_w" | "stated_efficiency_j_per_th"
>;

/**
 * True when the row has a power and a hashrate (so a computed J/TH) or a stated J/TH: the rows
 * {@linkcode asicEfficiency} can rate. Use it to filter a catalogue before a scan; a blank is
 * `NaN` in the loaded rows.
 *
 * @example Three models of the committed catalogue give a hashrate only
 * ```ts
 * import { hasAsicEfficiency } from "./asic_efficiency.ts";
 * import { loadAsicModels } from "./asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * const models = await loadAsicModels();
 * const unrated = models.filter((m) => !hasAsicEfficiency(m)).map((m) => m.model);
 * assert.deepEqual(unrated, ["Antminer S21+", "Avalon A1566 (A15 series)", "Teraflux AH3880 (hydro, 2U)"]);
 * const s21 = models.find((m) => m.model === "Antminer S21")!;
 * assert.equal(hasAsicEfficiency({ ...s21, stated_efficiency_j_per_th: NaN }), false);
 * ```
 */
export function hasAsicEfficiency(model: AsicEfficiencyFields): boolean {
  const computable = !Number.isNaN(model.power_w) && !Number.isNaN(model.hashrate_ths);
  return computable || !Number.isNaN(model.stated_efficiency_j_per_th);
}

/**
 * J/TH at the wall of one catalogue model: `power_w ÷ hashrate_ths` when the source gives both
 * (basis `"computed"`), else the source's stated J/TH (basis `"stated"`). A computed figure wins
 * even where a stated one exists: it carries the source's watts unrounded.
 *
 * Throws a RangeError naming the model when it has neither figure (filter a catalogue with
 * {@linkcode hasAsicEfficiency} first), and a RangeError naming the field for a hashrate, power
 * or stated J/TH that is not a positive finite number.
 *
 * @example Antminer S19 Pro (F2Pool: 110 TH/s, 3,250 W) and S21 (ViaBTC: 17.5 J/TH, no power)
 * ```ts
 * import { asicEfficiency } from "./asic_efficiency.ts";
 * import { loadAsicModels } from "./asic_models.ts";
 * import assert from "node:assert/strict";
 *
 * const models = await loadAsicModels();
 * const find = (name: string) => models.find((m) => m.model === name)!;
 * const s19Pro = asicEfficiency(find("Antminer S19 Pro"));
 * assert.equal(s19Pro.basis, "computed");
 * assert.equal(s19Pro.efficiency, 3250 / 110); // 29.5, stated as 30
 * assert.deepEqual(asicEfficiency(find("Antminer S21")), { efficiency: 17.5, basis: "stated" });
 * assert.throws(
 *   () => asicEfficiency({ ...find("Antminer S21"), stated_efficiency_j_per_th: NaN }),
 *   /Cannot rate Bitmain Antminer S21: expected power_w and hashrate_ths, or stated_efficiency_j_per_th/,
 * );
 * ```
 */
export function asicEfficiency(model: AsicEfficiencyFields): AsicEfficiency {
  const name = `${model.manufacturer} ${model.model}`;
  if (!Number.isNaN(model.power_w) && !Number.isNaN(model.hashrate_ths)) {
    const hashrate = positive(`${name}: hashrate_ths`, model.hashrate_ths);
    const power = positive(`${name}: power_w`, model.power_w);
    return { efficiency: jPerTh(power / hashrate), basis: "computed" };
  }
  if (!Number.isNaN(model.stated_efficiency_j_per_th)) {
    const stated = positive(
      `${name}: stated_efficiency_j_per_th`,
      model.stated_efficiency_j_per_th,
    );
    return { efficiency: jPerTh(stated), basis: "stated" };
  }
  throw new RangeError(
    `Cannot rate ${name}: expected power_w and hashrate_ths, or stated_efficiency_j_per_th; ` +
      "got neither",
  );
}
