import assert from "node:assert/strict";
import type { Notebook } from "../notebook/notebook.ts";
import { notebookNote } from "./notebook_note.ts";
import { CONTENTS_MIN_HEADINGS, renderNoteHtml } from "./note_html.ts";

const front = { cell_type: "raw" as const, metadata: {}, source: "---\ntitle: T\n---" };
const md = (source: string) => ({ cell_type: "markdown" as const, metadata: {}, source });
const output = (data: Record<string, unknown>, tags: string[] = []) => ({
  cell_type: "code" as const,
  metadata: { tags },
  source: "x",
  execution_count: 1,
  outputs: [{ output_type: "display_data" as const, data, metadata: {} }],
});
const takeaways = output({ "text/markdown": "- A finding" }, ["takeaways"]);
const nb = (...cells: Notebook["cells"]): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [front, ...cells],
});
const options = { file: "n.ipynb", date: "2026-06-01" };
const exhibit = (n: number) =>
  output({
    "application/vnd.vegalite.v5+json": {},
    "image/svg+xml":
      `<svg><defs><clipPath id="clip"></clipPath></defs><g clip-path="url(#clip)"/></svg>`,
    "text/plain": `Exhibit ${n}: E${n}`,
  });

Deno.test("a long note gets a contents list; a short one does not", () => {
  const sections = (n: number) =>
    Array.from({ length: n }, (_, i) => md(`## Part ${i + 1}\n\nText.`));
  const long = notebookNote(nb(...sections(CONTENTS_MIN_HEADINGS), takeaways), options);
  assert.deepEqual(long.headings.map((h) => h.html), ["Part 1", "Part 2", "Part 3", "Part 4"]);
  const html = renderNoteHtml({ note: long, appendixHtml: "", disclosure: "D" });
  assert.match(html, /<nav class="contents"><h2>Contents<\/h2><ol><li><a href="#section-1">Part 1/);
  const short = notebookNote(nb(...sections(CONTENTS_MIN_HEADINGS - 1), takeaways), options);
  assert.doesNotMatch(
    renderNoteHtml({ note: short, appendixHtml: "", disclosure: "D" }),
    /Contents/,
  );
});

Deno.test("the first exhibit goes on the cover; ids of each exhibit's SVG are kept apart", () => {
  const note = notebookNote(nb(exhibit(1), exhibit(2), exhibit(3), takeaways), options);
  assert.equal(note.lead?.label, "Exhibit 1: E1");
  assert.match(note.lead!.svg, /id="exhibit1-clip"[\s\S]*url\(#exhibit1-clip\)/);
  assert.match(
    note.bodyHtml,
    /aria-label="Exhibit 2: E2"[\s\S]*id="exhibit2-clip"[\s\S]*url\(#exhibit2-clip\)/,
  );
  assert.match(note.bodyHtml, /id="exhibit3-clip"/);
});

Deno.test("outputs print by their richest type; stderr and ANSI escapes are left out", () => {
  const note = notebookNote(
    nb(
      output({ "text/html": "<b>html</b>", "text/plain": "plain" }),
      output({ "image/png": "iVBORw0KGgo=", "text/plain": "png" }),
      output({ "text/plain": "\x1b[32m42\x1b[0m" }),
      {
        cell_type: "code",
        metadata: {},
        source: "",
        execution_count: 2,
        outputs: [
          { output_type: "stream", name: "stdout", text: ["a ", "<b>\n"] },
          { output_type: "stream", name: "stderr", text: "warning: deprecated\n" },
        ],
      },
      takeaways,
    ),
    options,
  );
  assert.match(note.bodyHtml, /<b>html<\/b>/);
  assert.match(note.bodyHtml, /<img alt="" src="data:image\/png;base64,iVBORw0KGgo=">/);
  assert.match(note.bodyHtml, /<pre class="output">42<\/pre>/);
  assert.match(note.bodyHtml, /<pre class="output">a &lt;b&gt;\n<\/pre>/);
  assert.doesNotMatch(note.bodyHtml, /deprecated|plain/);
  assert.ok(!note.bodyHtml.includes("\x1b"), "no ANSI escape");
});

Deno.test("a note without takeaways, or with an error output, is refused with the reason", () => {
  assert.throws(
    () => notebookNote(nb(md("Text")), options),
    /n\.ipynb: the note has no key takeaways: tag a code cell "takeaways"/,
  );
  const failed = {
    cell_type: "code" as const,
    metadata: {},
    source: "boom()",
    execution_count: 1,
    outputs: [{
      output_type: "error" as const,
      ename: "ReferenceError",
      evalue: "boom is not defined",
      traceback: [],
    }],
  };
  assert.throws(
    () => notebookNote(nb(failed, takeaways), options),
    /n\.ipynb: cell 2 holds an error output \(ReferenceError: boom is not defined\); run the notebook again/,
  );
  assert.throws(
    () => notebookNote(nb(md("Bad math $\\frac{1$ here"), takeaways), options),
    /Cannot typeset the formula "\\\\frac\{1"/,
  );
});

Deno.test("front matter takeaways are used when no cell is tagged; its date wins", () => {
  const withList = {
    ...front,
    source: "---\ntitle: T\ndate: 2025-01-31\ntakeaways: [Costs rose, Sites matter]\n---",
  };
  const note = notebookNote({ ...nb(), cells: [withList, md("x")] }, options);
  assert.equal(note.takeawaysHtml, "<ul><li>Costs rose</li><li>Sites matter</li></ul>");
  assert.equal(note.date, "2025-01-31");
});

Deno.test("the cover states the latest data as-of date of the note's exhibits", () => {
  const dated = (day: string) =>
    output({
      "application/vnd.vegalite.v5+json": { title: { text: `Source: S. Data as of ${day}.` } },
      "image/svg+xml": "<svg/>",
      "text/plain": "Exhibit",
    });
  const note = notebookNote(nb(dated("2026-06-01"), dated("2026-06-29"), takeaways), options);
  assert.equal(note.dataAsOf, "2026-06-29");
  assert.equal(notebookNote(nb(takeaways), options).dataAsOf, undefined);
});
