/**
 * A research note as self-contained HTML (inline CSS and SVG, no external requests) under a
 * Content Security Policy that lets it run nothing and fetch nothing when opened, and the
 * running header and footer Chromium prints on every page. Pure: the same note gives the same
 * HTML.
 *
 * @module
 */
import { HOUSE_COLORS, HOUSE_FONT } from "../charts/theme.ts";
import { contentSecurityPolicyMeta, inertMarkup } from "./content_policy.ts";
import type { NotebookNote } from "./notebook_note.ts";

/** An exhibit as the note shows it: its label and its SVG, chrome included (see `Exhibit`). */
export interface NoteExhibit {
  /** "Exhibit N: title", for accessibility and the contents. */
  readonly label: string;
  /** The exhibit as SVG markup, title and source line included. */
  readonly svg: string;
  /** Relative link to the CSV of its data. Default: none. */
  readonly dataHref?: string;
}

/**
 * Escapes text for HTML.
 *
 * @example
 * ```ts
 * import { escapeHtml } from "./note_html.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(escapeHtml(`<a href="x">&</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

const CSS = `
@page { margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "${HOUSE_FONT}", "Liberation Sans", sans-serif; color: #1d2430; font-size: 9.5pt;
  line-height: 1.45; margin: 0; }
header.masthead { border-bottom: 2px solid ${HOUSE_COLORS.navy}; padding-bottom: 6pt; margin-bottom: 10pt; }
.kicker { color: ${HOUSE_COLORS.blue}; font-size: 8pt; font-weight: 600; letter-spacing: .06em;
  text-transform: uppercase; }
h1 { color: ${HOUSE_COLORS.navy}; font-size: 19pt; line-height: 1.15; margin: 3pt 0 2pt; }
h2 { color: ${HOUSE_COLORS.navy}; font-size: 12.5pt; margin: 14pt 0 4pt; break-after: avoid; }
h3 { color: ${HOUSE_COLORS.navy}; font-size: 10.5pt; margin: 10pt 0 3pt; break-after: avoid; }
.subtitle { color: #4A4E57; font-size: 11pt; margin: 0; }
.byline { color: #5C6370; font-size: 8pt; margin-top: 4pt; }
.cover { break-after: page; }
.takeaways { background: #EEF3F9; border-left: 3px solid ${HOUSE_COLORS.navy}; padding: 7pt 10pt;
  margin: 8pt 0 10pt; break-inside: avoid; }
.takeaways h2 { font-size: 9pt; color: ${HOUSE_COLORS.navy}; margin: 0 0 3pt; text-transform: uppercase;
  letter-spacing: .05em; }
.takeaways ul { margin: 0; padding-left: 14pt; }
.takeaways li { margin: 2pt 0; }
.takeaways p { margin: 0; }
p { margin: 0 0 6pt; }
ul, ol { margin: 0 0 6pt; padding-left: 16pt; }
figure { margin: 10pt 0; break-inside: avoid; }
figure svg, figure img { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 6pt 0 10pt; font-size: 8.5pt; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { color: ${HOUSE_COLORS.navy}; text-align: left; border-bottom: 1.5px solid ${HOUSE_COLORS.navy};
  padding: 2pt 8pt 2pt 0; }
td { border-bottom: 1px solid #D5DAE1; padding: 2pt 8pt 2pt 0; vertical-align: top; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: "DejaVu Sans Mono", monospace;
  font-size: 7.5pt; line-height: 1.35; margin: 4pt 0 8pt; }
pre.output { color: #3A404A; border-left: 2px solid #C9D2DE; padding: 2pt 0 2pt 7pt; }
pre.code { background: #F4F6F9; padding: 5pt 7pt; }
pre.house-view { background: #F4F6F9; padding: 4pt 6pt; font-size: 6.5pt; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; }
.math { margin: 6pt 0; break-inside: avoid; }
nav.contents { margin-bottom: 8pt; border-bottom: 1px solid #D5DAE1; }
nav.contents ol { padding-left: 16pt; }
nav.contents a { color: inherit; text-decoration: none; }
section.appendix { break-before: page; }
section.appendix h3 code { font-size: 9pt; }
section.appendix .source { break-inside: avoid; font-size: 8pt; }
a { color: ${HOUSE_COLORS.blue}; }
.exhibit-data { font-size: 7.5pt; margin-top: 2pt; }
@media print { .exhibit-data { display: none; } }
.disclosure { color: #7A808A; font-size: 7pt; border-top: 1px solid #D5DAE1; margin-top: 12pt;
  padding-top: 4pt; }
`;

/** Body headings from which a note gets a contents list. */
export const CONTENTS_MIN_HEADINGS = 4;

/** Everything the HTML document holds. */
export interface NotePage {
  /** The note, read from its notebook (its exhibits' data go in files, not in the page). */
  readonly note: Omit<NotebookNote, "exhibitData">;
  /** The appendix (see `appendixHtml`). */
  readonly appendixHtml: string;
  /** Short disclosure printed at the end (and in the footer). */
  readonly disclosure: string;
  /** More CSS, e.g. KaTeX's for a note with math. Default: none. */
  readonly extraCss?: string;
}

/**
 * The exhibit's figure: its SVG, which carries "Exhibit N: title", the subtitle and the source
 * line, kept whole on one page.
 *
 * @example
 * ```ts
 * import { renderExhibitHtml } from "./note_html.ts";
 * import assert from "node:assert/strict";
 *
 * const html = renderExhibitHtml({ label: "Exhibit 2: Up & away", svg: "<svg></svg>" });
 * assert.equal(html, '<figure class="exhibit" aria-label="Exhibit 2: Up &amp; away"><svg></svg></figure>');
 * const linked = renderExhibitHtml({ label: "Exhibit 2", svg: "<svg></svg>", dataHref: "01_hashprice/exhibit-2.csv" });
 * assert.match(linked, /<a href="01_hashprice\/exhibit-2.csv" download>Data behind this exhibit \(CSV\)<\/a>/);
 * ```
 */
export function renderExhibitHtml(exhibit: NoteExhibit): string {
  // A link is navigation, which the note's policy leaves alone: the CSV opens from the HTML.
  // The PDF drops it (a relative link there leads nowhere) and lists the files in its appendix.
  const link = exhibit.dataHref === undefined
    ? ""
    : `<figcaption class="exhibit-data"><a href="${
      escapeHtml(exhibit.dataHref)
    }" download>Data behind this exhibit (CSV)</a></figcaption>`;
  return `<figure class="exhibit" aria-label="${
    escapeHtml(exhibit.label)
  }">${exhibit.svg}${link}</figure>`;
}

/**
 * The note's HTML document: a cover (masthead, key takeaways, lead exhibit), a contents list
 * when the body has {@linkcode CONTENTS_MIN_HEADINGS} sections or more, the body and the
 * appendix. The head carries the note's Content Security Policy; cell markup that could
 * fetch around it is made inert (see `inertMarkup`).
 *
 * @example
 * ```ts
 * import { renderNoteHtml } from "./note_html.ts";
 * import assert from "node:assert/strict";
 *
 * const note = { title: "T & U", date: "2026-06-01", authors: ["mullet research"], tickers: ["IREN"],
 *   takeawaysHtml: "<ul><li>One</li></ul>", bodyHtml: "<p>Body</p>", headings: [] };
 * const html = renderNoteHtml({ note, appendixHtml: "<section>A</section>", disclosure: "D" });
 * assert.match(html, /<h1>T &amp; U<\/h1>/);
 * assert.match(html, /2026-06-01 · mullet research · IREN/);
 * assert.doesNotMatch(html, /<script|Contents/);
 * assert.match(html, /^<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"/);
 * ```
 */
export function renderNoteHtml(page: NotePage): string {
  const { note } = page;
  const asOf = note.dataAsOf === undefined ? [] : [`data as of ${note.dataAsOf}`];
  const byline = [note.date, ...asOf, ...note.authors, note.tickers.join(", ")]
    .filter((s) => s !== "").map(escapeHtml).join(" · ");
  const contents = note.headings.length >= CONTENTS_MIN_HEADINGS
    ? `<nav class="contents"><h2>Contents</h2><ol>${
      note.headings.map((h) => `<li><a href="#${h.id}">${h.html}</a></li>`).join("")
    }</ol></nav>`
    : "";
  const body = `<section class="cover">
<header class="masthead"><div class="kicker">mullet research · Bitcoin mining and AI data centres</div>
<h1>${escapeHtml(note.title)}</h1>${
    note.subtitle === undefined ? "" : `<p class="subtitle">${escapeHtml(note.subtitle)}</p>`
  }
<div class="byline">${byline}</div></header>
<section class="takeaways"><h2>Key takeaways</h2>${note.takeawaysHtml}</section>
${note.lead === undefined ? "" : renderExhibitHtml(note.lead)}
</section>
${contents}
<main>
${note.bodyHtml}
</main>
${page.appendixHtml}
<div class="disclosure">${escapeHtml(page.disclosure)}</div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
${contentSecurityPolicyMeta()}
<title>${escapeHtml(note.title)}</title>
<style>${CSS}${page.extraCss ?? ""}</style></head>
<body>
${inertMarkup(body)}
</body></html>
`;
}

const TEMPLATE_STYLE =
  `font-family: '${HOUSE_FONT}', sans-serif; font-size: 7pt; color: #7A808A; width: 100%; margin: 0 16mm;`;

/**
 * Chromium header template: note title and date.
 *
 * @example
 * ```ts
 * import { headerTemplate } from "./note_html.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(headerTemplate({ title: "Hashprice", date: "2026-06-01" }), /Hashprice/);
 * ```
 */
export function headerTemplate(note: { readonly title: string; readonly date: string }): string {
  return `<div style="${TEMPLATE_STYLE} display: flex; justify-content: space-between;">` +
    `<span>${escapeHtml(note.title)}</span><span>${escapeHtml(note.date)}</span></div>`;
}

/**
 * Chromium footer template: short disclosure and "Page x of y".
 *
 * @example
 * ```ts
 * import { footerTemplate } from "./note_html.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(footerTemplate("D"), /class="pageNumber"/);
 * ```
 */
export function footerTemplate(disclosure: string): string {
  return `<div style="${TEMPLATE_STYLE} display: flex; justify-content: space-between;">` +
    `<span>${escapeHtml(disclosure)}</span>` +
    `<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}
