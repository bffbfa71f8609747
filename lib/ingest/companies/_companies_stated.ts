/**
 * Checking a company fact's value against the words it was read from (`figure_as_stated`):
 * the value must be one of the figures the text states, in the metric's unit, after only the
 * arithmetic the facts table allows (a scale word such as "million" or "bn", GW → MW, cents →
 * USD, a table "in thousands", a decimal comma as in "16,2 EH/s"). A number followed by another
 * unit ("3,418 BTC" for a USD metric, "69.8%") is never a candidate. Internal to `lib/ingest`.
 *
 * @module
 */
import { CsvError, quote } from "../../data/csv.ts";
import type { CompanyUnit } from "../../data/companies.ts";

/** A unit word after a number: the unit it names and its factor to that unit. */
interface UnitWord {
  readonly pattern: RegExp;
  readonly unit: CompanyUnit | "%";
  readonly factor: number;
}

/** Unit words, tried in order at the text following a number (and its scale word). */
const UNIT_WORDS: readonly UnitWord[] = [
  { pattern: /^(?:EH\/s|EH\b|EHuM\b|exahash)/i, unit: "EH/s", factor: 1 },
  { pattern: /^PH\/s/i, unit: "EH/s", factor: 1e-3 },
  { pattern: /^(?:GW\b|gigawatts?\b|ギガワット)/i, unit: "MW", factor: 1000 },
  { pattern: /^(?:MW\b|megawatts?\b|メガワット)/i, unit: "MW", factor: 1 },
  { pattern: /^(?:J\/TH|W\/TH|joules per terahash)/i, unit: "J/TH", factor: 1 },
  { pattern: /^(?:c\/kWh|cents?\b)/i, unit: "USD/kWh", factor: 0.01 },
  { pattern: /^(?:\/kWh|per kilowatt)/i, unit: "USD/kWh", factor: 1 },
  { pattern: /^(?:BTC\b|bitcoins?\b|coins\b)/i, unit: "BTC", factor: 1 },
  { pattern: /^ETH\b/, unit: "ETH", factor: 1 },
  { pattern: /^(?:shares\b|ordinary shares\b)/i, unit: "shares", factor: 1 },
  { pattern: /^(?:NVIDIA GPUs|GPUs)\b/i, unit: "GPUs", factor: 1 },
  { pattern: /^%/, unit: "%", factor: 1 },
];

/** Scale words after a number, and their factor. */
const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  mio: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  mrd: 1e9,
};
const SCALE = /^\s*(thousand|million|billion|mio|mrd|mn|bn|k|m|b)\.?(?![a-z])/i;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/**
 * A number not inside another: thousands in `,ddd` groups (with decimals), a decimal comma
 * with one or two digits ("16,2", "1,4"), a plain decimal, or a small number word.
 */
const NUMBER = new RegExp(
  String
    .raw`(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+,\d{1,2}(?!\d|,\d)|\d+(?:\.\d+)?)` +
    String.raw`|\b(${Object.keys(NUMBER_WORDS).join("|")})(?=[\s-]+[a-z])`,
  "gi",
);

/** A figure read from as-stated text. */
export interface StatedFigure {
  /** The number as written. */
  readonly written: string;
  /** The value in the metric's unit. */
  readonly value: number;
}

/**
 * Every figure `text` states that can be a value in `unit`: each number times its scale word
 * and the factor of a unit word after it; a number followed by another unit's word is left out.
 * With `thousands`, a number with neither scale nor unit word is also read in thousands.
 *
 * @example
 * ```ts
 * import { statedFigures } from "./_companies_stated.ts";
 * import assert from "node:assert/strict";
 *
 * const values = (text: string, unit: "MW" | "USD" | "EH/s" | "USD/kWh") =>
 *   statedFigures(text, unit).map((f) => f.value);
 * assert.deepEqual(values("fino a superare 1,4 gigawatt", "MW"), [1400]);
 * assert.deepEqual(values("the nearly two-gigawatt power portfolio", "MW"), [2000]);
 * assert.deepEqual(values("3,418 BTC worth $1.6 billion", "USD"), [1.6e9]);
 * assert.deepEqual(values("Hashrate 16,2 EH/s", "EH/s"), [16.2]);
 * // 3.7 × 0.01 is 0.037000000000000005 in floating point; the check allows for that.
 * assert.deepEqual(values("3.7c/kWh 3.8c/kWh", "USD/kWh").map((v) => +v.toFixed(6)), [0.037, 0.038]);
 * assert.deepEqual(values("const CASH = 458_097_000;", "USD"), [458_097_000]);
 * ```
 */
export function statedFigures(
  text: string,
  unit: CompanyUnit,
  options: { readonly thousands?: boolean } = {},
): StatedFigure[] {
  const normalised = text.replace(/(\d)_(?=\d)/g, "$1").replaceAll("\u00a0", " ");
  const figures: StatedFigure[] = [];
  for (const match of normalised.matchAll(NUMBER)) {
    const written = match[0];
    const number = match[2] !== undefined ? NUMBER_WORDS[match[2].toLowerCase()]! : Number(
      /^\d+,\d{1,2}$/.test(written) ? written.replace(",", ".") : written.replaceAll(",", ""),
    );
    let rest = normalised.slice(match.index + written.length);
    let scale = 1;
    const scaleWord = SCALE.exec(rest);
    if (scaleWord !== null) {
      scale = SCALES[scaleWord[1]!.toLowerCase()]!;
      rest = rest.slice(scaleWord[0].length);
    }
    rest = rest.replace(/^[\s-]*/, "");
    const unitWord = UNIT_WORDS.find((u) => u.pattern.test(rest));
    if (unitWord !== undefined) {
      const value = number * scale * unitWord.factor;
      if (unitWord.unit === unit) figures.push({ written, value });
      continue;
    }
    figures.push({ written, value: number * scale });
    if (options.thousands === true && scaleWord === null) {
      figures.push({ written, value: number * 1000 });
    }
  }
  return figures;
}

/** Where the facts table says a figure is in thousands ("[USD thousands]", "(amounts in thousands)"). */
export const THOUSANDS_CUE = /\bthousands\b/i;

/** Relative difference allowed between a value and the stated figure it restates. */
const TOLERANCE = 1e-9;

/**
 * Checks that `value` restates one of the figures of `figure` in `unit`; a table in thousands
 * is read so only where `figure`, `basis` or `notes` say "thousands". Throws a
 * {@linkcode CsvError} on column `value` naming the value and the figures the text states.
 *
 * @example
 * ```ts
 * import { checkStatedFigure } from "./_companies_stated.ts";
 * import assert from "node:assert/strict";
 *
 * const fact = {
 *   value: 1_030_000_000, unit: "USD", basis: "", notes: "",
 *   figure: "compared with $1.03 billion as of Sept. 30, 2025",
 * } as const;
 * checkStatedFigure("f.csv", 160, fact);
 * assert.throws(
 *   () => checkStatedFigure("f.csv", 160, { ...fact, value: 1_300_000_000 }),
 *   /^CsvError: f\.csv:160: column "value": 1300000000 USD is not a figure of figure_as_stated "compared with \$1\.03 billion/,
 * );
 * ```
 */
export function checkStatedFigure(
  file: string,
  line: number,
  fact: {
    readonly value: number;
    readonly unit: CompanyUnit;
    readonly figure: string;
    readonly basis: string;
    readonly notes: string;
  },
): void {
  const { value, unit, figure } = fact;
  const thousands = [figure, fact.basis, fact.notes].some((text) => THOUSANDS_CUE.test(text));
  const figures = statedFigures(figure, unit, { thousands });
  if (figures.some((f) => Math.abs(f.value - value) <= TOLERANCE * Math.abs(value))) return;
  const shown = [...new Set(figures.map((f) => f.value))].slice(0, 8);
  throw new CsvError(
    file,
    line,
    "value",
    `${value} ${unit} is not a figure of figure_as_stated ${quote(figure)}` +
      (shown.length === 0
        ? `, which states no number in ${unit}`
        : ` (it states ${shown.join(", ")}${
          figures.length > shown.length ? ", …" : ""
        } in ${unit})`),
  );
}
