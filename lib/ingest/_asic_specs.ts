/**
 * Reading `facts/asic_specs.csv`, the cited models F2Pool's 2020 list lacks: every hashrate,
 * power and efficiency must restate a figure of its as-stated text, and a stated efficiency must
 * agree with power ÷ hashrate to its rounding. Rows that carry no machine's specification (a
 * chip, a target, an order size) are set apart with the reason (`_asic_dropped.ts`). Internal to
 * `lib/ingest`.
 *
 * @module
 */
import { CsvError, parseCsv, type Schema } from "../data/csv.ts";
import type { RawInput } from "./dataset_build.ts";
import { agreesWithStated, roundingTolerance } from "../data/asic_models.ts";
import { type LocatedModel, roundForMessage } from "./_asic_rows.ts";
import { type DroppedFact, dropReason } from "./_asic_dropped.ts";
import {
  checkAsStated,
  EFFICIENCY_UNITS,
  HASHRATE_UNITS,
  POWER_UNITS,
  releaseFromStatement,
} from "./_asic_stated.ts";

/** The cited later models, relative to the source folder. */
export const ASIC_SPECS_INPUT = "facts/asic_specs.csv";

/** Columns of `facts/asic_specs.csv`, exactly. */
const ASIC_SPECS_SCHEMA = [
  { name: "manufacturer", type: "string" },
  { name: "model", type: "string" },
  { name: "release_or_announce_as_stated", type: "string", optional: true },
  { name: "hashrate_as_stated", type: "string", optional: true },
  { name: "hashrate_ths", type: "number", optional: true, min: 0 },
  { name: "power_as_stated", type: "string", optional: true },
  { name: "power_w", type: "number", optional: true, min: 0 },
  { name: "efficiency_as_stated", type: "string", optional: true },
  { name: "efficiency_j_per_th", type: "number", optional: true, min: 0 },
  { name: "price_as_stated", type: "string", optional: true },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "source_type", type: "string" },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/** What {@linkcode factsModels} reads from `facts/asic_specs.csv`. */
export interface FactsModels {
  /** The rows kept, in file order. */
  readonly models: LocatedModel[];
  /** The rows left out, with the reason. */
  readonly dropped: DroppedFact[];
}

/**
 * The rows of `facts/asic_specs.csv`, after checking each number against its as-stated text
 * and a stated efficiency against power ÷ hashrate; `release` is read from the release
 * statement, and `notes` start with the source's type and title. A hashrate may be blank (a
 * lower bound, or sources that disagree) when the row states a J/TH; rows carrying no machine's
 * figure are returned apart in `dropped`.
 *
 * @example
 * ```ts
 * import { factsModels } from "./_asic_specs.ts";
 * import assert from "node:assert/strict";
 *
 * const text = "manufacturer,model,release_or_announce_as_stated,hashrate_as_stated," +
 *   "hashrate_ths,power_as_stated,power_w,efficiency_as_stated,efficiency_j_per_th," +
 *   "price_as_stated,source_url,source_title,source_date,source_type,notes\n" +
 *   "Canaan,Avalon1,released by Canaan in 2013,60 GH/s,0.06,595 W,595,,,,https://x,X,,blog,\n" +
 *   "Bitdeer,SEALMINER A4 (target),,,,,,5 J/TH,5,,https://y,Y,2025-03-13,news,\n";
 * const { models, dropped } = factsModels({ path: "f.csv", bytes: 0, sha256: "", text });
 * const [avalon] = models;
 * assert.deepEqual([avalon!.row.release, avalon!.row.hashrate_ths, avalon!.line], ["2013", 0.06, 2]);
 * assert.equal(avalon!.row.notes, "blog: X; release as stated: released by Canaan in 2013");
 * assert.deepEqual(dropped.map((d) => [d.line, d.reason]), [[3, "a target, not a shipping machine's specification"]]);
 * ```
 */
export function factsModels(input: RawInput): FactsModels {
  const file = input.path;
  const { columns, rowCount, lines } = parseCsv(input.text, ASIC_SPECS_SCHEMA, { file });
  const models: LocatedModel[] = [];
  const dropped: DroppedFact[] = [];
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const hashrate = columns.hashrate_ths[i]!;
    const power = columns.power_w[i]!;
    const stated = columns.efficiency_j_per_th[i]!;
    if (hashrate <= 0) {
      throw new CsvError(
        file,
        line,
        "hashrate_ths",
        `expected a positive number of TH/s, found "${hashrate}"`,
      );
    }
    const hashrateText = columns.hashrate_as_stated[i]!;
    checkAsStated(file, line, {
      column: "hashrate_ths",
      value: hashrate,
      statedColumn: "hashrate_as_stated",
      stated: hashrateText,
      units: HASHRATE_UNITS,
      required: false,
    });
    const powerText = columns.power_as_stated[i]!;
    if (powerText !== "" || !Number.isNaN(power)) {
      checkAsStated(file, line, {
        column: "power_w",
        value: power,
        statedColumn: "power_as_stated",
        stated: powerText,
        units: POWER_UNITS,
        required: true,
      });
    }
    const efficiencyText = columns.efficiency_as_stated[i]!;
    const statedFigure = efficiencyText !== "" || !Number.isNaN(stated)
      ? checkAsStated(file, line, {
        column: "efficiency_j_per_th",
        value: stated,
        statedColumn: "efficiency_as_stated",
        stated: efficiencyText,
        units: EFFICIENCY_UNITS,
        required: false,
      })
      : undefined;
    const computed = power / hashrate; // NaN unless both are given
    if (!Number.isNaN(computed) && statedFigure !== undefined) {
      const statedText = statedFigure.number;
      if (!agreesWithStated(computed, statedText)) {
        throw new CsvError(
          file,
          line,
          "efficiency_j_per_th",
          `the source states ${stated} J/TH, but power_w ÷ hashrate_ths = ${power} ÷ ${hashrate} = ` +
            `${roundForMessage(computed)} J/TH: more than the stated figure's rounding (±${
              roundingTolerance(statedText)
            })`,
        );
      }
    }
    const model = columns.model[i]!;
    const reason = dropReason({
      model,
      hashrateThs: hashrate,
      statedEfficiency: stated,
      hashrateAsStated: hashrateText,
    });
    if (reason !== undefined) {
      const [manufacturer, source] = [columns.manufacturer[i]!, columns.source_url[i]!];
      dropped.push({ file, line, manufacturer, model, source, reason });
      continue;
    }
    const releaseText = columns.release_or_announce_as_stated[i]!;
    const sourceDate = columns.source_date[i]!;
    const notes = [
      `${columns.source_type[i]}: ${columns.source_title[i]}` +
      (sourceDate === "" ? "" : ` (${sourceDate})`),
      releaseText === "" ? "" : `release as stated: ${releaseText}`,
      Number.isNaN(hashrate) && hashrateText !== "" ? `hashrate as stated: ${hashrateText}` : "",
      Number.isNaN(stated) && efficiencyText !== ""
        ? `efficiency as stated: ${efficiencyText}`
        : "",
      columns.notes[i]!,
    ].filter((part) => part !== "");
    models.push({
      file,
      line,
      sourceType: columns.source_type[i]!,
      sourceDate,
      conflict: /\bCONFLICT\b/.test(columns.notes[i]!),
      row: {
        manufacturer: columns.manufacturer[i]!,
        model,
        release: releaseFromStatement(releaseText),
        hashrate_ths: hashrate,
        power_w: power,
        efficiency_j_per_th: computed,
        stated_efficiency_j_per_th: stated,
        preferred: true,
        source: columns.source_url[i]!,
        notes: notes.join("; "),
      },
    });
  }
  return { models, dropped };
}
