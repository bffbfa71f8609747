/**
 * Building `data/asic_models.csv` from F2Pool's device list (86 SHA-256 ASICs, March 2020) and
 * the cited later models in `facts/asic_specs.csv`. Every cell used is checked; F2Pool's own W/TH
 * figure must agree with watts ÷ TH/s to its rounding, and every as-stated hashrate, power and
 * efficiency in the facts file must agree with its number and unit.
 *
 * @module
 */
import Papa from "papaparse";
import { CsvError, numberCell, parseCsv, quote, type Schema } from "./csv.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  inputRow,
  INPUTS_TABLE_HEADER,
  type RawInput,
  readRawInput,
} from "./dataset_build.ts";
import {
  agreesWithStated,
  ASIC_MODELS_SCHEMA,
  type AsicModel,
  asicModelsFromCsv,
  roundingTolerance,
} from "./asic_models.ts";

/** The F2Pool device list, relative to the source folder. */
export const F2POOL_DEVICES_INPUT = "raw/f2pool-mining-devices-mattk8/mining-devices.csv";
/** The cited later models, relative to the source folder. */
export const ASIC_SPECS_INPUT = "facts/asic_specs.csv";
/** Where F2Pool publishes the list (the mattk8/mining-data README names it). */
export const F2POOL_URL = "https://www.f2pool.com/miners?currency_code=btc";

/** The F2Pool columns used, by header name (trimmed); the others are market snapshots. */
const F2POOL_COLUMNS = {
  company: "Company",
  device: "Device",
  hashrate: "Hashrate (T)",
  power: "Power Consumption (W)",
  unitPower: "Unit Power (W/T) #",
  year: "Year Released",
  month: "Month Released",
} as const;

/** Columns of `facts/asic_specs.csv`, exactly. */
const ASIC_SPECS_SCHEMA = [
  { name: "manufacturer", type: "string" },
  { name: "model", type: "string" },
  { name: "release_or_announce_as_stated", type: "string", optional: true },
  { name: "hashrate_as_stated", type: "string" },
  { name: "hashrate_ths", type: "number", min: 0 },
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

/** Where a row came from, for error messages about it. */
interface Located {
  readonly row: AsicModel;
  readonly file: string;
  readonly line: number;
}

/**
 * Builds `asic_models.csv` from `raw/…/mining-devices.csv` and `facts/asic_specs.csv` under
 * `options.sourceDir`. Writes nothing.
 *
 * @example Build from a one-model fixture
 * ```ts
 * import { buildAsicModels } from "./asic_models_build.ts";
 * import assert from "node:assert/strict";
 *
 * const dir = await Deno.makeTempDir({ dir: "/tmp" });
 * await Deno.mkdir(`${dir}/raw/f2pool-mining-devices-mattk8`, { recursive: true });
 * await Deno.mkdir(`${dir}/facts`);
 * await Deno.writeTextFile(
 *   `${dir}/raw/f2pool-mining-devices-mattk8/mining-devices.csv`,
 *   "Company,Device,Hashrate (T),Power Consumption (W),Unit Power (W/T) #,Year Released," +
 *     "Month Released,,\nBitmain,Antminer S19 Pro,110,3250,30,2020,2,,\n",
 * );
 * await Deno.writeTextFile(
 *   `${dir}/facts/asic_specs.csv`,
 *   "manufacturer,model,release_or_announce_as_stated,hashrate_as_stated,hashrate_ths," +
 *     "power_as_stated,power_w,efficiency_as_stated,efficiency_j_per_th,price_as_stated," +
 *     "source_url,source_title,source_date,source_type,notes\n" +
 *     "Bitmain,Antminer S21,September 2023,200 TH/s,200,,,17.5 J/TH,17.5,,https://x,X,,blog,\n",
 * );
 * const built = await buildAsicModels({ sourceDir: dir, log: () => {} });
 * await Deno.remove(dir, { recursive: true });
 * assert.equal(built.rows, 2);
 * const [, s19pro, s21] = built.csv.split("\n");
 * assert.equal(s19pro!.split(",").slice(2, 7).join(","), `2020-02,110,3250,${3250 / 110},30`);
 * assert.equal(s21!.split(",").slice(2, 7).join(","), "2023-09,200,,,17.5");
 * ```
 */
export async function buildAsicModels(options: DatasetBuildOptions = {}): Promise<BuiltDataset> {
  const dir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const f2pool = await readRawInput(`${dir}/${F2POOL_DEVICES_INPUT}`);
  const facts = await readRawInput(`${dir}/${ASIC_SPECS_INPUT}`);
  const rows = [...f2poolModels(f2pool), ...factsModels(facts)];
  checkUnique(rows);
  const csv = formatCsv(ASIC_MODELS_SCHEMA, rows.map((r) => r.row));
  asicModelsFromCsv(csv, { file: "asic_models.csv (built)" });
  const f2poolCount = rows.filter((r) => r.file === f2pool.path).length;
  log(
    `asic_models.csv: ${rows.length} models (${f2poolCount} F2Pool, ${
      rows.length - f2poolCount
    } facts)`,
  );
  return {
    file: "asic_models.csv",
    csv,
    sources: asicModelsSources(rows.map((r) => r.row), f2pool, facts, f2poolCount),
    rows: rows.length,
  };
}

/**
 * Tokenises a CSV that parseCsv would reject (F2Pool's header ends in two blank column names,
 * which count as a repeated column). Returns the records and the 1-based line each starts on.
 */
function records(input: RawInput): { cells: string[][]; lines: number[] } {
  if (input.text.trim() === "") throw new CsvError(input.path, 0, undefined, "the file is empty");
  const parsed = Papa.parse<string[]>(input.text, {
    header: false,
    skipEmptyLines: false,
    delimiter: ",", // never guessed: papaparse may pick ";" on small files
  });
  const cells = parsed.data;
  while (cells.length > 1 && cells[cells.length - 1]!.join("").trim() === "") cells.pop();
  const lines: number[] = [];
  let line = 1;
  for (const record of cells) {
    lines.push(line);
    line += 1 + record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  }
  const error = (parsed.errors as Papa.ParseError[]).find((e) =>
    e.code !== "UndetectableDelimiter"
  );
  if (error !== undefined) {
    const at = error.row !== undefined ? lines[error.row] ?? 0 : 0;
    throw new CsvError(input.path, at, undefined, `cannot read CSV: ${error.message}`);
  }
  return { cells, lines };
}

/** The F2Pool rows: hashrate in TH/s (its header says `(T)`), W, F2Pool's rounded W/TH. */
function f2poolModels(input: RawInput): Located[] {
  const file = input.path;
  const { cells, lines } = records(input);
  const header = cells[0]!.map((name) => name.trim());
  const index = {} as Record<keyof typeof F2POOL_COLUMNS, number>;
  for (const [key, name] of Object.entries(F2POOL_COLUMNS)) {
    const at = header.indexOf(name);
    if (at === -1) {
      throw new CsvError(
        file,
        1,
        undefined,
        `the header has no column "${name}"; found ${
          header.filter((h) => h !== "").map((h) => `"${h}"`).join(", ")
        }`,
      );
    }
    if (header.indexOf(name, at + 1) !== -1) {
      throw new CsvError(file, 1, name, "the header repeats this column");
    }
    index[key as keyof typeof F2POOL_COLUMNS] = at;
  }
  if (cells.length < 2) throw new CsvError(file, 1, undefined, "the file has a header but no rows");
  const out: Located[] = [];
  for (let r = 1; r < cells.length; r++) {
    const record = cells[r]!;
    const line = lines[r]!;
    if (record.length !== header.length) {
      throw new CsvError(
        file,
        line,
        undefined,
        `expected ${header.length} fields as in the header, found ${record.length}`,
      );
    }
    const cell = (key: keyof typeof F2POOL_COLUMNS) => record[index[key]]!;
    const text = (key: keyof typeof F2POOL_COLUMNS) => {
      const value = cell(key).trim();
      if (value === "") {
        throw new CsvError(file, line, F2POOL_COLUMNS[key], "expected text, found an empty cell");
      }
      return value;
    };
    const hashrate = positive(file, line, F2POOL_COLUMNS.hashrate, cell("hashrate"), "TH/s");
    const power = positive(file, line, F2POOL_COLUMNS.power, cell("power"), "W");
    const stated = positive(file, line, F2POOL_COLUMNS.unitPower, cell("unitPower"), "W/TH");
    const year = numberCell(
      file,
      line,
      { name: F2POOL_COLUMNS.year, type: "integer", min: 2009 },
      cell("year"),
    );
    const month = monthCell(file, line, cell("month"));
    const computed = power / hashrate;
    const statedText = cell("unitPower").trim();
    if (!agreesWithStated(computed, statedText)) {
      const gap = round(Math.abs(computed - stated));
      throw new CsvError(
        file,
        line,
        F2POOL_COLUMNS.unitPower,
        `F2Pool states ${stated} W/TH, but ${F2POOL_COLUMNS.power} ÷ ${F2POOL_COLUMNS.hashrate} = ` +
          `${power} ÷ ${hashrate} = ${round(computed)} J/TH: they differ by ${gap}, more than ` +
          `the stated figure's rounding (±${roundingTolerance(statedText)}); is the hashrate in ` +
          "GH/s or PH/s rather than TH/s?",
      );
    }
    out.push({
      file,
      line,
      row: {
        manufacturer: text("company"),
        model: text("device"),
        release: `${year}-${String(month).padStart(2, "0")}`,
        hashrate_ths: hashrate,
        power_w: power,
        efficiency_j_per_th: computed,
        stated_efficiency_j_per_th: stated,
        source: F2POOL_URL,
        notes: "",
      },
    });
  }
  return renameRepeats(out);
}

/** `1234.5678` → `1234.568`, for messages. */
function round(value: number): number {
  return Number(value.toPrecision(7));
}

function positive(file: string, line: number, column: string, raw: string, unit: string): number {
  const value = numberCell(file, line, { name: column, type: "number" }, raw.trim());
  if (value <= 0) {
    throw new CsvError(
      file,
      line,
      column,
      `expected a positive number of ${unit}, found ${quote(raw)}`,
    );
  }
  return value;
}

function monthCell(file: string, line: number, raw: string): number {
  const spec = { name: F2POOL_COLUMNS.month, type: "integer", min: 1 } as const;
  const month = numberCell(file, line, spec, raw.trim());
  if (month > 12) {
    throw new CsvError(file, line, spec.name, `expected a month 1..12, found ${quote(raw)}`);
  }
  return month;
}

/** `"Hummer Miner H7 Pro (48T)"` → 48: F2Pool's own way of telling variants apart. */
const HASHRATE_SUFFIX = /\s*\((\d+(?:\.\d+)?)T\)$/;

/**
 * F2Pool lists two models twice under one name (Antminer S9 at 13 and 14 TH/s; Hummer Miner H7
 * Pro (48T) at 53 and 48 TH/s). Each repeated name gets F2Pool's own variant suffix from its
 * listed hashrate, "(14T)", replacing a suffix that disagrees; the note keeps the listed name.
 * A name whose suffix disagrees with its hashrate but does not repeat keeps its name and a note.
 */
function renameRepeats(rows: Located[]): Located[] {
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

const MONTHS =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s+(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?,?\s+)?\[?(\d{4})\]?/i;
const MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec".split(" ");

/**
 * The release as `YYYY-MM` or `YYYY`, read only from what a statement says: a month name with a
 * year (`"September 22-23 [2023]"` → `2023-09`), else a year after "released/launched/unveiled/
 * announced/introduced … in" (`"released by Canaan in 2013"` → `2013`). Anything else, such as
 * "recently presented" or "not available … until summer of 2022", gives `""`.
 *
 * @example
 * ```ts
 * import { releaseFromStatement } from "./asic_models_build.ts";
 * import assert from "node:assert/strict";
 *
 * const wdms = "unveiled at WDMS 2023, Hong Kong, September 22-23 [2023]";
 * assert.equal(releaseFromStatement(wdms), "2023-09");
 * assert.equal(releaseFromStatement("released by Canaan in 2013"), "2013");
 * assert.equal(releaseFromStatement("not available to general public until summer of 2022"), "");
 * ```
 */
export function releaseFromStatement(statement: string): string {
  const month = MONTHS.exec(statement);
  if (month !== null) {
    const number = MONTH_NAMES.indexOf(month[1]!.slice(0, 3).toLowerCase()) + 1;
    return `${month[2]}-${String(number).padStart(2, "0")}`;
  }
  const year = /\b(?:released|launched|unveiled|announced|introduced)\b[^;]*?\bin\s+(\d{4})\b/i
    .exec(statement);
  return year === null ? "" : year[1]!;
}

/** Units an as-stated hashrate may use, in TH/s. */
const HASHRATE_UNITS: Readonly<Record<string, number>> = {
  "gh/s": 1e-3,
  "gigahash": 1e-3,
  "th/s": 1,
  "th": 1,
  "terahash": 1,
  "ph/s": 1e3,
};
/** Units an as-stated power may use, in W. */
const POWER_UNITS: Readonly<Record<string, number>> = { "w": 1, "kw": 1e3 };
/** Units an as-stated efficiency may use, in J/TH. */
const EFFICIENCY_UNITS: Readonly<Record<string, number>> = { "j/th": 1, "w/th": 1, "j/gh": 1e3 };

/**
 * Reads the leading `<number> <unit>` of an as-stated figure (`"270 TH/s (±3%)"`, `"4785W"`,
 * `"3 kW"`) and converts it with `units`; `undefined` when the text does not start that way.
 */
function statedQuantity(
  text: string,
  units: Readonly<Record<string, number>>,
): { value: number; number: string } | undefined {
  const match = /^(\d[\d,]*(?:\.\d+)?)\s*([a-z/]+)/i.exec(text.trim());
  if (match === null) return undefined;
  const factor = units[match[2]!.toLowerCase()];
  if (factor === undefined) return undefined;
  const number = match[1]!.replaceAll(",", "");
  return { value: Number(number) * factor, number };
}

/** Relative difference allowed between an as-stated figure and its number column. */
const AS_STATED_TOLERANCE = 1e-9;

/** A number column and the as-stated text it must restate. */
interface AsStated {
  /** The number column, e.g. `power_w`, and its value (`NaN` when blank). */
  readonly column: string;
  readonly value: number;
  /** The text column, e.g. `power_as_stated`, and its text. */
  readonly statedColumn: string;
  readonly stated: string;
  /** Units the text may use, with their factor to the column's unit. */
  readonly units: Readonly<Record<string, number>>;
  /** When false, text without a number (e.g. "37% higher than S19 Pro") is allowed with a
   * blank value. */
  readonly required: boolean;
}

function checkAsStated(file: string, line: number, check: AsStated): void {
  const { column, value, statedColumn, stated, units, required } = check;
  const quantity = statedQuantity(stated, units);
  if (quantity === undefined) {
    if (!required && Number.isNaN(value)) return; // e.g. "37% higher than S19 Pro": no number
    throw new CsvError(
      file,
      line,
      statedColumn,
      `cannot read a number and unit (${Object.keys(units).join(", ")}) from ${quote(stated)}` +
        (Number.isNaN(value) ? "" : `, which ${column} = ${value} should restate`),
    );
  }
  if (Number.isNaN(value) || Math.abs(quantity.value - value) > AS_STATED_TOLERANCE * value) {
    throw new CsvError(
      file,
      line,
      column,
      `expected ${quantity.value} from ${statedColumn} ${quote(stated)}, found ` +
        (Number.isNaN(value) ? "an empty cell" : String(value)),
    );
  }
}

/** The facts rows, after checking each number against its as-stated text. */
function factsModels(input: RawInput): Located[] {
  const file = input.path;
  // Parsed without the final newline: parseCsv lets papaparse guess the delimiter, and the
  // empty last line can make it pick ";" on a small quoted file (papaparse 5.7.1).
  const { columns, rowCount, lines } = parseCsv(
    input.text.replace(/[\r\n]+$/, ""),
    ASIC_SPECS_SCHEMA,
    { file },
  );
  const out: Located[] = [];
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
    checkAsStated(file, line, {
      column: "hashrate_ths",
      value: hashrate,
      statedColumn: "hashrate_as_stated",
      stated: columns.hashrate_as_stated[i]!,
      units: HASHRATE_UNITS,
      required: true,
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
    if (efficiencyText !== "" || !Number.isNaN(stated)) {
      checkAsStated(file, line, {
        column: "efficiency_j_per_th",
        value: stated,
        statedColumn: "efficiency_as_stated",
        stated: efficiencyText,
        units: EFFICIENCY_UNITS,
        required: false,
      });
    }
    const computed = Number.isNaN(power) ? NaN : power / hashrate;
    if (!Number.isNaN(computed) && !Number.isNaN(stated)) {
      const statedText = statedQuantity(efficiencyText, EFFICIENCY_UNITS)!.number;
      if (!agreesWithStated(computed, statedText)) {
        throw new CsvError(
          file,
          line,
          "efficiency_j_per_th",
          `the source states ${stated} J/TH, but power_w ÷ hashrate_ths = ${power} ÷ ${hashrate} = ` +
            `${round(computed)} J/TH: more than the stated figure's rounding (±${
              roundingTolerance(statedText)
            })`,
        );
      }
    }
    const releaseText = columns.release_or_announce_as_stated[i]!;
    const notes = [
      `${columns.source_type[i]}: ${columns.source_title[i]}` +
      (columns.source_date[i] === "" ? "" : ` (${columns.source_date[i]})`),
      releaseText === "" ? "" : `release as stated: ${releaseText}`,
      Number.isNaN(stated) && efficiencyText !== ""
        ? `efficiency as stated: ${efficiencyText}`
        : "",
      columns.notes[i]!,
    ].filter((part) => part !== "");
    out.push({
      file,
      line,
      row: {
        manufacturer: columns.manufacturer[i]!,
        model: columns.model[i]!,
        release: releaseFromStatement(releaseText),
        hashrate_ths: hashrate,
        power_w: power,
        efficiency_j_per_th: computed,
        stated_efficiency_j_per_th: stated,
        source: columns.source_url[i]!,
        notes: notes.join("; "),
      },
    });
  }
  return out;
}

function checkUnique(rows: readonly Located[]): void {
  const seen = new Map<string, Located>();
  for (const located of rows) {
    const key = `${located.row.manufacturer}\u0000${located.row.model}`.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new CsvError(
        located.file,
        located.line,
        "model",
        `${quote(`${located.row.manufacturer} ${located.row.model}`)} is already listed at ` +
          `${first.file}:${first.line}; each manufacturer + model must appear once`,
      );
    }
    seen.set(key, located);
  }
}

/** Models as `"Antminer S21, S21 Hyd"`-style lists for the sources text. */
function names(rows: readonly AsicModel[]): string {
  return rows.length === 0 ? "none" : rows.map((r) => `${r.manufacturer} ${r.model}`).join("; ");
}

/** The `asic_models` section of `data/SOURCES.md`; every count and list is computed. */
function asicModelsSources(
  rows: readonly AsicModel[],
  f2pool: RawInput,
  facts: RawInput,
  f2poolCount: number,
): string {
  const fromF2pool = rows.slice(0, f2poolCount);
  const fromFacts = rows.slice(f2poolCount);
  const releases = rows.map((r) => r.release).filter((r) => r !== "").sort();
  const gap = (r: AsicModel) => Math.abs(r.efficiency_j_per_th - r.stated_efficiency_j_per_th);
  const widest = fromF2pool.reduce((a, b) => (gap(b) > gap(a) ? b : a));
  const halves = fromF2pool.filter((r) => gap(r) === 0.5);
  const smallest = fromF2pool.reduce((a, b) => (b.hashrate_ths < a.hashrate_ths ? b : a));
  const subTh = rows.filter((r) => r.hashrate_ths < 1);
  const noPower = rows.filter((r) =>
    Number.isNaN(r.power_w) && !Number.isNaN(r.stated_efficiency_j_per_th)
  );
  const weak = fromFacts.filter((r) => /\bweak\b/.test(r.notes));
  const renamed = fromF2pool.filter((r) => r.notes !== "")
    .map((r) => `  - ${r.model}: ${r.notes}.`);
  const lines = [
    "## `asic_models.csv`: Bitcoin (SHA-256) ASIC models",
    "",
    "One row per ASIC model: release month, nominal hashrate, power at the wall and efficiency.",
    "",
    `- **Origin:** ${f2poolCount} models from F2Pool's "Popular Mining Devices" page`,
    `  (${F2POOL_URL}) as of March 2020, as copied by github.com/mattk8/mining-data`,
    "  (`mining-devices.csv`, commit f4b94058100d9b501e3aa01e82d216bc91b74430; its README names",
    `  that page as the source); ${fromFacts.length} more models from \`facts/asic_specs.csv\`,`,
    "  hand-compiled from public pages, each row citing its page in `source`.",
    "- **Licence:** none stated by either. These are factual specifications (hashrate, watts,",
    "  month) used with citation: cite F2Pool (via mattk8/mining-data) and each row's `source`.",
    `- **Rows:** ${rows.length}; releases ${releases[0]} .. ${releases[releases.length - 1]}` +
    ` (${rows.length - releases.length} without a stated release).`,
    "- **Columns:** `manufacturer`, `model`; `release` (`YYYY-MM`, or `YYYY` when the source",
    "  states only a year, blank when it states neither); `hashrate_ths` (TH/s); `power_w` (W at",
    "  the wall); `efficiency_j_per_th` (J/TH, computed); `stated_efficiency_j_per_th` (J/TH, the",
    "  source's own figure); `source` (URL); `notes`.",
    "- **Derived:** `efficiency_j_per_th = power_w ÷ hashrate_ths` wherever both are stated.",
    "  `release` for F2Pool rows joins its `Year Released` and `Month Released`. For facts rows it",
    "  is read only from `release_or_announce_as_stated`: a month name with a year gives `YYYY-MM`",
    '  ("September 22-23 [2023]" → 2023-09); "released … in YYYY" gives `YYYY`; anything else',
    '  ("recently presented", "not available … until summer of 2022") leaves it blank.',
    "- **No invented power:** where a source gives hashrate and efficiency but no power",
    `  (${names(noPower)}), \`power_w\` and \`efficiency_j_per_th\` stay blank and the`,
    "  source's J/TH is kept in `stated_efficiency_j_per_th`. A power computed as efficiency ×",
    "  hashrate is the user's derivation, not a sourced figure.",
    "- **Checks at build:** F2Pool's `Unit Power (W/T)` (whole numbers) must agree with watts ÷",
    "  TH/s to its rounding: half a unit in the stated figure's last digit, ±0.5 here. All",
    `  ${f2poolCount} do; the widest gap is ${gap(widest)} (${widest.model}: ${widest.power_w} ÷ ` +
    `${widest.hashrate_ths} = ${widest.efficiency_j_per_th}, stated ${widest.stated_efficiency_j_per_th}),`,
    `  and ${halves.length} rows sit exactly on a half. In the facts file every \`hashrate_ths\`,`,
    "  `power_w` and `efficiency_j_per_th` must equal the number and unit of its as-stated text",
    "  (GH/s, TH/s, terahash; W, kW; J/TH, W/TH), and a stated efficiency must agree with power ÷",
    "  hashrate where both are given. No manufacturer + model pair may repeat.",
    "- **Units:** F2Pool's `Hashrate (T)` is TH/s. None of its devices is listed in another unit:",
    `  the smallest is ${smallest.model} at ${smallest.hashrate_ths} TH/s, and the W/T check`,
    "  would catch a GH/s value (1000× off). Models below 1 TH/s, converted from the facts file's",
    `  as-stated unit: ${
      subTh.map((r) =>
        `${r.model} (${r.hashrate_ths} TH/s, ${r.efficiency_j_per_th.toFixed(1)} J/TH)`
      )
        .join("; ") || "none"
    }.`,
    "- **Dropped:** F2Pool's `Device Age`, `Produced (24h)`, `Revenue (24h)`, `Daily Cost`,",
    "  `Profits (24h)` and `Electricity Cost Rate` columns: they are March-2020 market snapshots",
    "  (BTC price, difficulty, a power price), not specifications. The facts file's",
    "  `price_as_stated` is not carried (ASIC prices are in `asic_prices.csv`).",
    "- **Renamed:** where F2Pool uses one name for two listings, each such row gets F2Pool's own",
    '  variant suffix, "(14T)", from its listed hashrate:',
    ...(renamed.length === 0 ? ["  - none."] : renamed),
    "- **Caveats:** F2Pool's figures are nominal listings, not measurements. Facts rows from",
    `  pages the compiler marked weak: ${names(weak)}. Each facts row's \`notes\` starts with`,
    "  its source type and title.",
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    inputRow(
      { ...f2pool, path: F2POOL_DEVICES_INPUT },
      'F2Pool "Popular Mining Devices" via github.com/mattk8/mining-data `mining-devices.csv`, ' +
        "commit f4b94058100d9b501e3aa01e82d216bc91b74430",
    ),
    inputRow({ ...facts, path: ASIC_SPECS_INPUT }, "hand-compiled from the pages in `source`"),
    "",
    "Rebuild: `deno task data`",
  ];
  return lines.join("\n") + "\n";
}
