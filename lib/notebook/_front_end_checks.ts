// Shared by the browser tests: what a reader must see of a notebook in a Jupyter front end
// (classic Notebook, nbconvert's HTML), read from the notebook itself, and a probe that reads
// what the page in Chromium shows. Exhibits are PNG images of their own pixel size, never blank;
// every dollar amount of the prose and tables reads as text (MathJax would take the `$` of two
// amounts as the edges of a formula and print "1.91kto" in italics).
import { literalDollars } from "../charts/literal_dollars.ts";
import type { Notebook } from "./notebook.ts";

/** What a reader must see of a notebook's saved or live outputs. */
export interface ExpectedView {
  /** The pixel size of each exhibit's PNG, in order. */
  readonly exhibits: readonly { readonly width: number; readonly height: number }[];
  /** Each dollar amount in markdown cells and markdown outputs, as it should read ("$1.91k"). */
  readonly amounts: readonly string[];
  /** The TeX of each formula the author meant (pandoc's rule, as `literalDollars` reads it). */
  readonly maths: readonly string[];
  /** Each DataFrame table (`frameBundle`'s HTML): its body rows' count and first row's cells. */
  readonly tables: readonly FrameTable[];
}

/** A DataFrame table as a reader sees it. */
export interface FrameTable {
  /** Body rows shown (a long frame's "… more rows …" line included). */
  readonly rows: number;
  /** The text of the first body row's cells. */
  readonly first: readonly string[];
}

/** What the page shows, as {@linkcode probePage}'s script reads it. */
export interface PageView {
  /** Each image in an output: its natural size, shown width and count of dark pixels. */
  readonly images: readonly {
    readonly width: number;
    readonly height: number;
    readonly shownWidth: number;
    readonly inked: number;
  }[];
  /** The text of the outputs and rendered markdown cells. */
  readonly text: string;
  /** The text of each error output. */
  readonly errors: readonly string[];
  /** The TeX source of every formula MathJax typeset. */
  readonly maths: readonly string[];
  /** Every `table.dataframe` on the page. */
  readonly tables: readonly FrameTable[];
}

/** The text of an HTML fragment's cells, as a browser shows it. */
function cellText(html: string): string {
  return html.replace(/<[^>]+>/g, "").replaceAll("&#36;", "$").replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">").replaceAll("&amp;", "&").trim();
}

/** The DataFrame tables of an output's HTML. */
function frameTables(html: string): FrameTable[] {
  return [...html.matchAll(/<table class="dataframe">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/g)]
    .map((m) => {
      const rows = [...m[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => r[1]!);
      const first = [...(rows[0] ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)]
        .map((c) => cellText(c[1]!));
      return { rows: rows.length, first };
    });
}

/** A dollar amount as `literalDollars` writes it: "$1.91k", "$70,000", "$0.047", "$1.73M". */
const AMOUNT = /<span>&#36;<\/span>(\d[\d,]*(?:\.\d+)?(?:[kMBT](?![a-z]))?)/g;

/** The exhibits and dollar amounts of `notebook`'s markdown and outputs. */
export function expectedView(notebook: Notebook): ExpectedView {
  const exhibits: { width: number; height: number }[] = [];
  const prose: string[] = [];
  const tables: FrameTable[] = [];
  for (const cell of notebook.cells) {
    if (cell.cell_type === "markdown") prose.push(joined(cell.source));
    for (const output of cell.outputs ?? []) {
      const data = (output as { data?: Record<string, unknown> }).data ?? {};
      const png = data["image/png"];
      if (png !== undefined) exhibits.push(pngSize(joined(png as string | string[])));
      const markdown = data["text/markdown"];
      if (markdown !== undefined) prose.push(joined(markdown as string | string[]));
      const html = data["text/html"];
      if (html !== undefined) tables.push(...frameTables(joined(html as string | string[])));
    }
  }
  // After literalDollars, a dollar is either written as text or the edge of real maths.
  const prepared = prose.map(literalDollars);
  const amounts = prepared.flatMap((text) => [...text.matchAll(AMOUNT)].map((m) => `$${m[1]}`));
  const maths = prepared.flatMap((text) =>
    [...text.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$]+?)\$/g)].map((m) => normal(m[1] ?? m[2]!))
  );
  return { exhibits, amounts, maths, tables };
}

/** The differences between what a reader must see and what the page shows (none: `[]`). */
export function viewProblems(expected: ExpectedView, seen: PageView): string[] {
  const problems = seen.errors.map((error) => `a cell failed: ${error.slice(0, 300)}`);
  if (seen.images.length !== expected.exhibits.length) {
    problems.push(
      `${expected.exhibits.length} exhibits expected, ${seen.images.length} images shown`,
    );
  }
  for (const [i, image] of seen.images.entries()) {
    const want = expected.exhibits[i];
    if (want !== undefined && (image.width !== want.width || image.height !== want.height)) {
      problems.push(
        `exhibit ${
          i + 1
        } is ${image.width}×${image.height} px, expected ${want.width}×${want.height}`,
      );
    }
    if (image.shownWidth < 100) {
      problems.push(`exhibit ${i + 1} is shown ${image.shownWidth} px wide`);
    }
    if (image.inked < 2000) problems.push(`exhibit ${i + 1} is blank (${image.inked} dark pixels)`);
  }
  const text = seen.text.replace(/\s+/g, " ");
  for (const amount of new Set(expected.amounts)) {
    if (!text.includes(amount)) problems.push(`"${amount}" does not read as text`);
  }
  // Every DataFrame shows as a table, with its rows and its first row's cells as saved.
  if (seen.tables.length !== expected.tables.length) {
    problems.push(`${expected.tables.length} tables expected, ${seen.tables.length} shown`);
  }
  for (const [i, table] of seen.tables.entries()) {
    const want = expected.tables[i];
    if (want === undefined) continue;
    if (table.rows !== want.rows || table.first.join(" | ") !== want.first.join(" | ")) {
      problems.push(
        `table ${i + 1} shows ${table.rows} rows, first "${table.first.join(" | ")}"; ` +
          `expected ${want.rows}, first "${want.first.join(" | ")}"`,
      );
    }
  }
  // Real maths ($h = R / H$, $10^3/\eta$) is typeset; nothing else is.
  for (const tex of seen.maths) {
    if (!expected.maths.includes(normal(tex))) problems.push(`typeset as maths: "${tex}"`);
  }
  return problems;
}

/**
 * A script for `page.evaluate` that reads a {@linkcode PageView}: images under `image`,
 * text under `text`, errors under `error` (none without it), and MathJax 2's formulas.
 */
export function probePage(
  selectors: { readonly image: string; readonly text: string; readonly error?: string },
): string {
  return `(() => {
    const images = [...document.querySelectorAll(${JSON.stringify(selectors.image)})].map((img) => {
      const canvas = document.createElement("canvas");
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext("2d");
      context.drawImage(img, 0, 0);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 0 && pixels[i] < 200) inked++;
      return {
        width: img.naturalWidth,
        height: img.naturalHeight,
        shownWidth: Math.round(img.getBoundingClientRect().width),
        inked,
      };
    });
    const text = [...document.querySelectorAll(${JSON.stringify(selectors.text)})]
      .map((element) => element.innerText).join("\\n");
    const errors = [...document.querySelectorAll(${JSON.stringify(selectors.error ?? ":not(*)")})]
      .map((element) => element.innerText);
    const maths = [...document.querySelectorAll('script[type^="math/tex"]')]
      .map((script) => script.textContent);
    const tables = [...document.querySelectorAll("table.dataframe")].map((table) => {
      const rows = [...table.querySelectorAll("tbody tr")];
      const first = rows.length === 0 ? [] : [...rows[0].querySelectorAll("td")]
        .map((cell) => cell.innerText.trim());
      return { rows: rows.length, first };
    });
    return { images, text, errors, maths, tables };
  })()`;
}

/** Width and height of a PNG from its IHDR chunk. */
export function pngSize(base64: string): { width: number; height: number } {
  const bytes = Uint8Array.from(
    atob(base64.replace(/\s+/g, "").slice(0, 44)),
    (c) => c.charCodeAt(0),
  );
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function joined(source: string | readonly string[]): string {
  return typeof source === "string" ? source : source.join("");
}

/** TeX compared without its spacing. */
function normal(tex: string): string {
  return tex.replace(/\s+/g, "");
}
