import assert from "node:assert/strict";
import { literalDollars } from "../charts/literal_dollars.ts";
import { frameBundle } from "../charts/frame_display.ts";
import { expectedView, type PageView, pngSize, viewProblems } from "./_front_end_checks.ts";
import type { Notebook } from "./notebook.ts";

// A 1 × 1 PNG.
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
const PROSE = "Hashprice fell from $1.91k to $36.4; hashprice is $h = R / H$.";

const NOTEBOOK: Notebook = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { cell_type: "markdown", metadata: {}, source: "Costs run to \\$70,000 a MW." },
    {
      cell_type: "code",
      metadata: {},
      source: "",
      execution_count: 1,
      outputs: [
        { output_type: "display_data", metadata: {}, data: { "image/png": PNG } },
        {
          output_type: "display_data",
          metadata: {},
          data: { "text/markdown": literalDollars(PROSE) },
        },
        {
          output_type: "execute_result",
          execution_count: 1,
          metadata: {},
          data: frameBundle(
            { ticker: ["RIOT", "CLSK"], usd: new Float64Array([3.56, -0.9]), length: 2 },
            { formats: { usd: "usd" } },
          ),
        },
      ],
    },
  ],
};

/** What a front end that reads the notebook right shows. */
const RIGHT: PageView = {
  images: [{ width: 1, height: 1, shownWidth: 680, inked: 5000 }],
  text: "Costs run to $70,000 a MW.\nHashprice fell from $1.91k to $36.4; hashprice is h=R/H.",
  errors: [],
  maths: ["h = R / H"],
  tables: [{ rows: 2, first: ["RIOT", "$3.56"] }],
};

Deno.test("expectedView: exhibit sizes, dollar amounts and the maths the author meant", () => {
  assert.deepEqual(pngSize(PNG), { width: 1, height: 1 });
  assert.deepEqual(expectedView(NOTEBOOK), {
    exhibits: [{ width: 1, height: 1 }],
    amounts: ["$70,000", "$1.91k", "$36.4"],
    maths: ["h=R/H"],
    tables: [{ rows: 2, first: ["RIOT", "$3.56"] }],
  });
  assert.deepEqual(viewProblems(expectedView(NOTEBOOK), RIGHT), []);
});

Deno.test("viewProblems: amounts typeset as maths, a blank or missing exhibit, a failed cell", () => {
  // MathJax paired the two amounts' dollars: "1.91k to " became a formula.
  const typeset: PageView = {
    ...RIGHT,
    text: "Costs run to $70,000 a MW.\nHashprice fell from 1.91kto36.4; hashprice is h=R/H.",
    maths: ["1.91k to ", "h = R / H"],
  };
  assert.deepEqual(viewProblems(expectedView(NOTEBOOK), typeset), [
    '"$1.91k" does not read as text',
    '"$36.4" does not read as text',
    'typeset as maths: "1.91k to "',
  ]);
  const blank: PageView = { ...RIGHT, images: [{ width: 2, height: 1, shownWidth: 0, inked: 0 }] };
  assert.deepEqual(viewProblems(expectedView(NOTEBOOK), blank), [
    "exhibit 1 is 2×1 px, expected 1×1",
    "exhibit 1 is shown 0 px wide",
    "exhibit 1 is blank (0 dark pixels)",
  ]);
  const failed: PageView = { ...RIGHT, images: [], errors: ["TypeError: x.map is not a function"] };
  assert.deepEqual(viewProblems(expectedView(NOTEBOOK), failed), [
    "a cell failed: TypeError: x.map is not a function",
    "1 exhibits expected, 0 images shown",
  ]);
  // A DataFrame shown as its object, or its table cut short.
  assert.deepEqual(viewProblems(expectedView(NOTEBOOK), { ...RIGHT, tables: [] }), [
    "1 tables expected, 0 shown",
  ]);
  const cut: PageView = { ...RIGHT, tables: [{ rows: 1, first: ["RIOT", "3.56"] }] };
  assert.deepEqual(viewProblems(expectedView(NOTEBOOK), cut), [
    'table 1 shows 1 rows, first "RIOT | 3.56"; expected 2, first "RIOT | $3.56"',
  ]);
});
