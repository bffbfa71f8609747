/**
 * Front matter, Quarto's convention: the notebook's first cell is a raw cell holding YAML
 * between `---` lines, with the note's title, subtitle, authors, date and tickers; and, for a
 * note written once and rendered per company, `each: ticker`: the parameter the default report
 * run sets to each ticker the company model values.
 *
 * @module
 */
import { parse } from "yaml";
import { isIsoDate } from "../units/calendar.ts";
import { cellSource, type Notebook } from "./notebook.ts";

/** What a note's front matter says. */
export interface FrontMatter {
  /** Note title. */
  readonly title: string;
  /** Subtitle. */
  readonly subtitle?: string;
  /** Authors, in order. */
  readonly authors: readonly string[];
  /** `YYYY-MM-DD`. */
  readonly date?: string;
  /** Tickers the note covers. */
  readonly tickers: readonly string[];
  /** Key takeaways for the cover box. */
  readonly takeaways: readonly string[];
  /**
   * The parameter that names a company, when the default report run is to render the note once
   * per ticker the company model values (`each: ticker`). Default: the note renders once.
   */
  readonly each?: string;
}

function strings(value: unknown, field: string, file: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    return value.map(String);
  }
  throw new TypeError(
    `${file}: front matter "${field}": expected text or a list of text, got ${
      JSON.stringify(value)
    }`,
  );
}

/**
 * Reads the front matter of a notebook's first cell.
 *
 * @example
 * ```ts
 * import { frontMatter } from "./front_matter.ts";
 * import assert from "node:assert/strict";
 *
 * const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "raw" as const, metadata: {},
 *   source: "---\ntitle: Hashprice\nauthors: [mullet research]\ndate: 2026-06-01\ntickers: [CORZ, IREN]\n---\n" }] };
 * const fm = frontMatter(nb, "01.ipynb");
 * assert.equal(fm.title, "Hashprice");
 * assert.deepEqual(fm.tickers, ["CORZ", "IREN"]);
 * assert.equal(fm.each, undefined);
 * const perCompany = { ...nb, cells: [{ ...nb.cells[0]!, source: "---\ntitle: One miner\neach: ticker\n---" }] };
 * assert.equal(frontMatter(perCompany, "08.ipynb").each, "ticker");
 * const bad = { ...nb, cells: [{ ...nb.cells[0]!, source: "---\ntitle: One miner\neach: [MARA]\n---" }] };
 * assert.throws(() => frontMatter(bad, "08.ipynb"), /08.ipynb: front matter "each": expected the name of the parameter/);
 * const nested = { ...nb, cells: [{ ...nb.cells[0]!, source: "---\ntitle: T\ntickers: [[MARA]]\n---" }] };
 * assert.throws(() => frontMatter(nested, "09.ipynb"),
 *   /^TypeError: 09.ipynb: front matter "tickers": expected text or a list of text, got \[\["MARA"\]\]$/);
 * assert.throws(() => frontMatter({ ...nb, cells: [] }, "x.ipynb"), /x.ipynb: expected a first raw cell/);
 * ```
 */
export function frontMatter(notebook: Notebook, file: string): FrontMatter {
  const first = notebook.cells[0];
  const text = first === undefined ? "" : cellSource(first);
  const match = /^---\s*\n([\s\S]*?)\n---\s*$/m.exec(text.trim());
  if (first?.cell_type !== "raw" || match === null) {
    throw new TypeError(
      `${file}: expected a first raw cell with YAML front matter between --- lines (title, authors, date)`,
    );
  }
  let yaml: unknown;
  try {
    yaml = parse(match[1]!);
  } catch (error) {
    throw new SyntaxError(`${file}: front matter is not valid YAML: ${(error as Error).message}`);
  }
  const fields = (yaml ?? {}) as Record<string, unknown>;
  if (typeof fields["title"] !== "string" || fields["title"].trim() === "") {
    throw new TypeError(`${file}: front matter needs a "title"`);
  }
  const date = fields["date"] === undefined ? undefined : String(fields["date"]);
  if (date !== undefined && !isIsoDate(date)) {
    throw new TypeError(
      `${file}: front matter "date": expected YYYY-MM-DD, got ${JSON.stringify(date)}`,
    );
  }
  const subtitle = fields["subtitle"];
  const each = fields["each"];
  if (each !== undefined && (typeof each !== "string" || !/^[A-Za-z_$][\w$]*$/.test(each))) {
    throw new TypeError(
      `${file}: front matter "each": expected the name of the parameter that takes a ticker ` +
        `(e.g. each: ticker), got ${JSON.stringify(each)}`,
    );
  }
  return {
    title: fields["title"],
    ...(typeof subtitle === "string" ? { subtitle } : {}),
    authors: strings(fields["authors"] ?? fields["author"], "authors", file),
    ...(date === undefined ? {} : { date }),
    tickers: strings(fields["tickers"], "tickers", file),
    takeaways: strings(fields["takeaways"], "takeaways", file),
    ...(each === undefined ? {} : { each }),
  };
}
