/**
 * An exhibit: a chart with its sell-side chrome — "Exhibit N: title that states the takeaway",
 * an optional subtitle with units, and a source line with the as-of date — in one Vega-Lite
 * spec, so the live chart (JupyterLab), the SVG, the PNG (GitHub) and the PDF all show the same
 * thing. Displayed in a notebook through `Symbol.for("Jupyter.display")`; `lib` never touches
 * `Deno.jupyter` at import.
 *
 * The notebook display bundle carries the live chart, the PNG and the label, but no SVG: every
 * front end without a Vega-Lite renderer takes SVG before PNG, and the sanitiser of Debian's
 * `jupyter nbconvert --to html` (6.5, lxml's cleaner) strips every SVG element, leaving an empty
 * box; classic Notebook puts the SVG in the page, where MathJax typesets "$…$" in its titles.
 * The SVG stays available from {@linkcode Exhibit.svg} (the PDF and the gallery use it).
 *
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import { isIsoDate } from "../units/calendar.ts";
import { renderPng, renderSvg } from "./render.ts";
import { HOUSE_COLORS, HOUSE_CONFIG } from "./theme.ts";

/** The chrome every exhibit carries. */
export interface ExhibitChrome {
  /** Title that states the takeaway. */
  readonly title: string;
  /** Units or a qualifier, e.g. "USD per PH/s per day, 30-day mean". */
  readonly subtitle?: string;
  /** Who the data come from, e.g. "Coin Metrics, mullet analysis". Required. */
  readonly source: string;
  /** Date the data run to, `YYYY-MM-DD`. Required. */
  readonly asOf: string;
  /** Exhibit number in its note. Default: none ("Exhibit:" is then left out). */
  readonly number?: number;
}

/** A Jupyter display bundle (no SVG: see the module docs). */
export interface DisplayBundle {
  /** The live chart for JupyterLab and VS Code. */
  readonly "application/vnd.vegalite.v5+json": TopLevelSpec;
  /** The chart as a base64 PNG, which GitHub, classic Notebook and nbconvert's HTML show. */
  readonly "image/png": string;
  /** The exhibit's label. */
  readonly "text/plain": string;
}

function checkChrome(chrome: ExhibitChrome): void {
  if (typeof chrome.title !== "string" || chrome.title.trim() === "") {
    throw new TypeError("Cannot make an exhibit: expected a title that states the takeaway");
  }
  if (typeof chrome.source !== "string" || chrome.source.trim() === "") {
    throw new TypeError(
      `Cannot make exhibit "${chrome.title}": expected a source line, e.g. "Coin Metrics, mullet analysis"`,
    );
  }
  if (typeof chrome.asOf !== "string" || !isIsoDate(chrome.asOf)) {
    throw new TypeError(
      `Cannot make exhibit "${chrome.title}": expected asOf as YYYY-MM-DD, got ${
        JSON.stringify(chrome.asOf)
      }`,
    );
  }
  if (chrome.number !== undefined && !(Number.isInteger(chrome.number) && chrome.number >= 1)) {
    throw new RangeError(`Cannot use number: expected a whole number >= 1, got ${chrome.number}`);
  }
}

/** The label above the chart: "Exhibit 3: Hashprice fell 98% since 2016". */
export function exhibitLabel(chrome: Pick<ExhibitChrome, "title" | "number">): string {
  return chrome.number === undefined ? chrome.title : `Exhibit ${chrome.number}: ${chrome.title}`;
}

/** A chart with its chrome; see the module docs. */
export class Exhibit {
  /** The chart as its builder made it. */
  readonly chart: TopLevelSpec;
  /** Its chrome. */
  readonly chrome: ExhibitChrome;
  #svg: Promise<string> | undefined;
  #png: Promise<Uint8Array> | undefined;

  /**
   * Wraps a chart; throws a TypeError when the source or the as-of date is missing.
   *
   * @example
   * ```ts
   * import { Exhibit } from "./exhibit.ts";
   * import assert from "node:assert/strict";
   *
   * const chart = { data: { values: [{ a: "x", b: 1 }] }, mark: "bar" as const,
   *   encoding: { x: { field: "a" }, y: { field: "b", type: "quantitative" as const } } };
   * const e = new Exhibit(chart, { title: "Up", source: "Coin Metrics", asOf: "2026-06-01", number: 2 });
   * assert.equal(e.label, "Exhibit 2: Up");
   * assert.throws(() => new Exhibit(chart, { title: "Up", source: "", asOf: "2026-06-01" }), /source line/);
   * assert.throws(() => new Exhibit(chart, { title: "Up", source: "CM", asOf: "June" }), /asOf as YYYY-MM-DD/);
   * ```
   */
  constructor(chart: TopLevelSpec, chrome: ExhibitChrome) {
    checkChrome(chrome);
    this.chart = chart;
    this.chrome = chrome;
  }

  /** "Exhibit N: title". */
  get label(): string {
    return exhibitLabel(this.chrome);
  }

  /** The source line printed under the chart. */
  get sourceLine(): string {
    return `Source: ${this.chrome.source}. Data as of ${this.chrome.asOf}.`;
  }

  /**
   * The full Vega-Lite 5 spec: the chart with its title, subtitle and source line.
   *
   * @example
   * ```ts
   * import { Exhibit } from "./exhibit.ts";
   * import assert from "node:assert/strict";
   *
   * const e = new Exhibit({ mark: "point", data: { values: [{}] } }, { title: "T", source: "S", asOf: "2026-01-01" });
   * const spec = e.spec as { $schema: string; vconcat: unknown[] };
   * assert.equal(spec.$schema, "https://vega.github.io/schema/vega-lite/v5.json");
   * assert.equal(spec.vconcat.length, 2);
   * ```
   */
  get spec(): TopLevelSpec {
    const { $schema: _schema, config: _config, ...chart } = this.chart as unknown as Record<
      string,
      unknown
    >;
    const width = typeof chart["width"] === "number" ? chart["width"] : 400;
    const title = this.chrome.subtitle === undefined
      ? { text: this.label }
      : { text: this.label, subtitle: this.chrome.subtitle };
    return {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      config: { ...HOUSE_CONFIG, ...(_config as object | undefined), concat: { spacing: 6 } },
      title: {
        ...title,
        anchor: "start",
        subtitleColor: "#5C6370",
        subtitleFontSize: 10,
        offset: 8,
      },
      vconcat: [
        chart,
        {
          width,
          height: 10,
          data: { values: [{}] },
          mark: {
            type: "text",
            align: "left",
            baseline: "top",
            fontSize: 9,
            color: HOUSE_COLORS.darkGrey,
            text: this.sourceLine,
          },
          encoding: { x: { value: 0 }, y: { value: 0 } },
        },
      ],
    } as unknown as TopLevelSpec;
  }

  /** The exhibit as SVG (no `<style>`, attributes inline), rendered once and cached. */
  svg(): Promise<string> {
    this.#svg ??= renderSvg(this.spec);
    return this.#svg;
  }

  /** The exhibit as a 2× PNG, rendered once and cached. */
  png(): Promise<Uint8Array> {
    this.#png ??= this.svg().then((svg) => renderPng(svg));
    return this.#png;
  }

  /** The Jupyter display bundle: live Vega-Lite 5, PNG (base64) and the label as text. */
  async displayBundle(): Promise<DisplayBundle> {
    return {
      "application/vnd.vegalite.v5+json": this.spec,
      "image/png": base64(await this.png()),
      "text/plain": this.label,
    };
  }

  /** What the Deno Jupyter kernel calls to display the exhibit. */
  [Symbol.for("Jupyter.display")](): Promise<DisplayBundle> {
    return this.displayBundle();
  }
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * A numbering for the exhibits of one note: each call makes the next-numbered exhibit.
 *
 * @example
 * ```ts
 * import { exhibitNumbering } from "./exhibit.ts";
 * import assert from "node:assert/strict";
 *
 * const exhibit = exhibitNumbering();
 * const chart = { mark: "point" as const, data: { values: [{}] } };
 * assert.equal(exhibit(chart, { title: "A", source: "S", asOf: "2026-01-01" }).label, "Exhibit 1: A");
 * assert.equal(exhibit(chart, { title: "B", source: "S", asOf: "2026-01-01" }).label, "Exhibit 2: B");
 * ```
 */
export function exhibitNumbering(): (
  chart: TopLevelSpec,
  chrome: Omit<ExhibitChrome, "number">,
) => Exhibit {
  let next = 1;
  return (chart, chrome) => new Exhibit(chart, { ...chrome, number: next++ });
}
