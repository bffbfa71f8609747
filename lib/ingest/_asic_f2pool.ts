/**
 * Reading F2Pool's device list (86 SHA-256 ASICs, March 2020, via github.com/mattk8/mining-data):
 * hashrate in TH/s (its header says `(T)`), power in W, and F2Pool's own rounded W/TH, which
 * must agree with watts ÷ TH/s to its rounding. The list's market-snapshot columns and its two
 * unnamed trailing columns are ignored. Internal to `lib/ingest`.
 *
 * @module
 */
import { CsvError, numberCell, parseCsv, quote, type Schema } from "../data/csv.ts";
import type { RawInput } from "./dataset_build.ts";
import { agreesWithStated, roundingTolerance } from "../data/asic_models.ts";
import { type LocatedModel, roundForMessage } from "./_asic_rows.ts";

/** The F2Pool device list, relative to the source folder. */
export const F2POOL_DEVICES_INPUT = "raw/f2pool-mining-devices-mattk8/mining-devices.csv";
/** Where F2Pool publishes the list (the mattk8/mining-data README names it). */
export const F2POOL_URL = "https://www.f2pool.com/miners?currency_code=btc";
/** The kind of source F2Pool's list is, for the choice between sources that disagree. */
export const F2POOL_SOURCE_TYPE = "mining pool device list";
/** When the list was copied: its `Device Age (M)(03/2020)` header dates it. */
export const F2POOL_DATE = "2020-03";

const HASHRATE = "Hashrate (T)";
const POWER = "Power Consumption (W)";
const UNIT_POWER = "Unit Power (W/T) #";
const MONTH = "Month Released";

/**
 * The F2Pool columns used, by header name (trimmed); the others are market snapshots. The W/T
 * figure is read as text: its written digits give its rounding.
 */
const F2POOL_SCHEMA = [
  { name: "Company", type: "string" },
  { name: "Device", type: "string" },
  { name: HASHRATE, type: "number" },
  { name: POWER, type: "number" },
  { name: UNIT_POWER, type: "string" },
  { name: "Year Released", type: "integer", min: 2009 },
  { name: MONTH, type: "integer", min: 1 },
] as const satisfies Schema;

/**
 * The F2Pool rows, in file order, with F2Pool's repeated names told apart
 * ({@linkcode renameRepeats}).
 *
 * @example
 * ```ts
 * import { f2poolModels } from "./_asic_f2pool.ts";
 * import assert from "node:assert/strict";
 *
 * const text = "Company,Device,Hashrate (T),Power Consumption (W),Unit Power (W/T) #," +
 *   "Year Released,Month Released,,\nBitmain,Antminer S19 Pro,110,3250,30,2020,2,,\n";
 * const [s19pro] = f2poolModels({ path: "f.csv", bytes: 0, sha256: "", text });
 * assert.equal(s19pro!.row.release, "2020-02");
 * assert.equal(s19pro!.row.efficiency_j_per_th, 3250 / 110);
 * assert.throws(
 *   () => f2poolModels({ path: "f.csv", bytes: 0, sha256: "", text: text.replace(",30,", ",25,") }),
 *   /^CsvError: f\.csv:2: column "Unit Power \(W\/T\) #": F2Pool states 25 W\/TH/,
 * );
 * ```
 */
export function f2poolModels(input: RawInput): LocatedModel[] {
  const file = input.path;
  const { columns, rowCount, lines } = parseCsv(input.text, F2POOL_SCHEMA, {
    file,
    header: "subset",
  });
  const out: LocatedModel[] = [];
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const hashrate = positive(file, line, HASHRATE, columns[HASHRATE][i]!, "TH/s");
    const power = positive(file, line, POWER, columns[POWER][i]!, "W");
    const statedText = columns[UNIT_POWER][i]!;
    const stated = positive(
      file,
      line,
      UNIT_POWER,
      numberCell(file, line, { name: UNIT_POWER, type: "number" }, statedText),
      "W/TH",
    );
    const month = columns[MONTH][i]!;
    if (month > 12) {
      throw new CsvError(file, line, MONTH, `expected a month 1..12, found "${month}"`);
    }
    const computed = power / hashrate;
    if (!agreesWithStated(computed, statedText)) {
      const gap = roundForMessage(Math.abs(computed - stated));
      throw new CsvError(
        file,
        line,
        UNIT_POWER,
        `F2Pool states ${stated} W/TH, but ${POWER} ÷ ${HASHRATE} = ${power} ÷ ${hashrate} = ` +
          `${roundForMessage(computed)} J/TH: they differ by ${gap}, more than the stated ` +
          `figure's rounding (±${roundingTolerance(statedText)}); is the hashrate in GH/s or ` +
          "PH/s rather than TH/s?",
      );
    }
    out.push({
      file,
      line,
      sourceType: F2POOL_SOURCE_TYPE,
      sourceDate: F2POOL_DATE,
      conflict: false,
      row: {
        // Trimmed, as F2Pool's page showed them; numbers must be bare (parseCsv's rule).
        manufacturer: columns.Company[i]!.trim(),
        model: columns.Device[i]!.trim(),
        release: `${columns["Year Released"][i]}-${String(month).padStart(2, "0")}`,
        hashrate_ths: hashrate,
        power_w: power,
        efficiency_j_per_th: computed,
        stated_efficiency_j_per_th: stated,
        preferred: true,
        source: F2POOL_URL,
        notes: "",
      },
    });
  }
  return renameRepeats(out);
}

function positive(
  file: string,
  line: number,
  column: string,
  value: number,
  unit: string,
): number {
  if (value <= 0) {
    throw new CsvError(
      file,
      line,
      column,
      `expected a positive number of ${unit}, found ${quote(String(value))}`,
    );
  }
  return value;
}

/** `"Hummer Miner H7 Pro (48T)"` → 48: F2Pool's own way of telling variants apart. */
const HASHRATE_SUFFIX = /\s*\((\d+(?:\.\d+)?)T\)$/;

/**
 * F2Pool lists two models twice under one name (Antminer S9 at 13 and 14 TH/s; Hummer Miner H7
 * Pro (48T) at 53 and 48 TH/s). Each repeated name gets F2Pool's own variant suffix from its
 * listed hashrate, "(14T)", replacing a suffix that disagrees; the note keeps the listed name.
 * A name whose suffix disagrees with its hashrate but does not repeat keeps its name and a note.
 */
function renameRepeats(rows: LocatedModel[]): LocatedModel[] {
  const count = new Map<string, number>();
  for (const { row } of rows) {
    const key = `${row.manufacturer}\u0000${row.model}`.toLowerCase();
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  return rows.map((located) => {
    const { row } = located;
    const suffix = HASHRATE_SUFFIX.exec(row.model);
    const suffixThs = suffix === null ? undefined : Number(suffix[1]);
    const mismatch = suffixThs !== undefined && suffixThs !== row.hashrate_ths
      ? `the name says ${suffixThs}T but F2Pool lists ${row.hashrate_ths} TH/s`
      : "";
    const repeated = count.get(`${row.manufacturer}\u0000${row.model}`.toLowerCase())! > 1;
    if (!repeated) {
      return mismatch === "" ? located : { ...located, row: { ...row, notes: mismatch } };
    }
    if (suffixThs === row.hashrate_ths) {
      return { ...located, row: { ...row, notes: `F2Pool lists "${row.model}" twice` } };
    }
    const model = `${row.model.replace(HASHRATE_SUFFIX, "")} (${row.hashrate_ths}T)`;
    const notes = `listed by F2Pool as "${row.model}", a name it uses twice; suffix from the ` +
      `listed hashrate${mismatch === "" ? "" : ` (${mismatch})`}`;
    return { ...located, row: { ...row, model, notes } };
  });
}
