/**
 * Reading a decimal number from text, the counterpart of `format_number.ts`: the plain form a
 * data file holds, told from the other forms `Number()` also reads, and the exact powers of ten
 * that let a parser build the commonest decimals from their digits.
 *
 * @module
 */

/** 10^k for k from 0 to 22: the powers of ten a double holds exactly. */
export const POWERS_OF_TEN: readonly number[] = Array.from(
  { length: 23 },
  (_, k) => Number(`1e${k}`),
);

/**
 * The number that the plain decimal in `text` from `start` to `end` spells (`-12.5`, `.5`, `5.`,
 * `1e-3`), as `Number()` reads it, or `NaN` for anything else: `Number()` also reads spaces,
 * `0x1F`, `Infinity`, and `""` as 0, none of which a data cell may hold.
 *
 * @example
 * ```ts
 * import { decimalAt } from "./decimal.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(decimalAt("2024-04-20,-12.5e3,144", 11, 18), -12500);
 * assert.equal(decimalAt(".5"), 0.5);
 * assert.ok(Number.isNaN(decimalAt("0x1F")) && Number.isNaN(decimalAt(" 1")));
 * ```
 */
export function decimalAt(text: string, start = 0, end: number = text.length): number {
  let i = start, c = text.charCodeAt(i), digits = 0, point = false;
  if (c === 43 || c === 45) c = text.charCodeAt(++i); // + -
  for (; i < end && ((c >= 48 && c <= 57) || (c === 46 && !point)); c = text.charCodeAt(++i)) {
    if (c === 46) point = true;
    else digits++;
  }
  if (digits === 0) return NaN;
  if (i < end) {
    if (c !== 101 && c !== 69) return NaN; // e E: an exponent, digits after an optional sign
    c = text.charCodeAt(++i);
    if (c === 43 || c === 45) c = text.charCodeAt(++i);
    const from = i;
    while (i < end && c >= 48 && c <= 57) c = text.charCodeAt(++i);
    if (i < end || i === from) return NaN;
  }
  return Number(start === 0 && end === text.length ? text : text.slice(start, end));
}
