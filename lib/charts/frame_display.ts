/**
 * A table (a danfo DataFrame or typed columns) as a Jupyter display bundle that reads as a table
 * everywhere a notebook is read: an HTML `<table>` (which nbconvert's sanitiser keeps and GitHub
 * shows), the same as aligned `text/plain` for terminals, and Table Schema data
 * (`application/vnd.dataresource+json`) for front ends that render it. Long tables keep their
 * first and last rows, as pandas does (`display.max_rows` 60, then `display.min_rows` 10:
 * https://pandas.pydata.org/docs/user_guide/options.html). Show it with `show()`.
 *
 * @module
 */
import { formatPercent, formatUsd } from "../units/format.ts";

/** How a column's numbers are printed. */
export type FrameColumnFormat = "usd" | "percent" | "number" | ((value: number) => string);

/** Options of {@linkcode frameBundle}. */
export interface FrameBundleOptions {
  /** Rows shown in full. @default 60 */
  readonly maxRows?: number;
  /** Rows shown (half from the top, half from the bottom) when there are more. @default 10 */
  readonly minRows?: number;
  /** How to print each numeric column, by name. @default plain numbers */
  readonly formats?: Readonly<Record<string, FrameColumnFormat>>;
}

/** What the bundle needs of a table: danfo's `columns` and `values`, or typed columns. */
export type FrameLike =
  | { readonly columns: readonly string[]; readonly values: readonly (readonly unknown[])[] }
  | Readonly<Record<string, readonly string[] | Float64Array | number>>;

function rowsOf(frame: FrameLike): { columns: string[]; rows: unknown[][] } {
  if ("columns" in frame && Array.isArray(frame.columns) && "values" in frame) {
    const f = frame as { columns: readonly string[]; values: readonly (readonly unknown[])[] };
    return { columns: [...f.columns], rows: f.values.map((r) => [...r]) };
  }
  const table = frame as Readonly<Record<string, readonly string[] | Float64Array | number>>;
  const columns = Object.keys(table).filter((k) => typeof table[k] !== "number");
  const n = columns.length === 0 ? 0 : (table[columns[0]!] as ArrayLike<unknown>).length;
  const rows = Array.from(
    { length: n },
    (_, i) => columns.map((c) => (table[c] as ArrayLike<unknown>)[i]),
  );
  return { columns, rows };
}

function cellText(value: unknown, format: FrameColumnFormat | undefined): string {
  if (typeof value !== "number") return value === null || value === undefined ? "" : String(value);
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "" : String(value);
  if (typeof format === "function") return format(value);
  if (format === "usd") return formatUsd(value);
  if (format === "percent") return formatPercent(value, 1);
  return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
// A dollar sign alone in its element: MathJax front ends never pair it into maths.
const htmlCell = (s: string) => escapeHtml(s).replaceAll("$", "<span>&#36;</span>");

/**
 * The display bundle of a table.
 *
 * @example
 * ```ts
 * import { frameBundle } from "./frame_display.ts";
 * import assert from "node:assert/strict";
 *
 * const bundle = frameBundle({ ticker: ["RIOT", "CLSK"], usd: new Float64Array([3.56, -0.9]), length: 2 },
 *   { formats: { usd: "usd" } });
 * assert.match(bundle["text/html"], /<td>RIOT<\/td><td style="text-align: right"><span>&#36;<\/span>3\.56<\/td>/);
 * assert.match(bundle["text/plain"], /CLSK\s+-\$0\.90\n/);
 * assert.deepEqual(bundle["application/vnd.dataresource+json"].schema.fields,
 *   [{ name: "ticker", type: "string" }, { name: "usd", type: "number" }]);
 * ```
 */
export function frameBundle(frame: FrameLike, options: FrameBundleOptions = {}): {
  "text/html": string;
  "text/plain": string;
  "application/vnd.dataresource+json": {
    schema: { fields: { name: string; type: "number" | "string" }[] };
    data: Record<string, unknown>[];
  };
} {
  const maxRows = options.maxRows ?? 60;
  const minRows = options.minRows ?? 10;
  if (
    !(Number.isInteger(maxRows) && maxRows >= 1) || !(Number.isInteger(minRows) && minRows >= 2)
  ) {
    throw new RangeError(
      `Cannot show the table: expected whole maxRows >= 1 and minRows >= 2, got ${maxRows} and ${minRows}`,
    );
  }
  const { columns, rows } = rowsOf(frame);
  const types = columns.map((_, j) =>
    rows.every((r) => typeof r[j] === "number" || r[j] === null) && rows.length > 0
      ? "number" as const
      : "string" as const
  );
  const cut = rows.length > maxRows;
  const head = cut ? rows.slice(0, Math.ceil(minRows / 2)) : rows;
  const tail = cut ? rows.slice(rows.length - Math.floor(minRows / 2)) : [];
  const text = (r: unknown[]) => r.map((v, j) => cellText(v, options.formats?.[columns[j]!]));
  const shape = `${rows.length.toLocaleString("en-US")} rows × ${columns.length} columns`;
  const more = `… ${(rows.length - head.length - tail.length).toLocaleString("en-US")} more rows …`;
  // Numbers line up on the right, as in every table of figures.
  const align = (j: number) => (types[j] === "number" ? ' style="text-align: right"' : "");
  const tr = (cells: string[]) =>
    `<tr>${cells.map((c, j) => `<td${align(j)}>${htmlCell(c)}</td>`).join("")}</tr>`;
  const html = `<table class="dataframe"><thead><tr>${
    columns.map((c, j) => `<th${align(j)}>${htmlCell(c)}</th>`).join("")
  }</tr></thead><tbody>${head.map((r) => tr(text(r))).join("")}${
    cut ? `<tr><td colspan="${columns.length}">${more}</td></tr>` : ""
  }${tail.map((r) => tr(text(r))).join("")}</tbody></table><p>${shape}</p>`;
  const lines = [columns, ...head.map(text), ...(cut ? [[more]] : []), ...tail.map(text)];
  const widths = columns.map((_, j) =>
    Math.max(
      ...lines.map((l) => (l.length === 1 && cut && l[0] === more ? 0 : (l[j] ?? "").length)),
    )
  );
  const plain =
    lines.map((l) =>
      l.length === 1 && l[0] === more
        ? more
        : l.map((c, j) => types[j] === "number" ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))
          .join("  ").trimEnd()
    ).join("\n") + `\n[${shape}]`;
  return {
    "text/html": html,
    "text/plain": plain,
    "application/vnd.dataresource+json": {
      schema: { fields: columns.map((name, j) => ({ name, type: types[j]! })) },
      data: rows.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j] ?? null]))),
    },
  };
}

/** What {@linkcode installFrameDisplay} needs of the danfo module. */
export interface DanfoClasses {
  /** danfo's DataFrame class. */
  readonly DataFrame: new (data: Record<string, unknown[]>) => {
    head(rows: number): object;
    column(name: string): object;
  };
  /** danfo's Series class. */
  readonly Series: new (data: unknown[]) => object;
}

const DISPLAY = Symbol.for("Jupyter.display");

/** A Series as a one-column table; a DataFrame as it is. */
function frameOf(value: { columns: string[]; values: unknown[] }): FrameLike {
  const values = value.values;
  return values.length > 0 && !Array.isArray(values[0])
    ? { columns: value.columns, values: values.map((v) => [v]) }
    : (value as FrameLike);
}

/**
 * Makes every danfo DataFrame and Series show itself as a table ({@linkcode frameBundle}) when a
 * notebook cell ends in one: the Deno kernel displays a value through its
 * `Symbol.for("Jupyter.display")` method, which danfo's classes lack, so a frame would print as
 * an opaque object. The method goes on the shared base (danfo's `NDframe`) of every class the
 * sample frames reach: the classes a user constructs (danfo's main build subclasses the base
 * build's) and those its operations such as `head` and `groupby` return. It is not enumerable and
 * is defined once.
 *
 * @example
 * ```ts
 * import { installFrameDisplay } from "./frame_display.ts";
 * import assert from "node:assert/strict";
 *
 * const danfo = await import("danfojs");
 * installFrameDisplay(danfo);
 * const df = new danfo.DataFrame({ ticker: ["RIOT", "CLSK"], ehs: [29.3, 50] });
 * const shown = (x: object) => (x as { [k: symbol]: () => { "text/html": string } })[Symbol.for("Jupyter.display")]!();
 * assert.match(shown(df)["text/html"], /<td>RIOT<\/td>/);
 * assert.match(shown(df.head(1))["text/html"], /1 rows × 2 columns/);
 * assert.match(shown(df.column("ehs"))["text/html"], /<th style="text-align: right">ehs<\/th>/);
 * ```
 */
export function installFrameDisplay(danfo: DanfoClasses): void {
  const frame = new danfo.DataFrame({ x: [0] });
  const samples = [frame, frame.head(1), frame.column("x"), new danfo.Series([0])];
  for (const sample of samples) {
    // The shared base of DataFrame and Series (danfo's NDframe) of this copy of the classes.
    const base = Object.getPrototypeOf(Object.getPrototypeOf(sample));
    if (base === null || Object.hasOwn(base, DISPLAY)) continue;
    Object.defineProperty(base, DISPLAY, {
      value(this: { columns: string[]; values: unknown[] }) {
        return frameBundle(frameOf(this));
      },
      enumerable: false,
      configurable: true,
    });
  }
}
