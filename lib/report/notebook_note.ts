/**
 * An executed notebook read as a research note: front matter for the masthead, the cell tagged
 * `takeaways` (or the front matter's list) for the cover's key-takeaways box, the first exhibit
 * as the cover's lead exhibit, and the rest in order as HTML. Code is hidden unless a cell is
 * tagged `show-input`; `remove-input`, `remove-output` and `remove-cell` (Jupyter Book's tags)
 * are honoured. Pure: the same notebook gives the same note.
 *
 * @module
 */
import { stripAnsi } from "../notebook/ansi.ts";
import { frontMatter } from "../notebook/front_matter.ts";
import { cellSource, cellTags, type Notebook } from "../notebook/notebook.ts";
import { renderMarkdown } from "./markdown.ts";
import { type ExhibitData, exhibitData } from "./exhibit_data.ts";
import { escapeHtml, type NoteExhibit, renderExhibitHtml } from "./note_html.ts";

/** A heading of the note's body, for the contents list. */
export interface NoteHeading {
  /** Anchor id. */
  readonly id: string;
  /** Heading text (HTML-escaped). */
  readonly html: string;
}

/** What a note shows, taken from an executed notebook. */
export interface NotebookNote {
  readonly title: string;
  readonly subtitle?: string;
  /** Publication date, `YYYY-MM-DD`. */
  readonly date: string;
  /** The latest "data as of" date among the note's exhibits, `YYYY-MM-DD`, if it has any. */
  readonly dataAsOf?: string;
  readonly authors: readonly string[];
  readonly tickers: readonly string[];
  /** The key takeaways as an HTML list. */
  readonly takeawaysHtml: string;
  /** The cover's exhibit: the notebook's first. */
  readonly lead?: NoteExhibit;
  /** Everything else, in order, as HTML. */
  readonly bodyHtml: string;
  /** The body's second-level headings, in order. */
  readonly headings: readonly NoteHeading[];
  /** The data behind each exhibit, in order (exhibit n is `exhibit-<n>.csv`). */
  readonly exhibitData: readonly ExhibitData[];
}

/** Options of {@linkcode notebookNote}. */
export interface NotebookNoteOptions {
  /** Notebook path, for error messages. Required. */
  readonly file: string;
  /** Date printed when the front matter has none, `YYYY-MM-DD`. Required. */
  readonly date: string;
  /** Folder, relative to the note's HTML, of its exhibits' CSVs: each exhibit then links to
   * `<dataDir>/exhibit-<n>.csv`. Default: no links. */
  readonly dataDir?: string;
}

const VEGA_LITE = "application/vnd.vegalite.v5+json";

function text(value: unknown): string {
  return Array.isArray(value) ? value.join("") : String(value ?? "");
}

/** Prefixes every SVG id so several exhibits can share one HTML page. */
function scopeSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

/** Ids for h2 headings, collected for the contents list. */
function anchorHeadings(html: string, headings: NoteHeading[]): string {
  return html.replace(/<h2>([\s\S]*?)<\/h2>/g, (_, inner: string) => {
    const id = `section-${headings.length + 1}`;
    headings.push({ id, html: inner.replace(/<[^>]+>/g, "") });
    return `<h2 id="${id}">${inner}</h2>`;
  });
}

type Bundle = Record<string, unknown>;

function isExhibit(data: Bundle): boolean {
  return VEGA_LITE in data && "image/svg+xml" in data;
}

function bundleHtml(data: Bundle, where: string): string {
  if ("text/html" in data) return text(data["text/html"]);
  if ("text/markdown" in data) {
    return `<div class="md-output">${renderMarkdown(text(data["text/markdown"]))}</div>`;
  }
  if ("image/svg+xml" in data) {
    return `<figure class="image">${text(data["image/svg+xml"])}</figure>`;
  }
  if ("image/png" in data) {
    return `<figure class="image"><img alt="" src="data:image/png;base64,${
      text(data["image/png"]).replace(/\s/g, "")
    }"></figure>`;
  }
  if ("text/latex" in data) {
    return `<div class="md-output">${renderMarkdown(text(data["text/latex"]))}</div>`;
  }
  if ("text/plain" in data) {
    return `<pre class="output">${escapeHtml(stripAnsi(text(data["text/plain"])))}</pre>`;
  }
  throw new TypeError(
    `${where}: no MIME type the note can print (got ${Object.keys(data).join(", ")})`,
  );
}

/**
 * Reads an executed notebook as a note.
 *
 * @example
 * ```ts
 * import { notebookNote } from "./notebook_note.ts";
 * import assert from "node:assert/strict";
 *
 * const md = (source: string) => ({ cell_type: "markdown" as const, metadata: {}, source });
 * const code = (source: string, tags: string[], data: Record<string, unknown>) => ({
 *   cell_type: "code" as const, metadata: { tags }, source, execution_count: 1,
 *   outputs: [{ output_type: "display_data" as const, data, metadata: {} }] });
 * const note = notebookNote({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [
 *   { cell_type: "raw", metadata: {}, source: "---\ntitle: Hashprice\n---" },
 *   md("## Why it matters\nIt is $h = R/H$."),
 *   code("secret()", [], { "text/markdown": "Up **12%**" }),
 *   code("takeaways()", ["takeaways"], { "text/markdown": "- One\n- Two" }),
 * ] }, { file: "n.ipynb", date: "2026-06-01" });
 * assert.equal(note.title, "Hashprice");
 * assert.match(note.takeawaysHtml, /<li>One<\/li>/);
 * assert.match(note.bodyHtml, /<h2 id="section-1">Why it matters<\/h2>/);
 * assert.match(note.bodyHtml, /Up <strong>12%<\/strong>/);
 * assert.doesNotMatch(note.bodyHtml, /secret|One/); // code hidden; takeaways on the cover only
 * ```
 */
export function notebookNote(notebook: Notebook, options: NotebookNoteOptions): NotebookNote {
  const { file } = options;
  const front = frontMatter(notebook, file);
  const parts: string[] = [];
  const takeaways: string[] = [];
  let lead: NoteExhibit | undefined;
  let exhibits = 0;
  let dataAsOf: string | undefined;
  const data: ExhibitData[] = [];
  for (const [index, cell] of notebook.cells.entries()) {
    const tags = cellTags(cell);
    if (index === 0 || tags.includes("remove-cell") || cell.cell_type === "raw") continue;
    const where = `${file}: cell ${index + 1}`;
    if (cell.cell_type === "markdown") {
      parts.push(renderMarkdown(cellSource(cell)));
      continue;
    }
    if (tags.includes("takeaways")) {
      for (const output of cell.outputs ?? []) {
        if ("data" in output) takeaways.push(bundleHtml(output.data, where));
      }
      continue;
    }
    if (tags.includes("show-input") && !tags.includes("remove-input")) {
      parts.push(`<pre class="code">${escapeHtml(cellSource(cell))}</pre>`);
    }
    if (tags.includes("remove-output")) continue;
    for (const output of cell.outputs ?? []) {
      if (output.output_type === "error") {
        throw new TypeError(
          `${where} holds an error output (${output.ename}: ${output.evalue}); run the notebook again`,
        );
      }
      if (output.output_type === "stream") {
        if (output.name === "stdout") {
          parts.push(`<pre class="output">${escapeHtml(stripAnsi(text(output.text)))}</pre>`);
        }
        continue;
      }
      if (isExhibit(output.data)) {
        exhibits++;
        // Each exhibit's source line ends "Data as of YYYY-MM-DD."; the cover states the latest.
        for (
          const [, day] of JSON.stringify(output.data[VEGA_LITE]).matchAll(
            /Data as of (\d{4}-\d{2}-\d{2})/g,
          )
        ) {
          if (dataAsOf === undefined || day! > dataAsOf) dataAsOf = day;
        }
        data.push(exhibitData(output.data[VEGA_LITE], where));
        const exhibit = {
          label: stripAnsi(text(output.data["text/plain"])),
          svg: scopeSvgIds(text(output.data["image/svg+xml"]), `exhibit${exhibits}`),
          ...(options.dataDir === undefined
            ? {}
            : { dataHref: `${options.dataDir}/${exhibitCsvName(exhibits)}` }),
        };
        if (lead === undefined) lead = exhibit;
        else parts.push(renderExhibitHtml(exhibit));
        continue;
      }
      parts.push(bundleHtml(output.data, where));
    }
  }
  const takeawaysHtml = takeaways.length > 0
    ? takeaways.join("\n")
    : front.takeaways.length > 0
    ? `<ul>${front.takeaways.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`
    : "";
  if (takeawaysHtml === "") {
    throw new TypeError(
      `${file}: the note has no key takeaways: tag a code cell "takeaways" that displays a ` +
        `markdown list, or list "takeaways" in the front matter`,
    );
  }
  const headings: NoteHeading[] = [];
  const bodyHtml = anchorHeadings(parts.join("\n"), headings);
  return {
    title: front.title,
    ...(front.subtitle === undefined ? {} : { subtitle: front.subtitle }),
    date: front.date ?? options.date,
    ...(dataAsOf === undefined ? {} : { dataAsOf }),
    authors: front.authors,
    tickers: front.tickers,
    takeawaysHtml,
    ...(lead === undefined ? {} : { lead }),
    bodyHtml,
    headings,
    exhibitData: data,
  };
}

/**
 * The file name of exhibit `n`'s data in its note's folder.
 *
 * @example
 * ```ts
 * import { exhibitCsvName } from "./notebook_note.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(exhibitCsvName(3), "exhibit-3.csv");
 * ```
 */
export function exhibitCsvName(n: number): string {
  return `exhibit-${n}.csv`;
}
