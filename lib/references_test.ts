// Every citation in the project resolves inside it. `REFERENCES.md` at the root lists each public
// source that the code, the notebooks and the README cite by id (with its title, date and URL)
// and each formula they cite by id (with the function that implements it). This test reads lib/,
// the notebooks' cells (code and markdown, not their outputs), the other files beside the
// notebooks and README.md, and checks both ways: every id used has an entry, every entry is used.
// A document the project names must be one of its own files, so no comment sends a reader to a
// file they do not have. The test leaves its own file out: its patterns are not citations.
import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url);
const SELF = "lib/references_test.ts";

/** A source id as cited: `[S` + number (+ letter for a sibling page) + `]`. */
const SOURCE_CITATION = /\[(S\d+[a-z]?)\]/g;
/** Several source ids in one bracket (`[S19, S21]`, `[S38/S88]`): cite each in its own. */
const MALFORMED_SOURCE_CITATION = /\[S\d+[a-z]?(?:\s*[,;/]\s*S\d+[a-z]?)+\]/g;
/** A formula id: `F` + number, a word of its own (`F2`, `F3–F5`). */
const FORMULA_ID = /\bF\d+\b/g;
/** A document named by file name or path, outside a URL. */
const DOCUMENT = /(?<![\w./:\\-])[\w./-]*\.md\b/g;
/** A dataset row cited as `data/<file>.csv <ID>`, for datasets keyed by an upper-case id. */
const DATASET_ROW = /\bdata\/(\w+\.csv) ([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\b/g;
/** Documents of repositories the project cites, named beside their repository, not its own. */
const CITED_REPOSITORY_DOCUMENTS = new Set([
  "BACKFILL.md", // henryzhangpku/gpu-price-index `docs/BACKFILL.md`, the GPU price back-series
]);

interface Text {
  /** File, and cell for a notebook. */
  readonly where: string;
  readonly text: string;
}

interface Source {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly url: string;
}

interface Formula {
  readonly id: string;
  readonly formula: string;
  /** Functions that implement it, each with its module. */
  readonly implementedBy: readonly { readonly name: string; readonly path: string }[];
}

const read = (path: string) => Deno.readTextFileSync(new URL(path, ROOT));

/** Files under `dir`, as paths from the root, recursively. */
function filesUnder(dir: string): string[] {
  return [...Deno.readDirSync(new URL(`${dir}/`, ROOT))].flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory ? filesUnder(path) : entry.isFile ? [path] : [];
  }).sort();
}

/** A notebook's cells, each the text of its source. */
function notebookCells(path: string): Text[] {
  const notebook = JSON.parse(read(path)) as { cells: { source: string | string[] }[] };
  return notebook.cells.map((cell, i) => ({
    where: `${path} cell ${i}`,
    text: typeof cell.source === "string" ? cell.source : cell.source.join(""),
  }));
}

/** What the test reads: lib/ (but this file), the notebooks' cells and files, README.md. */
function projectTexts(): Text[] {
  const paths = [...filesUnder("lib"), ...filesUnder("notebooks"), "README.md"];
  return paths.filter((path) => path !== SELF).flatMap((path) =>
    path.endsWith(".ipynb") ? notebookCells(path) : [{ where: path, text: read(path) }]
  );
}

/** The cells of each row of the table under `## heading` in REFERENCES.md. */
function tableRows(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.notEqual(start, -1, `REFERENCES.md: no "## ${heading}" section`);
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  return (end === -1 ? rest : rest.slice(0, end)).split("\n")
    .filter((line) => line.startsWith("|") && !/^\|[\s|:-]+\|$/.test(line))
    .slice(1) // the header
    .map((line) => line.slice(1, -1).split("|").map((cell) => cell.trim()));
}

function parseReferences(markdown: string): { sources: Source[]; formulas: Formula[] } {
  const sources = tableRows(markdown, "Sources").map((cells) => {
    assert.equal(
      cells.length,
      4,
      `REFERENCES.md: a source row needs 4 cells: ${cells.join(" | ")}`,
    );
    const [id, title, date, url] = cells as [string, string, string, string];
    return { id, title, date, url: url.replace(/^<(.*)>$/, "$1") };
  });
  const formulas = tableRows(markdown, "Formulas").map((cells) => {
    assert.equal(
      cells.length,
      3,
      `REFERENCES.md: a formula row needs 3 cells: ${cells.join(" | ")}`,
    );
    const [id, formula, implementedBy] = cells as [string, string, string];
    const names = [...implementedBy.matchAll(/`(\w+)` in `(lib\/[\w/]+\.ts)`/g)]
      .map(([, name, path]) => ({ name: name!, path: path! }));
    return { id, formula, implementedBy: names };
  });
  return { sources, formulas };
}

/** Every match of `pattern` in the texts, with where it was found. */
function uses(texts: readonly Text[], pattern: RegExp, group = 0) {
  return texts.flatMap(({ where, text }) =>
    [...text.matchAll(pattern)].map((m) => ({ id: m[group]!, where }))
  );
}

const references = read("REFERENCES.md");
const { sources, formulas } = parseReferences(references);
const texts = projectTexts();

Deno.test("REFERENCES.md: every source has a title, a date as stated and a URL", async (t) => {
  assert.ok(sources.length > 0, "no sources listed");
  const seen = new Set<string>();
  for (const s of sources) {
    await t.step(s.id, () => {
      assert.match(s.id, /^S\d+[a-z]?$/, `an id like S60, found "${s.id}"`);
      assert.ok(!seen.has(s.id), `${s.id} is listed twice`);
      seen.add(s.id);
      assert.notEqual(s.title, "", `${s.id}: no title`);
      assert.notEqual(s.date, "", `${s.id}: no date (write "not stated" when the page shows none)`);
      assert.match(s.url, /^https?:\/\/\S+$/, `${s.id}: expected a URL, found "${s.url}"`);
    });
  }
});

Deno.test("REFERENCES.md: every formula is written out and names a function that implements it", async (t) => {
  assert.ok(formulas.length > 0, "no formulas listed");
  for (const f of formulas) {
    await t.step(f.id, () => {
      assert.match(f.id, /^F\d+$/, `an id like F2, found "${f.id}"`);
      assert.ok(f.formula.length > 10, `${f.id}: the formula is not written out`);
      assert.ok(f.implementedBy.length > 0, `${f.id}: expected "\`name\` in \`lib/….ts\`"`);
      for (const { name, path } of f.implementedBy) {
        const module = read(path);
        assert.match(
          module,
          new RegExp(`^export (?:async )?(?:function|const) ${name}\\b`, "m"),
          `${f.id}: ${path} exports no ${name}`,
        );
      }
    });
  }
});

Deno.test("every source id cited resolves to REFERENCES.md, written one id a bracket", () => {
  const listed = new Set(sources.map((s) => s.id));
  const unresolved = uses(texts, SOURCE_CITATION, 1).filter((u) => !listed.has(u.id));
  assert.deepEqual(unresolved, [], "source ids with no entry in REFERENCES.md");
  const malformed = uses(
    texts.concat({ where: "REFERENCES.md", text: references }),
    MALFORMED_SOURCE_CITATION,
  );
  assert.deepEqual(malformed, [], "cite each source in its own brackets, e.g. [S19][S21]");
});

Deno.test("every formula id used resolves to REFERENCES.md", () => {
  const listed = new Set(formulas.map((f) => f.id));
  const unresolved = uses(texts, FORMULA_ID).filter((u) => !listed.has(u.id));
  assert.deepEqual(unresolved, [], "formula ids with no entry in REFERENCES.md");
});

Deno.test("every entry of REFERENCES.md is cited somewhere (no dead entries)", () => {
  // A formula's own sources count as cited: REFERENCES.md's formula rows cite them.
  const formulaRows = formulas.map((f) => ({ where: `REFERENCES.md ${f.id}`, text: f.formula }));
  const cited = new Set(uses(texts.concat(formulaRows), SOURCE_CITATION, 1).map((u) => u.id));
  const used = new Set(uses(texts, FORMULA_ID).map((u) => u.id));
  assert.deepEqual(
    sources.map((s) => s.id).filter((id) => !cited.has(id)),
    [],
    "sources cited nowhere",
  );
  assert.deepEqual(
    formulas.map((f) => f.id).filter((id) => !used.has(id)),
    [],
    "formulas used nowhere",
  );
});

Deno.test("no file names a document the project does not have", () => {
  const ownNames = new Set(
    [".", "lib", "notebooks", "data"].flatMap((dir) =>
      dir === "."
        ? [...Deno.readDirSync(ROOT)].filter((e) => e.isFile).map((e) => e.name)
        : filesUnder(dir).map((p) => p.split("/").at(-1)!)
    ),
  );
  const missing = uses(texts, DOCUMENT).filter(({ id }) => {
    const name = id.split("/").at(-1)!;
    return !ownNames.has(name) && !CITED_REPOSITORY_DOCUMENTS.has(name);
  });
  assert.deepEqual(missing, [], "documents a user of the project does not have");
});

Deno.test("every dataset row cited by id is a row of that dataset", () => {
  const rows = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!rows.has(file)) {
      const lines = read(`data/${file}`).split("\n").slice(1);
      rows.set(file, new Set(lines.map((line) => line.split(",")[0]!)));
    }
    return rows.get(file)!;
  };
  const unresolved = texts.flatMap(({ where, text }) =>
    [...text.matchAll(DATASET_ROW)].filter(([, file, id]) => !idsOf(file!).has(id!))
      .map(([cited]) => ({ cited, where }))
  );
  assert.deepEqual(unresolved, [], "dataset rows that are not in the dataset");
});
