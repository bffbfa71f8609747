/**
 * Building `data/companies.csv` from the company fact tables: one tidy row per cited fact,
 * conflicting facts all kept, and the one row of each ticker, metric and basis that
 * {@linkcode comparePreference} ranks first among company figures flagged `preferred`.
 *
 * @module
 */
import { CsvError } from "../../data/csv.ts";
import {
  COMPANIES_SCHEMA,
  COMPANY_METRICS,
  type CompanyFact,
  companyFactsFromCsv,
  comparePreference,
} from "../../data/companies.ts";
import { formatCsv } from "../csv_format.ts";
import {
  type BuiltDataset,
  type DatasetBuildOptions,
  DEFAULT_SOURCE_DIR,
  type RawInput,
  readRawInput,
} from "../dataset_build.ts";
import { COMPANY_FACTS_INPUTS, type LeftOutFact, readCompanyFacts } from "./_companies_facts.ts";
import { FACT_VERDICTS } from "./_companies_corrections.ts";
import { renderCompaniesSources } from "./companies_sources.ts";

/**
 * `facts` with `preferred` set: within each ticker, metric and basis, the company figure that
 * {@linkcode comparePreference} ranks first (the earlier row on a tie); site and part figures
 * are never preferred.
 *
 * @example MARA's BTC held: the SEC filing's September figure over a relay's December one
 * ```ts
 * import { flagPreferred } from "./companies_build.ts";
 * import assert from "node:assert/strict";
 *
 * const fact = {
 *   ticker: "MARA", metric: "btc_held", basis: "total", scope: "company", preferred: false,
 * } as const;
 * const flagged = flagPreferred([
 *   { ...fact, value: 52_850, source_type: "SEC filing", period_end: "2025-09-30", source_date: "2025-11-04" },
 *   { ...fact, value: 53_822, source_type: "press relay", period_end: "2025-12-31", source_date: "2026-03-01" },
 * ] as never);
 * assert.deepEqual(flagged.map((f) => f.preferred), [true, false]);
 * ```
 */
export function flagPreferred(facts: readonly CompanyFact[]): CompanyFact[] {
  const groups = new Map<string, number[]>();
  facts.forEach((fact, index) => {
    if (fact.scope !== "company") return;
    const key = `${fact.ticker}\u0000${fact.metric}\u0000${fact.basis}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [index]);
    else group.push(index);
  });
  const preferred = new Set<number>();
  for (const group of groups.values()) {
    preferred.add(group.toSorted((a, b) => comparePreference(facts[a]!, facts[b]!))[0]!);
  }
  return facts.map((fact, index) => ({ ...fact, preferred: preferred.has(index) }));
}

const METRIC_ORDER = new Map(COMPANY_METRICS.map((metric, index) => [metric, index]));

/** Ticker, then metric in vocabulary order, then period end; input order on a tie. */
function byTickerMetricPeriod(a: CompanyFact, b: CompanyFact): number {
  if (a.ticker !== b.ticker) return a.ticker < b.ticker ? -1 : 1;
  const metric = METRIC_ORDER.get(a.metric)! - METRIC_ORDER.get(b.metric)!;
  if (metric !== 0) return metric;
  if (a.period_end !== b.period_end) return a.period_end < b.period_end ? -1 : 1;
  return 0;
}

/**
 * Builds `companies.csv` from {@linkcode COMPANY_FACTS_INPUTS} under `options.sourceDir`.
 * Writes nothing.
 *
 * @example Build from two one-row tables
 * ```ts
 * import { buildCompanies } from "./companies_build.ts";
 * import assert from "node:assert/strict";
 *
 * const header = "ticker,company,metric,value,unit,period_end,period_as_stated," +
 *   "figure_as_stated,basis,source_url,source_title,source_date,source_type,notes\n";
 * const dir = await Deno.makeTempDir({ dir: "/tmp" });
 * await Deno.mkdir(`${dir}/facts`);
 * await Deno.writeTextFile(
 *   `${dir}/facts/company_operating_facts.csv`,
 *   header + "MARA,MARA Holdings,hashrate_installed,60.4,EH/s,2025-09-30,Q3 2025," +
 *     "Energized hashrate increased 64% TO 60.4 EH/S,energized,https://x,X,2025-11-04," +
 *     "SEC filing,\n",
 * );
 * await Deno.writeTextFile(
 *   `${dir}/facts/company_facts_added.csv`,
 *   header + "MARA,MARA Holdings,hashrate_installed,54.3,EH/s,2025-03-31,Q1 2025," +
 *     "Energized hash rate reached 54.3 EH/s,energized,https://y,Y,2025-05-08," +
 *     "company release,\n",
 * );
 * const built = await buildCompanies({ sourceDir: dir, log: () => {} });
 * await Deno.remove(dir, { recursive: true });
 * assert.equal(built.rows, 2);
 * const [, march, september] = built.csv.split("\n");
 * assert.match(march!, /^MARA,MARA Holdings,2025-03-31,day,hashrate_installed,54\.3,EH\/s,energized,company,no,/);
 * assert.match(september!, /,energized,company,yes,SEC filing,/);
 * ```
 */
export async function buildCompanies(options: DatasetBuildOptions = {}): Promise<BuiltDataset> {
  const dir = options.sourceDir ?? DEFAULT_SOURCE_DIR;
  const log = options.log ?? console.log;
  const inputs: RawInput[] = [];
  const read: CompanyFact[] = [];
  const leftOut: LeftOutFact[] = [];
  const applied = new Set<object>();
  for (const path of COMPANY_FACTS_INPUTS) {
    const input = await readRawInput(`${dir}/${path}`);
    const table = readCompanyFacts(input, path);
    read.push(...table.facts);
    leftOut.push(...table.leftOut);
    for (const verdict of table.applied) {
      if (applied.has(verdict)) {
        throw new CsvError(
          input.path,
          0,
          undefined,
          `a second row is ${verdict.row.ticker} ${verdict.row.metric} ${verdict.row.value} at ` +
            `${verdict.row.period_end}, whose correction names one row`,
        );
      }
      applied.add(verdict);
    }
    inputs.push({ ...input, path });
  }
  // A folder of inputs may hold other facts; a row whose verdict is still in its notes and
  // that no entry names fails above, so an entry naming no row is only reported.
  for (const v of FACT_VERDICTS.filter((v) => !applied.has(v))) {
    log(
      `companies.csv: no row is ${v.row.ticker} ${v.row.metric} ${v.row.value} at ` +
        `${v.row.period_end}, which a correction names (was the row re-compiled?)`,
    );
  }
  const facts = flagPreferred(read.toSorted(byTickerMetricPeriod));
  const csv = formatCsv(
    COMPANIES_SCHEMA,
    facts.map((f) => ({ ...f, preferred: f.preferred ? "yes" : "no" })),
  );
  companyFactsFromCsv(csv, { file: "companies.csv (built)" });
  const corrected = facts.filter((f) => f.check === "corrected").length;
  log(
    `companies.csv: ${facts.length} facts for ${new Set(facts.map((f) => f.ticker)).size} ` +
      `tickers (${corrected} corrected, ${leftOut.length} left out)`,
  );
  return {
    file: "companies.csv",
    csv,
    sources: renderCompaniesSources(facts, leftOut, inputs),
    rows: facts.length,
  };
}
