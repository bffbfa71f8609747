/**
 * Telling a per-MW figure the source states from one the facts table derived as cost ÷ MW, and
 * re-doing that division. The facts table marks a derived figure by starting its notes with
 * "value DERIVED", followed by the division it made ("$128M / 18 MW gross"). Internal to
 * `lib/ingest`.
 *
 * @module
 */
import { CsvError, quote } from "../data/csv.ts";
import type { PerMwOrigin } from "../data/capex_per_mw.ts";

/** How the facts table's notes start on a row whose per-MW value it derived. */
export const DERIVED_MARKER = "value DERIVED";

const AMOUNT = String.raw`(\d[\d,]*(?:\.\d+)?)`;
/** "value DERIVED[ arithmetically]: [US]$<cost>[-<cost>][M|B] / <MW> MW". */
const DIVISION = new RegExp(
  String.raw`^value DERIVED(?: arithmetically)?: ((?:US)?\$${AMOUNT}(?:-${AMOUNT})?([MB])? / ` +
    String.raw`${AMOUNT} MW)\b`,
);
const SCALE = { "": 1, M: 1e6, B: 1e9 } as const;

/** A short, quoted excerpt of a long cell for an error message. */
function excerpt(text: string): string {
  return quote(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/**
 * Whether a row's per-MW `range` is stated by the source or derived by the facts table; for a
 * derived one, checks that the division in its notes gives `range` to the dollar. A metric or
 * unit that says "derived" without the notes' division is an error, as is a division that does
 * not give the value.
 *
 * @example
 * ```ts
 * import { perMwOrigin } from "./_capex_per_mw_derived.ts";
 * import assert from "node:assert/strict";
 *
 * const where = { file: "f.csv", line: 13 };
 * const bitfarms = {
 *   metric: "HPC conversion cost per MW (derived)",
 *   unit: "USD per MW gross",
 *   notes: "value DERIVED: $128M / 18 MW gross.",
 * };
 * assert.equal(perMwOrigin(bitfarms, { low: 7111111, high: 7111111 }, where), "cost ÷ MW");
 * assert.throws(
 *   () => perMwOrigin(bitfarms, { low: 7000000, high: 7000000 }, where),
 *   /f\.csv:13: column "value": \$128M \/ 18 MW is 7111111 USD per MW, found 7000000/,
 * );
 * const riot = { metric: "HPC retrofit capex", unit: "USD per MW critical IT", notes: "" };
 * assert.equal(perMwOrigin(riot, { low: 3.6e6, high: 3.6e6 }, where), "as stated");
 * ```
 */
export function perMwOrigin(
  cells: { readonly metric: string; readonly unit: string; readonly notes: string },
  range: { readonly low: number; readonly high: number },
  where: { readonly file: string; readonly line: number },
): PerMwOrigin {
  const { file, line } = where;
  const { notes } = cells;
  if (!notes.startsWith(DERIVED_MARKER)) {
    if (/\bderived\b/i.test(cells.metric) || /\bderived\b/i.test(cells.unit)) {
      throw new CsvError(
        file,
        line,
        "notes",
        `the metric or unit says "derived", so expected notes starting "${DERIVED_MARKER}: ` +
          `$<cost> / <MW> MW", found ${excerpt(notes)}`,
      );
    }
    return "as stated";
  }
  const match = DIVISION.exec(notes);
  if (match === null) {
    throw new CsvError(
      file,
      line,
      "notes",
      `expected the division as "${DERIVED_MARKER}: $<cost>[M|B] / <MW> MW" (e.g. "$128M / 18 ` +
        `MW"), found ${excerpt(notes)}`,
    );
  }
  const [, division, lowText, highText, unit, mwText] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    keyof typeof SCALE | undefined,
    string,
  ];
  const number = (text: string) => Number(text.replaceAll(",", ""));
  const scale = SCALE[unit ?? ""];
  const mw = number(mwText);
  const bounds = [
    [number(lowText) * scale / mw, range.low],
    [number(highText ?? lowText) * scale / mw, range.high],
  ] as const;
  for (const [expected, found] of bounds) {
    // The facts table rounds to the dollar.
    if (!(Math.abs(expected - found) <= 0.5)) {
      throw new CsvError(
        file,
        line,
        "value",
        `${division} is ${Math.round(expected)} USD per MW, found ${found}`,
      );
    }
  }
  return "cost ÷ MW";
}
