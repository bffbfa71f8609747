/**
 * The data behind an exhibit, read back from its saved Vega-Lite spec, and written as the CSV
 * that ships beside the note (`reports/<note>/exhibit-<n>.csv`), as sell-side notes ship their
 * chart data.
 *
 * **Which rows.** The chart's own data (`data.values`, or a named entry of `datasets`) when it
 * has one; otherwise, for a drawn table (layers of text marks placed at `x`, `y`), the table
 * rebuilt as rows under its header; otherwise the data of its layers, in order, each row tagged
 * with its `layer`. Annotation layers with their own small data (halving markers) stay out when
 * the chart has its own data: they are drawn on the data, not part of it.
 *
 * **The file.** A header of `#` comment lines (papaparse's `comments: "#"`, pandas'
 * `comment="#"`, R's `comment.char = "#"`) names the exhibit, its subtitle, source, as-of date and each column's type, so
 * that the file is one self-describing download with no sidecar to lose; then an RFC 4180 CSV
 * with a header row. Numbers are written as JavaScript prints them (shortest round trip), so a
 * chart re-drawn from the file gets the spec's values back exactly ({@linkcode parseExhibitCsv}).
 *
 * @module
 */
import { parseCsv } from "../data/csv.ts";
import { CsvError } from "../data/csv_cells.ts";

/** One exhibit's rows with its chrome. */
export interface ExhibitData {
  /** Its number in the note. */
  readonly number: number;
  /** "Exhibit N: title" as the note prints it. */
  readonly label: string;
  /** The subtitle (units), if any. */
  readonly subtitle?: string;
  /** Who the data come from, without "Source:". */
  readonly source: string;
  /** Date the data run to, `YYYY-MM-DD`, or "" when the source line gives none. */
  readonly asOf: string;
  /** Column names, in order. */
  readonly columns: readonly string[];
  /** The rows; a missing field is `null`. */
  readonly rows: readonly Readonly<Record<string, string | number | boolean | null>>[];
}

type Spec = Record<string, unknown>;
type Row = Record<string, unknown>;

const isObject = (v: unknown): v is Spec =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function dataOf(spec: Spec, datasets: Spec): Row[] | undefined {
  const data = spec["data"];
  if (!isObject(data)) return undefined;
  if (Array.isArray(data["values"])) return data["values"] as Row[];
  const named = typeof data["name"] === "string" ? datasets[data["name"]] : undefined;
  return Array.isArray(named) ? named as Row[] : undefined;
}

function markOf(layer: Spec): Spec {
  const mark = layer["mark"];
  return isObject(mark) ? mark : { type: mark };
}

/** A drawn table: text layers whose cells sit at fixed `x`, `y` (see `tableSpec`). */
function tableRows(layers: Spec[], datasets: Spec): Row[] | undefined {
  const texts = layers.filter((l) => markOf(l)["type"] === "text");
  if (texts.length === 0) return undefined;
  const header: { x: number; text: string }[] = [];
  const body: { x: number; y: number; text: string }[] = [];
  for (const layer of texts) {
    const bold = markOf(layer)["fontWeight"] === 700;
    for (const cell of dataOf(layer, datasets) ?? []) {
      if (typeof cell["x"] !== "number" || typeof cell["y"] !== "number") return undefined;
      const raw = cell["full"] ?? cell["text"];
      const text = Array.isArray(raw) ? raw.join(" ") : String(raw ?? "");
      if (bold) header.push({ x: cell["x"], text });
      else body.push({ x: cell["x"], y: cell["y"], text });
    }
  }
  if (header.length === 0) return undefined;
  const columns = new Map(header.map((h) => [h.x, h.text]));
  const rows = new Map<number, Row>();
  for (const cell of [...body].sort((a, b) => a.y - b.y)) {
    const column = columns.get(cell.x);
    if (column === undefined) return undefined;
    const row = rows.get(cell.y) ?? {};
    row[column] = cell.text;
    rows.set(cell.y, row);
  }
  const order = [...header].sort((a, b) => a.x - b.x).map((h) => h.text);
  return [...rows.values()].map((r) => Object.fromEntries(order.map((c) => [c, r[c] ?? null])));
}

function chartRows(chart: Spec, datasets: Spec): Row[] {
  const own = dataOf(chart, datasets);
  if (own !== undefined) return own;
  const layers = (Array.isArray(chart["layer"]) ? chart["layer"] : []).filter(isObject);
  const table = tableRows(layers, datasets);
  if (table !== undefined) return table;
  const withData = layers.flatMap((l, i) => {
    const rows = dataOf(l, datasets);
    return rows === undefined ? [] : [{ i, rows }];
  });
  if (withData.length === 1) return withData[0]!.rows;
  return withData.flatMap(({ i, rows }) => rows.map((r) => ({ layer: i + 1, ...r })));
}

function cellValue(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    return value;
  }
  return JSON.stringify(value);
}

/**
 * The data behind one exhibit, from the Vega-Lite spec an `Exhibit` displays (title with the
 * label and subtitle, the chart, then the source line), or from a bare chart; `where` names it
 * in errors.
 *
 * @example
 * ```ts
 * import { exhibitData } from "./exhibit_data.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = { title: { text: "Exhibit 2: Up", subtitle: "BTC" }, vconcat: [
 *   { data: { values: [{ era: "First", btc: 50 }, { era: "Fifth" }] }, mark: "bar",
 *     layer: [{ mark: "rule", data: { values: [{ y: 1 }] } }] },
 *   { mark: { type: "text", text: "Source: Bitcoin Core, mullet analysis. Data as of 2026-06-01." } }] };
 * const data = exhibitData(spec, "note.ipynb: cell 4");
 * assert.equal(data.number, 2);
 * assert.equal(data.source, "Bitcoin Core, mullet analysis");
 * assert.equal(data.asOf, "2026-06-01");
 * assert.deepEqual(data.columns, ["era", "btc"]);
 * assert.deepEqual(data.rows, [{ era: "First", btc: 50 }, { era: "Fifth", btc: null }]);
 * assert.deepEqual(exhibitData({ data: { values: [{ a: 1 }] }, mark: "bar" }, "n").rows, [{ a: 1 }]);
 * assert.throws(() => exhibitData([], "note.ipynb: cell 4"), /note.ipynb: cell 4: .*not an object/);
 * ```
 */
export function exhibitData(spec: unknown, where: string): ExhibitData {
  if (!isObject(spec)) {
    throw new TypeError(
      `${where}: cannot read the data of this exhibit: its spec is not an object`,
    );
  }
  // An Exhibit's spec: title, then the chart and its source line in a vconcat. A bare chart
  // (no chrome) is read as the chart itself, with no source.
  const concat = spec["vconcat"];
  const title = spec["title"];
  const titleText = isObject(title) ? title["text"] : title;
  const label = typeof titleText === "string" ? titleText : "";
  const chrome = Array.isArray(concat) && isObject(concat[0]) && isObject(concat[1]);
  const chart = chrome ? concat[0] as Spec : spec;
  const sourceText = chrome ? markOf(concat[1] as Spec)["text"] : undefined;
  const sourceLine = typeof sourceText === "string" ? sourceText : "";
  const number = Number(/^Exhibit (\d+):/.exec(label)?.[1] ?? NaN);
  const source = /^Source: (.*?)\.? Data as of/.exec(sourceLine)?.[1] ??
    sourceLine.replace(/^Source: /, "").replace(/\.$/, "");
  const asOf = /Data as of (\d{4}-\d{2}-\d{2})/.exec(sourceLine)?.[1] ?? "";
  const datasets = isObject(spec["datasets"]) ? spec["datasets"] : {};
  const raw = chartRows(chart, {
    ...datasets,
    ...(isObject(chart["datasets"]) ? chart["datasets"] : {}),
  });
  const columns: string[] = [];
  for (const row of raw) {
    for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  }
  const rows = raw.map((r) => Object.fromEntries(columns.map((c) => [c, cellValue(r[c])])));
  const subtitle = isObject(title) && typeof title["subtitle"] === "string"
    ? title["subtitle"]
    : undefined;
  return {
    number: Number.isInteger(number) ? number : 0,
    label,
    ...(subtitle === undefined ? {} : { subtitle }),
    source,
    asOf,
    columns,
    rows,
  };
}

/** A column's type as the CSV header states it: what every non-empty cell is. */
function columnType(data: ExhibitData, column: string): "number" | "boolean" | "text" {
  const kinds = new Set(
    data.rows.map((r) => r[column]).filter((v) => v !== null).map((v) => typeof v),
  );
  if (kinds.size === 1 && kinds.has("number")) return "number";
  if (kinds.size === 1 && kinds.has("boolean")) return "boolean";
  return "text";
}

/** One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces. */
function csvField(value: string | number | boolean | null): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * The exhibit's CSV: `#` header lines (exhibit, subtitle, source, as-of, column types), then the
 * rows under a header row.
 *
 * @example
 * ```ts
 * import { exhibitCsv } from "./exhibit_data.ts";
 * import assert from "node:assert/strict";
 *
 * const csv = exhibitCsv({ number: 1, label: "Exhibit 1: Up", source: "Coin Metrics", asOf: "2026-06-01",
 *   columns: ["date", "usd"], rows: [{ date: "2024-04-20", usd: 0.1 }, { date: "a, b", usd: null }] });
 * assert.equal(csv, "# Exhibit 1: Up\n# Source: Coin Metrics\n# Data as of 2026-06-01\n" +
 *   "# Columns: date (text), usd (number)\ndate,usd\n2024-04-20,0.1\n\"a, b\",\n");
 * ```
 */
export function exhibitCsv(data: ExhibitData): string {
  const head = [
    `# ${oneLine(data.label)}`,
    ...(data.subtitle === undefined ? [] : [`# Subtitle: ${oneLine(data.subtitle)}`]),
    `# Source: ${oneLine(data.source)}`,
    `# Data as of ${data.asOf === "" ? "(not stated)" : data.asOf}`,
    `# Columns: ${data.columns.map((c) => `${oneLine(c)} (${columnType(data, c)})`).join(", ")}`,
  ];
  const lines = [
    data.columns.map(csvField).join(","),
    ...data.rows.map((r) => data.columns.map((c) => csvField(r[c] ?? null)).join(",")),
  ];
  return `${[...head, ...lines].join("\n")}\n`;
}

/**
 * Reads an exhibit CSV back into rows, typed as its `# Columns:` line says (an empty cell is
 * `null`), so that the chart can be re-drawn from the file alone.
 *
 * @example
 * ```ts
 * import { exhibitCsv, parseExhibitCsv } from "./exhibit_data.ts";
 * import assert from "node:assert/strict";
 *
 * const rows = [{ era: "1", btc: 0.1 + 0.2 }, { era: "x", btc: null }];
 * const csv = exhibitCsv({ number: 1, label: "Exhibit 1: T", source: "S", asOf: "", columns: ["era", "btc"], rows });
 * assert.deepEqual(parseExhibitCsv(csv, "exhibit-1.csv"), rows);
 * assert.throws(() => parseExhibitCsv("a\n1\n", "x.csv"), /x.csv: no "# Columns:" line/);
 * ```
 */
export function parseExhibitCsv(
  text: string,
  file: string,
): Record<string, string | number | boolean | null>[] {
  const typesLine = /^# Columns: (.*)$/m.exec(text)?.[1];
  if (typesLine === undefined) throw new TypeError(`${file}: no "# Columns:" line`);
  const types = new Map(
    [...typesLine.matchAll(/(?:^|, )(.*?) \((number|boolean|text)\)(?=, |$)/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
  const lines = text.split("\n");
  const skipped = lines.findIndex((line) => !line.startsWith("#"));
  const schema = [...types].map(([name, type]) => ({
    name,
    type: type === "number" ? "number" as const : "string" as const,
    optional: true,
  }));
  let parsed;
  try {
    parsed = parseCsv(lines.slice(skipped).join("\n"), schema, { file });
  } catch (error) {
    // Lines counted from the header row: count the comment lines above it too.
    if (!(error instanceof CsvError) || error.line === 0) throw error;
    const what = error.message.replace(/^.*?:\d+: (column "[^"]*": )?/, "");
    throw new CsvError(file, error.line + skipped, error.column, what);
  }
  const columns = parsed.columns as Record<string, string[] | Float64Array>;
  return Array.from(
    { length: parsed.rowCount },
    (_, i) =>
      Object.fromEntries(schema.map(({ name }) => {
        const cell = columns[name]![i]!;
        if (typeof cell === "number") return [name, Number.isNaN(cell) ? null : cell];
        if (cell === "") return [name, null];
        return [name, types.get(name) === "boolean" ? cell === "true" : cell];
      })),
  );
}
