/**
 * Builds `data/miner_ai_deals.csv` from the hand-compiled `facts/miner_ai_deals.csv`: keeps
 * every stated column verbatim, reads the announcement date, the figures' qualifiers, the
 * capacity basis, the event kind and the structure from the stated text by the explicit rules
 * below, and derives the F6 revenue intensity where a contract states one base-term value.
 *
 * @module
 */
import { CsvError, isIsoDate, parseCsv, quote, type Schema } from "./csv.ts";
import { formatCsv } from "./csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  inputRow,
  INPUTS_TABLE_HEADER,
  readRawInput,
} from "./dataset_build.ts";
import {
  type CapacityBasis,
  contractRevenueIntensity,
  type EventKind,
  type FigureQualifier,
  hasRevenueIntensity,
  isDayOrMonth,
  MINER_AI_DEALS_SCHEMA,
  type MinerAiDeal,
  minerAiDealsFromCsv,
  type Structure,
} from "./miner_ai_deals.ts";

/** The input, relative to the source folder. */
export const MINER_AI_DEALS_INPUT = "facts/miner_ai_deals.csv";

/** Columns of the input `facts/miner_ai_deals.csv`, in its order. */
export const MINER_AI_DEALS_INPUT_SCHEMA = [
  { name: "deal_id", type: "string" },
  { name: "company", type: "string" },
  { name: "counterparty", type: "string", optional: true },
  { name: "guarantor_or_end_user", type: "string", optional: true },
  { name: "site", type: "string", optional: true },
  { name: "event_type", type: "string" },
  { name: "announcement_date_as_stated", type: "string", optional: true },
  { name: "capacity_as_stated", type: "string", optional: true },
  { name: "capacity_mw", type: "number", optional: true, min: 0 },
  { name: "capacity_basis", type: "string", optional: true },
  { name: "contract_value_as_stated", type: "string", optional: true },
  { name: "contract_value_usd", type: "number", optional: true, min: 0 },
  { name: "term_years", type: "number", optional: true, min: 0 },
  { name: "extension_options_as_stated", type: "string", optional: true },
  { name: "other_terms_as_stated", type: "string", optional: true },
  { name: "source_url", type: "string" },
  { name: "source_title", type: "string" },
  { name: "source_date", type: "string", optional: true },
  { name: "notes", type: "string", optional: true },
] as const satisfies Schema;

/**
 * The input's `capacity_basis` wordings and what each means. A wording not listed is an error:
 * add it here, with its meaning, rather than let a new wording pass unread.
 */
export const CAPACITY_BASIS_BY_WORDING: Readonly<Record<string, CapacityBasis>> = {
  "critical IT": "critical IT",
  "critical IT load": "critical IT",
  "critical IT load (100 MW gross)": "critical IT",
  "critical IT load (lower bound); ~250 MW gross per zioncoins": "critical IT",
  "critical IT load (total committed)": "critical IT",
  "IT capacity": "critical IT",
  // The compiler's clarification: later Core Scientific releases count this 200 MW in their
  // "approximately 500 Megawatts of Critical IT Load".
  "infrastructure (critical IT load per later releases)": "critical IT",
  "gross power": "gross",
  "as stated": "unspecified",
  "as stated (MW)": "unspecified",
  "as stated (MW capacity)": "unspecified",
  "as stated (lower bound)": "unspecified",
};

/** `event_type` → `event_kind`: the first rule whose pattern matches wins. */
export const EVENT_KIND_RULES: readonly { readonly pattern: RegExp; readonly kind: EventKind }[] = [
  { pattern: /groundbreaking|break(?:s)? ground/i, kind: "groundbreaking" },
  { pattern: /rejected|terminated/i, kind: "acquisition terminated" },
  { pattern: /acquisition|merger/i, kind: "acquisition agreement" },
  { pattern: /lease|hosting|colocation|contract|option exercise/i, kind: "contract" },
];

/**
 * Structure of a contract. A rent basis (triple net, modified gross) may be named in
 * `event_type`, `other_terms_as_stated` or `notes`; otherwise the kind of deal is read from
 * `event_type` alone. The first rule that matches wins; none leaves `structure` blank.
 */
export const STRUCTURE_RULES: readonly {
  readonly pattern: RegExp;
  readonly structure: Structure;
  readonly in: "any stated text" | "event_type";
}[] = [
  { pattern: /triple[- ]net|\bNNN\b/i, structure: "lease NNN", in: "any stated text" },
  { pattern: /modified[- ]gross/i, structure: "lease modified gross", in: "any stated text" },
  { pattern: /GPU[- ]cloud|GPU-as-a-service/i, structure: "GPU cloud", in: "event_type" },
  { pattern: /colocation/i, structure: "colocation", in: "event_type" },
  { pattern: /\blease/i, structure: "lease", in: "event_type" },
  { pattern: /hosting/i, structure: "hosting", in: "event_type" },
];

/** Words before a figure → its qualifier (the first rule that matches wins). */
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
  USD: {
    pattern: /(?:\$|\bUSD\s*)(\d[\d,]*(?:\.\d+)?)\s*(billion|million|thousand|bn|b|m)?\b/gi,
    scale: (unit: string) =>
      ({ billion: 1e9, bn: 1e9, b: 1e9, million: 1e6, m: 1e6, thousand: 1e3 })[
        unit.toLowerCase()
      ] ?? 1,
  },
} as const;

/**
 * Finds `value` among the figures stated in `text` (MW: "200 MW", "1.3 gigawatts", "120
 * incremental MW"; USD: "$3.5 billion", "USD 9.7 billion") and returns the qualifier written
 * before it ({@linkcode QUALIFIER_RULES}), `""` when none, or `undefined` when the text does
 * not state the value.
 *
 * @example
 * ```ts
 * import { statedFigure } from "./miner_ai_deals_build.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(statedFigure("more than 200 MW of critical IT load", { value: 200, unit: "MW" }), "at least");
 * assert.equal(statedFigure("approximately 1.3 gigawatts of gross power", { value: 1300, unit: "MW" }), "approximately");
 * assert.equal(statedFigure("estimated to generate $3.5 billion", { value: 3.5e9, unit: "USD" }), "");
 * assert.equal(statedFigure("over $100 million", { value: 1e9, unit: "USD" }), undefined);
 * ```
 */
export function statedFigure(
  text: string,
  figure: { readonly value: number; readonly unit: keyof typeof FIGURES },
): FigureQualifier | "" | undefined {
  const { pattern, scale } = FIGURES[figure.unit];
  for (const match of text.matchAll(pattern)) {
    const stated = Number(match[1]!.replaceAll(",", "")) * scale(match[2] ?? "");
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
 * "June 2024", "2024-11-25", "2025/09/25", "20241118" (as in a URL) and "2024-11".
 *
 * @example
 * ```ts
 * import { announcementDate } from "./miner_ai_deals_build.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(announcementDate("contract entered into on June 3, 2024"), "2024-06-03");
 * assert.equal(announcementDate("June 2024 operational update"), "2024-06");
 * assert.equal(announcementDate("date 2024-11-25 (mirror); URL 20241118"), "2024-11");
 * assert.equal(announcementDate("date 2025-11-03 (Monday)"), "2025-11-03");
 * assert.equal(announcementDate("announced on Friday (page dated 2025-11-03)"), "");
 * assert.equal(announcementDate("announced Friday (date not in excerpt)"), "");
 * ```
 */
export function announcementDate(text: string): string {
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
    if (isDayOrMonth(`${m[1]}-${m[2]}`)) months.add(`${m[1]}-${m[2]}`);
  }
  if (months.size !== 1) return "";
  const [month] = months;
  if (days.size !== 1) return month!;
  const [day] = days;
  const named = WEEKDAYS.filter((w) => new RegExp(`\\b${w}\\b`, "i").test(text));
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
  return named.length === 0 || named.includes(weekday) ? day! : "";
}

/** One input row, keyed by the input's header. */
type InputRow = {
  readonly [C in typeof MINER_AI_DEALS_INPUT_SCHEMA[number] as C["name"]]: C extends
    { type: "string" } ? string : number;
};

/**
 * Builds `data/miner_ai_deals.csv` and its SOURCES.md section from
 * `<sourceDir>/facts/miner_ai_deals.csv`. Writes nothing. Every cell used is checked: a bad one
 * is a {@linkcode CsvError} naming the input file, line, column, value and what was expected.
 *
 * @example
 * ```ts
 * import { buildMinerAiDeals } from "./miner_ai_deals_build.ts";
 * import assert from "node:assert/strict";
 *
 * const built = await buildMinerAiDeals({ sourceDir: "../shared/data", log: () => {} })
 *   .catch(() => undefined); // the public inputs live outside the project
 * if (built !== undefined) {
 *   assert.equal(built.file, "miner_ai_deals.csv");
 *   assert.match(built.sources, /^## `miner_ai_deals\.csv`/);
 * }
 * ```
 */
export async function buildMinerAiDeals(options: DatasetBuildOptions = {}): Promise<BuiltDataset> {
  const sourceDir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const input = await readRawInput(`${sourceDir}/${MINER_AI_DEALS_INPUT}`);
  const file = input.path;
  const { columns, rowCount, lines } = parseCsv(input.text, MINER_AI_DEALS_INPUT_SCHEMA, { file });
  const rows: MinerAiDeal[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < rowCount; i++) {
    const line = lines[i]!;
    const stated = Object.fromEntries(
      MINER_AI_DEALS_INPUT_SCHEMA.map(({ name }) => [name, columns[name][i]!]),
    ) as InputRow;
    const first = seen.get(stated.deal_id);
    if (first !== undefined) {
      throw new CsvError(
        file,
        line,
        "deal_id",
        `${quote(stated.deal_id)} repeats line ${first}; expected a unique deal_id`,
      );
    }
    seen.set(stated.deal_id, line);
    rows.push(toDeal(stated, (column, what) => new CsvError(file, line, column, what)));
  }
  const csv = formatCsv(MINER_AI_DEALS_SCHEMA, rows);
  minerAiDealsFromCsv(csv, { file: "miner_ai_deals.csv (built)" });
  (options.log ?? console.log)(`miner_ai_deals.csv: ${rows.length} rows from ${file}`);
  return {
    file: "miner_ai_deals.csv",
    csv,
    // The inputs table names the input as SOURCES.md does, whatever folder it was read from.
    sources: sourcesSection(
      rows,
      inputRow({ ...input, path: MINER_AI_DEALS_INPUT }, "hand-compiled from public web pages"),
    ),
    rows: rows.length,
  };
}

/** One output row from one input row; `fail` makes the error for a column of this line. */
function toDeal(s: InputRow, fail: (column: string, what: string) => CsvError): MinerAiDeal {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(s.deal_id)) {
    throw fail("deal_id", `expected letters, digits and hyphens, found ${quote(s.deal_id)}`);
  }
  if (!/^https?:\/\/\S+$/.test(s.source_url)) {
    throw fail("source_url", `expected an http(s) URL, found ${quote(s.source_url)}`);
  }
  if (s.source_date !== "" && !isDayOrMonth(s.source_date)) {
    throw fail(
      "source_date",
      `expected YYYY-MM-DD, YYYY-MM or blank, found ${quote(s.source_date)}`,
    );
  }
  const kind = EVENT_KIND_RULES.find((r) => r.pattern.test(s.event_type))?.kind;
  if (kind === undefined) {
    throw fail(
      "event_type",
      `expected an event type EVENT_KIND_RULES can classify, found ${quote(s.event_type)}`,
    );
  }
  const date = announcementDate(s.announcement_date_as_stated);
  const shared = Math.min(date.length, s.source_date.length);
  if (shared > 0 && date.slice(0, shared) > s.source_date.slice(0, shared)) {
    throw fail(
      "announcement_date_as_stated",
      `${quote(s.announcement_date_as_stated)} reads as ${date}, after source_date ` +
        `${s.source_date}; expected a date on or before the page's`,
    );
  }
  for (const column of ["capacity_mw", "term_years"] as const) {
    if (s[column] === 0) throw fail(column, 'expected a positive number or blank, found "0"');
  }
  const capacity = figure(s, "capacity_mw", "capacity_as_stated", "MW", fail);
  const value = figure(s, "contract_value_usd", "contract_value_as_stated", "USD", fail);
  const wording = s.capacity_basis;
  let basis: CapacityBasis | "" = "";
  if (!Number.isNaN(s.capacity_mw)) {
    const mapped = Object.hasOwn(CAPACITY_BASIS_BY_WORDING, wording)
      ? CAPACITY_BASIS_BY_WORDING[wording]
      : undefined;
    if (mapped === undefined) {
      throw fail(
        "capacity_basis",
        `expected a wording listed in CAPACITY_BASIS_BY_WORDING, found ${quote(wording)}`,
      );
    }
    basis = mapped;
  } else if (wording !== "") {
    throw fail(
      "capacity_basis",
      `expected blank when capacity_mw is blank, found ${quote(wording)}`,
    );
  }
  const texts = [s.event_type, s.other_terms_as_stated, s.notes];
  const structure = kind === "contract"
    ? STRUCTURE_RULES.find((r) =>
      (r.in === "event_type" ? [s.event_type] : texts).some((t) => r.pattern.test(t))
    )?.structure ?? ""
    : "";
  const terms = {
    event_kind: kind,
    contract_value_usd: s.contract_value_usd,
    term_years: s.term_years,
    capacity_mw: s.capacity_mw,
  };
  const intensity = hasRevenueIntensity(terms)
    ? contractRevenueIntensity({
      contractValueUsd: s.contract_value_usd,
      termYears: s.term_years,
      capacityMw: s.capacity_mw,
    })
    : { usdPerMwYear: NaN, usdPerKwMonth: NaN };
  return {
    deal_id: s.deal_id,
    company: s.company,
    counterparty: s.counterparty,
    guarantor_or_end_user: s.guarantor_or_end_user,
    site: s.site,
    event_type: s.event_type,
    event_kind: kind,
    announcement_date: date,
    announcement_date_as_stated: s.announcement_date_as_stated,
    capacity_as_stated: s.capacity_as_stated,
    capacity_mw: s.capacity_mw,
    capacity_qualifier: capacity,
    capacity_basis: basis,
    capacity_basis_as_stated: wording,
    contract_value_as_stated: s.contract_value_as_stated,
    contract_value_usd: s.contract_value_usd,
    contract_value_qualifier: value,
    term_years: s.term_years,
    structure,
    extension_options_as_stated: s.extension_options_as_stated,
    other_terms_as_stated: s.other_terms_as_stated,
    usd_per_mw_year: intensity.usdPerMwYear,
    usd_per_kw_month: intensity.usdPerKwMonth,
    source_url: s.source_url,
    source_title: s.source_title,
    source_date: s.source_date,
    notes: s.notes,
  };
}

/** The qualifier of a number column's figure, which its `_as_stated` column must state. */
function figure(
  s: InputRow,
  column: "capacity_mw" | "contract_value_usd",
  statedColumn: "capacity_as_stated" | "contract_value_as_stated",
  unit: "MW" | "USD",
  fail: (column: string, what: string) => CsvError,
): FigureQualifier | "" {
  const value = s[column];
  if (Number.isNaN(value)) return "";
  const qualifier = statedFigure(s[statedColumn], { value, unit });
  if (qualifier === undefined) {
    throw fail(
      column,
      `${value} is not stated in ${statedColumn} ${quote(s[statedColumn])}; expected ` +
        `${unit === "MW" ? "an MW or GW" : "a $ or USD"} figure there equal to it`,
    );
  }
  return qualifier;
}

/** The SOURCES.md section: origin, licence, columns, the rules above, caveats and the input. */
function sourcesSection(rows: readonly MinerAiDeal[], input: string): string {
  const dates = rows.map((r) => r.announcement_date).filter((d) => d !== "").sort();
  const derived = rows.filter((r) => !Number.isNaN(r.usd_per_mw_year));
  const bound = (r: MinerAiDeal) => {
    const upper = r.capacity_qualifier === "at least" || r.contract_value_qualifier === "up to";
    const lower = r.capacity_qualifier === "up to" || r.contract_value_qualifier === "at least";
    return upper === lower ? "" : upper ? "an upper bound" : "a lower bound";
  };
  const code = (text: string) => `\`${text}\``;
  const lines = [
    "## `miner_ai_deals.csv`: AI/HPC deals disclosed by Bitcoin miners",
    "",
    "One row per disclosed event: hosting, colocation and lease contracts, a GPU-cloud contract,",
    "option exercises and expansions, and events without terms (an acquisition agreement and its",
    "termination, a groundbreaking), with the F6 revenue intensity where a contract states one",
    "base-term value.",
    "",
    "- **Origin:** compiled by hand from public web pages (company releases, SEC exhibits, trade",
    "  press, some aggregators) by the project's data scout; every row carries `source_url`,",
    "  `source_title` and `source_date`. The compiler's words: \"Where a page showed no date,",
    "  source_date is blank. Bracketed words inside a quoted figure are clarifications added when",
    '  compiling. Nothing was estimated. A blank means the source did not state it."',
    "- **Licence:** none claimed: short factual figures, each with its citation. Cite the row's",
    "  `source_url` (attribution: the publisher of that page).",
    `- **Rows:** ${rows.length}; announcement dates ${dates[0]} .. ${dates.at(-1)} ` +
    `(${rows.length - dates.length} rows have none); F6 derived for ${derived.length} rows.`,
    "- **Columns:** `deal_id` (unique); `company`, `counterparty`, `guarantor_or_end_user`, `site`,",
    "  `event_type` (verbatim); `event_kind`; `announcement_date` (`YYYY-MM-DD`, or `YYYY-MM`);",
    "  `capacity_mw` (MW) with `capacity_qualifier` and `capacity_basis` (critical IT, gross or",
    "  unspecified); `contract_value_usd` (USD, one base-term value, as compiled) with",
    "  `contract_value_qualifier`; `term_years` (years); `structure`; `usd_per_mw_year` (USD per",
    "  MW-year) and `usd_per_kw_month` (USD per kW-month); `source_url`, `source_title`,",
    "  `source_date` (the page's date), `notes`. Every `*_as_stated` column is the source's",
    "  wording, verbatim.",
    "- **Derived (F6, DOMAIN.md §1):** `usd_per_mw_year = contract_value_usd ÷ term_years ÷",
    "  capacity_mw`; `usd_per_kw_month = usd_per_mw_year ÷ 1000 ÷ 12`; unrounded; only for an",
    "  `event_kind` of `contract` with all three figures, blank otherwise.",
    "- **announcement_date** is read from `announcement_date_as_stated` only: a day when the text",
    '  names exactly one ("June 3, 2024", "Oct. 22, 2024", "2024-11-25", "2025/09/25",',
    '  "20241118") and any weekday it names agrees; the month when it names only a month or',
    "  several days of one month; blank otherwise. `source_date` is the page's date, not the",
    "  deal's: it is never used as the announcement date, only to check that it is not later.",
    "- **Qualifiers** are the words before the figure in `capacity_as_stated` or",
    "  `contract_value_as_stated` (which must state the figure): " +
    QUALIFIER_RULES.map((r) => `${code(r.pattern.source)} → ${r.qualifier}`).join("; ") + ".",
    "- **event_kind** from `event_type`, first match: " +
    EVENT_KIND_RULES.map((r) => `${code(r.pattern.source)} → ${r.kind}`).join("; ") + ".",
    "- **structure** (contracts only), first match: " +
    STRUCTURE_RULES.map((r) => `${code(r.pattern.source)} in ${r.in} → ${r.structure}`).join("; ") +
    ".",
    "- **capacity_basis** from the input's wording (`capacity_basis_as_stated`):",
    "",
    "| wording | capacity_basis |",
    "|---|---|",
    ...Object.entries(CAPACITY_BASIS_BY_WORDING).map(([w, b]) => `| ${w} | ${b} |`),
    "",
    "### Caveats",
    "",
    "- MW figures mix bases (critical IT, gross, unspecified): compare per-MW values on one basis.",
    "- F6 averages the contract over its term: escalators make year-1 rent lower than the average,",
    "  and triple-net versus modified-gross leases change what the rent covers (DOMAIN.md F6).",
    "- `capacity_as_stated` may describe the MW otherwise than the compiled basis: Galaxy Helios",
    '  is "approved power capacity" there and "critical IT load" in `capacity_basis_as_stated`',
    "  (DOMAIN.md §8 calls its basis ambiguous).",
    ...derived.filter((r) => bound(r) !== "").map((r) =>
      `- ${code(r.deal_id)}: the capacity is \"${r.capacity_qualifier}\" and the value ` +
      `\"${r.contract_value_qualifier || "as stated"}\", so F6 is ${bound(r)}.`
    ),
    ...derived.filter((r) => r.capacity_basis === "unspecified").map((r) =>
      `- ${code(r.deal_id)}: the source does not say whether its MW is IT or gross.`
    ),
    ...derived.filter((r) => r.structure === "GPU cloud").map((r) =>
      `- ${code(r.deal_id)}: a GPU-cloud contract (the value includes GPUs), not comparable to ` +
      "colocation rents."
    ),
    ...rows.filter((r) => r.event_kind !== "contract" && !Number.isNaN(r.contract_value_usd)).map(
      (r) =>
        `- ${code(r.deal_id)} (${r.event_kind}) keeps the compiled contract_value_usd ` +
        `${r.contract_value_usd}, which is not this row's rent; see its notes.`,
    ),
    "",
    "### Inputs",
    "",
    INPUTS_TABLE_HEADER,
    input,
    "",
    "Rebuild: `deno task data`.",
  ];
  return lines.join("\n") + "\n";
}
