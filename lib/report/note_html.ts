/**
 * A research note as self-contained HTML (inline CSS and SVG, no scripts, no external
 * requests), and the running header and footer Chromium prints on every page. Pure: the same
 * note gives the same HTML.
 *
 * @module
 */
import { HOUSE_COLORS, HOUSE_FONT } from "../charts/theme.ts";

/** An exhibit as the note shows it: its label and its SVG, chrome included (see `Exhibit`). */
export interface NoteExhibit {
  /** "Exhibit N: title", for accessibility and the contents. */
  readonly label: string;
  /** The exhibit as SVG markup, title and source line included. */
  readonly svg: string;
}

/** Everything a one-section note shows. */
export interface Note {
  readonly title: string;
  readonly subtitle: string;
  /** Publication date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly authors: readonly string[];
  /** Key takeaways, one sentence each. */
  readonly takeaways: readonly string[];
  /** Body paragraphs (plain text, escaped). */
  readonly paragraphs: readonly string[];
  readonly exhibits: readonly NoteExhibit[];
  /** Short disclosure printed in the footer and at the end. */
  readonly disclosure: string;
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
.subtitle { color: #4A4E57; font-size: 11pt; margin: 0; }
.byline { color: #5C6370; font-size: 8pt; margin-top: 4pt; }
.takeaways { background: #EEF3F9; border-left: 3px solid ${HOUSE_COLORS.navy}; padding: 7pt 10pt;
  margin: 8pt 0 10pt; break-inside: avoid; }
.takeaways h2 { font-size: 9pt; color: ${HOUSE_COLORS.navy}; margin: 0 0 3pt; text-transform: uppercase;
  letter-spacing: .05em; }
.takeaways ul { margin: 0; padding-left: 14pt; }
.takeaways li { margin: 2pt 0; }
p { margin: 0 0 6pt; }
figure.exhibit { margin: 10pt 0; break-inside: avoid; }
figure.exhibit .label { color: ${HOUSE_COLORS.navy}; font-weight: 700; font-size: 9.5pt; }
figure.exhibit .title { color: ${HOUSE_COLORS.navy}; font-weight: 600; font-size: 9.5pt; }
figure.exhibit svg { display: block; max-width: 100%; height: auto; }
.disclosure { color: #7A808A; font-size: 7pt; border-top: 1px solid #D5DAE1; margin-top: 12pt;
  padding-top: 4pt; }
`;

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
 * ```
 */
export function renderExhibitHtml(exhibit: NoteExhibit): string {
  return `<figure class="exhibit" aria-label="${
    escapeHtml(exhibit.label)
  }">${exhibit.svg}</figure>`;
}

/**
 * The note's HTML document.
 *
 * @example
 * ```ts
 * import { renderNoteHtml } from "./note_html.ts";
 * import assert from "node:assert/strict";
 *
 * const html = renderNoteHtml({ title: "T", subtitle: "S", date: "2026-06-01", authors: [],
 *   takeaways: ["One"], paragraphs: ["P & Q"], exhibits: [], disclosure: "D" });
 * assert.match(html, /<h1>T<\/h1>/);
 * assert.match(html, /P &amp; Q/);
 * assert.doesNotMatch(html, /<script/);
 * ```
 */
export function renderNoteHtml(note: Note): string {
  const byline = [note.date, ...note.authors].map(escapeHtml).join(" · ");
  const takeaways = note.takeaways.map((t) => `<li>${escapeHtml(t)}</li>`).join("");
  const [lead, ...rest] = note.exhibits;
  const [firstParagraph, ...otherParagraphs] = note.paragraphs;
  const body = [
    firstParagraph === undefined ? "" : `<p>${escapeHtml(firstParagraph)}</p>`,
    lead === undefined ? "" : renderExhibitHtml(lead),
    ...otherParagraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...rest.map(renderExhibitHtml),
  ].join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(note.title)}</title>
<style>${CSS}</style></head>
<body>
<header class="masthead"><div class="kicker">mullet research · Bitcoin mining and AI data centres</div>
<h1>${escapeHtml(note.title)}</h1><p class="subtitle">${escapeHtml(note.subtitle)}</p>
<div class="byline">${byline}</div></header>
<section class="takeaways"><h2>Key takeaways</h2><ul>${takeaways}</ul></section>
${body}
<div class="disclosure">${escapeHtml(note.disclosure)}</div>
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
export function headerTemplate(note: Pick<Note, "title" | "date">): string {
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
