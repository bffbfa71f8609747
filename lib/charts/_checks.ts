/**
 * Checks shared by the chart builders: row fields (errors naming the option and the field) and
 * cosmetic options (a warning and the default, never an error: charts fail softly).
 *
 * Two message styles live here, each kept word for word so that no builder's messages change:
 * column, waterfall, stacked area and table say `field "y" in row 3 is "x"` and
 * `columnSpec: width -5 is out of range; using 680`; scatter, fan chart, heat map and tornado
 * say `expected a finite number in rows[3].y` and `Ignoring width: expected a number > 0`.
 *
 * @module
 */
import { message, warn } from "./_messages.ts";

/** d3-format's own specifier grammar: [[fill]align][sign][symbol][0][width][,][.precision][~][type]. */
const D3_FORMAT = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;
/** The types d3-format knows; d3 reads any other letter as "g" without a word. */
const D3_TYPES = "bcdefgnoprsxX%";

/**
 * A value as it reads in a message: numbers as numbers (`NaN`, not `null`), the rest as JSON.
 *
 * @example
 * ```ts
 * import { show } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([show(NaN), show("MW"), show(undefined)], ["NaN", '"MW"', "undefined"]);
 * ```
 */
export function show(value: unknown): string {
  return typeof value === "number" ? String(value) : JSON.stringify(value) ?? String(value);
}

/**
 * Whether `value` can be a width or height in pixels: a finite number > 0.
 *
 * @example
 * ```ts
 * import { isSize } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(isSize(680) && !isSize(0) && !isSize(Infinity) && !isSize("680"));
 * ```
 */
export function isSize(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

/**
 * Whether `value` parses as a d3 number format (d3's own grammar, so any type letter passes).
 *
 * @example
 * ```ts
 * import { isD3Format } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(isD3Format("$,.2s") && isD3Format(".1%") && isD3Format(""));
 * assert.ok(!isD3Format("dollars") && !isD3Format(2));
 * ```
 */
export function isD3Format(value: unknown): value is string {
  return typeof value === "string" && D3_FORMAT.test(value);
}

/**
 * A checker of cosmetic options for `builder`: an out-of-range value gets one warning
 * (`"columnSpec: width -5 is out of range; using 680"`) and the default.
 *
 * @example
 * ```ts
 * import { cosmeticWarner, isSize } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * const cosmetic = cosmeticWarner("demoSpec");
 * assert.equal(cosmetic(300, "width", 680, isSize), 300);
 * assert.equal(cosmetic(undefined, "width", 680, isSize), 680);
 * const [warn, seen] = [console.warn, [] as string[]];
 * console.warn = (message: string) => void seen.push(message);
 * assert.equal(cosmetic(-5, "width", 680, isSize), 680);
 * console.warn = warn;
 * assert.deepEqual(seen, ["demoSpec: width -5 is out of range; using 680"]);
 * ```
 */
export function cosmeticWarner(
  builder: string,
): <T>(value: T | undefined, option: string, fallback: T, ok: (v: unknown) => boolean) => T {
  return (value, option, fallback, ok) => {
    if (value === undefined) return fallback;
    if (ok(value)) return value;
    warn(message.optionOutOfRange(builder, option, show(value), show(fallback)));
    return fallback;
  };
}

/**
 * Row `i`'s `field`, read for `option`; a TypeError when the row lacks it.
 *
 * @example
 * ```ts
 * import { cell } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(cell({ mw: 200 }, "y", "mw", 0), 200);
 * assert.throws(() => cell({ mw: 200 }, "y", "MW" as "mw", 3), {
 *   name: "TypeError",
 *   message: 'Cannot use y: field "MW" is missing from row 3',
 * });
 * ```
 */
export function cell<Row>(row: Row, option: string, field: keyof Row & string, i: number): unknown {
  if (row === null || typeof row !== "object" || !(field in row)) {
    throw new TypeError(`Cannot use ${option}: field "${field}" is missing from row ${i}`);
  }
  return row[field];
}

/**
 * Row `i`'s `field` as a finite number; a TypeError naming the option, field and row otherwise.
 *
 * @example
 * ```ts
 * import { finiteAt } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(finiteAt({ mw: 200 }, "y", "mw", 0), 200);
 * assert.throws(() => finiteAt({ mw: NaN }, "y", "mw", 2),
 *   /^TypeError: Cannot use y: field "mw" in row 2 is NaN, expected a finite number$/);
 * ```
 */
export function finiteAt<Row>(
  row: Row,
  option: string,
  field: keyof Row & string,
  i: number,
): number {
  const value = cell(row, option, field, i);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(
      `Cannot use ${option}: field "${field}" in row ${i} is ${
        show(value)
      }, expected a finite number`,
    );
  }
  return value;
}

/**
 * Row `i`'s `field` as non-empty text; a TypeError naming the option, field and row otherwise.
 *
 * @example
 * ```ts
 * import { textAt } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(textAt({ use: "AI/HPC" }, "series", "use", 0), "AI/HPC");
 * assert.throws(() => textAt({ use: "" }, "series", "use", 1),
 *   /^TypeError: Cannot use series: field "use" in row 1 is "", expected text$/);
 * ```
 */
export function textAt<Row>(
  row: Row,
  option: string,
  field: keyof Row & string,
  i: number,
): string {
  const value = cell(row, option, field, i);
  if (typeof value !== "string" || value === "") {
    throw new TypeError(
      `Cannot use ${option}: field "${field}" in row ${i} is ${show(value)}, expected text`,
    );
  }
  return value;
}

/**
 * The `field` of every row, read for `option`; a TypeError naming the row when one lacks the
 * field or, with `numeric`, holds no finite number.
 *
 * @example
 * ```ts
 * import { fieldValues } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(fieldValues([{ v: 1 }, { v: 2 }], "value", "v", true), [1, 2]);
 * assert.throws(() => fieldValues([{ v: 1 }, {}], "value", "v", false),
 *   /^TypeError: Cannot use value: field "v" is missing from rows\[1\]$/);
 * assert.throws(() => fieldValues([{ v: "1" }], "value", "v", true),
 *   /^TypeError: Cannot use value: expected a finite number in rows\[0\]\.v, got 1$/);
 * ```
 */
export function fieldValues(
  rows: readonly object[],
  option: string,
  field: string,
  numeric: boolean,
): unknown[] {
  return rows.map((row, i) => {
    if (row === null || typeof row !== "object" || !(field in row)) {
      throw new TypeError(`Cannot use ${option}: field "${field}" is missing from rows[${i}]`);
    }
    const value = (row as Record<string, unknown>)[field];
    return numeric ? finite(value, option, `rows[${i}].${field}`) : value;
  });
}

/**
 * The `field` of every row as finite numbers, > 0 for a `log` axis: a missing field anywhere is
 * reported first, then the first bad value.
 *
 * @example
 * ```ts
 * import { finiteNumbers } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(finiteNumbers([{ mw: 200 }, { mw: 0 }], "x", "mw", false), [200, 0]);
 * assert.throws(() => finiteNumbers([{ mw: 200 }, { mw: 0 }], "x", "mw", true),
 *   /^RangeError: Cannot use x on a log scale: expected a value > 0 in rows\[1\]\.mw, got 0$/);
 * ```
 */
export function finiteNumbers(
  rows: readonly object[],
  option: string,
  field: string,
  log: boolean,
): number[] {
  return fieldValues(rows, option, field, false).map((value, i) => {
    const v = finite(value, option, `rows[${i}].${field}`);
    if (log && v <= 0) {
      throw new RangeError(
        `Cannot use ${option} on a log scale: expected a value > 0 in rows[${i}].${field}, got ${v}`,
      );
    }
    return v;
  });
}

function finite(value: unknown, option: string, where: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  throw new TypeError(
    `Cannot use ${option}: expected a finite number in ${where}, got ${String(value)}`,
  );
}

/**
 * A width or height option: a finite number > 0, else a warning and `fallback`.
 *
 * @example
 * ```ts
 * import { sizeOption } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sizeOption("width", 330, 680), 330);
 * assert.equal(sizeOption("width", undefined, 680), 680);
 * const [warn, seen] = [console.warn, [] as string[]];
 * console.warn = (message: string) => void seen.push(message);
 * assert.equal(sizeOption("height", 0, 260), 260);
 * console.warn = warn;
 * assert.deepEqual(seen, ["Ignoring height: expected a number > 0, got 0; using 260"]);
 * ```
 */
export function sizeOption(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (isSize(value)) return value;
  warn(message.sizeOutOfRange(option, value, fallback));
  return fallback;
}

/**
 * A d3 number format option with a type d3 knows (`"$,.2s"`, `".1%"`), else a warning and
 * `fallback`.
 *
 * @example
 * ```ts
 * import { formatOption } from "./_checks.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(formatOption("yFormat", "$.3s", ",.0f"), "$.3s");
 * const [warn, seen] = [console.warn, [] as string[]];
 * console.warn = (message: string) => void seen.push(message);
 * assert.equal(formatOption("yFormat", ".2z", ",.0f"), ",.0f");
 * console.warn = warn;
 * assert.deepEqual(seen, ['Ignoring yFormat: expected a d3 number format, got ".2z"; using ",.0f"']);
 * ```
 */
export function formatOption(option: string, format: string | undefined, fallback: string): string {
  if (format === undefined) return fallback;
  // d3's grammar, and a type d3 knows ("" when none): `D3_TYPES.includes("")` holds.
  const type = isD3Format(format) ? D3_FORMAT.exec(format)![10] ?? "" : undefined;
  if (type !== undefined && D3_TYPES.includes(type)) return format;
  warn(message.badNumberFormat(option, format, fallback));
  return fallback;
}
