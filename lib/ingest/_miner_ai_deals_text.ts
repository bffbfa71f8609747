/**
 * Reading `facts/miner_ai_deals.csv`'s stated text, never guessing: the qualifier written before
 * a figure ("approximately 200 MW", "over $100 million") and the announcement date a text
 * supports. Internal to `lib/ingest`: the build applies them and SOURCES.md prints the rules.
 *
 * @module
 */
import { isIsoDate } from "../units/calendar.ts";
import { isDateOfForm } from "../data/csv.ts";
import type { FigureQualifier } from "../data/miner_ai_deals.ts";

/**
 * Words before a figure → its qualifier (the first rule that matches wins).
 *
 * @example
 * ```ts
 * import { QUALIFIER_RULES } from "./_miner_ai_deals_text.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(QUALIFIER_RULES.find((r) => r.pattern.test("in excess of "))?.qualifier, "at least");
 * ```
 */
export const QUALIFIER_RULES: readonly {
  readonly pattern: RegExp;
  readonly qualifier: FigureQualifier;
}[] = [
  {
    pattern: /(?:\bapproximately|\bapprox\.|\broughly|\babout|\baround|~)\s*$/i,
    qualifier: "approximately",
  },
  {
    pattern: /(?:\bover|\bmore than|\bexceeding|\bin excess of|\bat least)\s*$/i,
    qualifier: "at least",
  },
  { pattern: /\bup to\s*$/i, qualifier: "up to" },
];

const FIGURES = {
  MW: {
    pattern:
      /(\d[\d,]*(?:\.\d+)?)\s*-?\s*(?:(?:incremental|additional)\s+)?(mw|megawatts?|gw|gigawatts?)\b/gi,
    scale: (unit: string) => (unit.toLowerCase().startsWith("g") ? 1000 : 1),
  },
  // "$3.5 billion", "USD 9.7 billion", or spelt out: "1.2 billion dollars".
  USD: {
    pattern:
      /(?:\$|\bUSD\s*)(\d[\d,]*(?:\.\d+)?)\s*(billion|million|thousand|bn|b|m)?\b|(?<![\d.,$])(\d[\d,]*(?:\.\d+)?)\s*(billion|million|thousand)\s+(?:US\s+)?dollars\b/gi,
    scale: (unit: string) =>
      ({ billion: 1e9, bn: 1e9, b: 1e9, million: 1e6, m: 1e6, thousand: 1e3 })[
        unit.toLowerCase()
      ] ?? 1,
  },
} as const;

/**
 * Finds `value` among the figures stated in `text` (MW: "200 MW", "1.3 gigawatts", "120
 * incremental MW"; USD: "$3.5 billion", "USD 9.7 billion", "1.2 billion dollars") and returns
 * the qualifier written before it ({@linkcode QUALIFIER_RULES}), `""` when none, or `undefined`
 * when the text does not state the value.
 *
 * @example
 * ```ts
 * import { statedFigure } from "./_miner_ai_deals_text.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(statedFigure("more than 200 MW of critical IT load", { value: 200, unit: "MW" }), "at least");
 * assert.equal(statedFigure("approximately 1.3 gigawatts of gross power", { value: 1300, unit: "MW" }), "approximately");
 * assert.equal(statedFigure("estimated to generate $3.5 billion", { value: 3.5e9, unit: "USD" }), "");
 * assert.equal(statedFigure("roughly 1.2 billion dollars", { value: 1.2e9, unit: "USD" }), "approximately");
 * assert.equal(statedFigure("over $100 million", { value: 1e9, unit: "USD" }), undefined);
 * ```
 */
export function statedFigure(
  text: string,
  figure: { readonly value: number; readonly unit: keyof typeof FIGURES },
): FigureQualifier | "" | undefined {
  const { pattern, scale } = FIGURES[figure.unit];
  for (const match of text.matchAll(pattern)) {
    // The second form of a pattern captures into the third and fourth groups.
    const [number, unit] = match[1] !== undefined ? [match[1], match[2]] : [match[3]!, match[4]];
    const stated = Number(number.replaceAll(",", "")) * scale(unit ?? "");
    if (Math.abs(stated - figure.value) > 1e-9 * Math.abs(figure.value)) continue;
    const before = text.slice(0, match.index);
    return QUALIFIER_RULES.find((rule) => rule.pattern.test(before))?.qualifier ?? "";
  }
  return undefined;
}

// deno-fmt-ignore
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6,
  june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10,
  october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const pad = (n: number | string) => String(n).padStart(2, "0");

/**
 * The announcement date a stated text supports, never a guess: `YYYY-MM-DD` when it names
 * exactly one day (and any weekday it names agrees), `YYYY-MM` when it names only a month or
 * several days of one month, `""` otherwise (no date, dates in different months, or a weekday
 * that contradicts the day). Forms read: "June 3, 2024", "Oct. 22, 2024", "3 June 2024",
 * "June 2024", "2024-11-25", "2025/09/25", "20241118" (as in a URL) and "2024-11". A year in
 * square brackets ("May 6 [2026]") is the compiler's clarification of the page's text and
 * reads as if unbracketed.
 *
 * @example
 * ```ts
 * import { announcementDate } from "./_miner_ai_deals_text.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(announcementDate("contract entered into on June 3, 2024"), "2024-06-03");
 * assert.equal(announcementDate("June 2024 operational update"), "2024-06");
 * assert.equal(announcementDate("announced on May 6 [2026]"), "2026-05-06");
 * assert.equal(announcementDate("date 2024-11-25 (mirror); URL 20241118"), "2024-11");
 * assert.equal(announcementDate("date 2025-11-03 (Monday)"), "2025-11-03");
 * assert.equal(announcementDate("announced on Friday (page dated 2025-11-03)"), "");
 * assert.equal(announcementDate("announced Friday (date not in excerpt)"), "");
 * ```
 */
export function announcementDate(stated: string): string {
  const text = stated.replace(/\[(\d{4})\]/g, "$1");
  const days = new Set<string>();
  const months = new Set<string>();
  const addDay = (y: string, m: number | string, d: number | string) => {
    const day = `${y}-${pad(m)}-${pad(d)}`;
    if (!isIsoDate(day)) return;
    days.add(day);
    months.add(day.slice(0, 7));
  };
  const monthOf = (word: string) => MONTHS[word.toLowerCase()];
  for (const m of text.matchAll(/\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/g)) {
    const month = monthOf(m[1]!);
    if (month !== undefined) addDay(m[3]!, month, m[2]!);
  }
  for (const m of text.matchAll(/\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/g)) {
    const month = monthOf(m[2]!);
    if (month !== undefined) addDay(m[3]!, month, m[1]!);
  }
  for (const m of text.matchAll(/(?<!\d)(\d{4})([-/])(\d{2})\2(\d{2})(?!\d)/g)) {
    addDay(m[1]!, m[3]!, m[4]!);
  }
  for (const m of text.matchAll(/(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)/g)) {
    addDay(m[1]!, m[2]!, m[3]!);
  }
  for (const m of text.matchAll(/\b([A-Za-z]{3,9})\.?\s+(\d{4})\b/g)) {
    const month = monthOf(m[1]!);
    if (month !== undefined) months.add(`${m[2]}-${pad(month)}`);
  }
  for (const m of text.matchAll(/(?<![\d/-])(\d{4})-(\d{2})(?![\d/-])/g)) {
    if (isDateOfForm(`${m[1]}-${m[2]}`, ["YYYY-MM"])) months.add(`${m[1]}-${m[2]}`);
  }
  if (months.size !== 1) return "";
  const [month] = months;
  if (days.size !== 1) return month!;
  const [day] = days;
  const named = WEEKDAYS.filter((w) => new RegExp(`\\b${w}\\b`, "i").test(text));
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
  return named.length === 0 || named.includes(weekday) ? day! : "";
}
