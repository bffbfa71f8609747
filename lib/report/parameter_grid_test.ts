import assert from "node:assert/strict";
import type { Parameter } from "../notebook/parameters.ts";
import { parseParameterGrid } from "./parameter_grid.ts";

const DECLARED: Parameter[] = [
  { name: "ticker", defaultSource: '"MARA"', type: "string" },
  { name: "btcPriceUsd", defaultSource: "90_000", type: "number" },
  { name: "bull", defaultSource: "false", type: "boolean" },
  { name: "horizonYearsRange", defaultSource: "[10, 25]", type: "array" },
];

const grid = (text: string) => parseParameterGrid(text, "pack.yaml", DECLARED, "08_company.ipynb");

Deno.test("a grid: sets in file order, YAML values typed by the notebook's parameters, labels", () => {
  const sets = grid(
    "# coverage pack\n" +
      "- ticker: MARA\n" +
      "- ticker: RIOT\n" +
      "  btcPriceUsd: 150000\n" +
      "  bull: true\n" +
      "- label: CLSK-long\n" +
      "  ticker: CLSK\n" +
      "  horizonYearsRange: [10, 30]\n" +
      "- label: base\n" +
      "- ticker: 2024\n",
  );
  assert.deepEqual(sets, [
    { label: "MARA", values: { ticker: "MARA" }, origin: "pack.yaml:2" },
    {
      label: "RIOT-150000-true",
      values: { ticker: "RIOT", btcPriceUsd: 150000, bull: true },
      origin: "pack.yaml:3",
    },
    {
      label: "CLSK-long",
      values: { ticker: "CLSK", horizonYearsRange: [10, 30] },
      origin: "pack.yaml:6",
    },
    { label: "base", values: {}, origin: "pack.yaml:9" },
    // A number where text is declared is read as its text.
    { label: "2024", values: { ticker: "2024" }, origin: "pack.yaml:10" },
  ]);
});

Deno.test("a bad grid file names its line", async (t) => {
  const fails = (text: string, message: RegExp) =>
    assert.throws(() => grid(text), (error: Error) => {
      assert.equal(error.name, "ParameterGridError");
      assert.match(error.message, message);
      return true;
    });
  await t.step("invalid YAML", () => {
    fails(
      "- ticker: MARA\n- ticker: RIOT\n ticker: CLSK\n",
      /^pack\.yaml:3: not valid YAML: Sequence item without - indicator/,
    );
  });
  await t.step("not a list, or a list item that is not a map", () => {
    fails("ticker: MARA\n", /^pack\.yaml:1: expected a list of parameter sets/);
    fails("- ticker: MARA\n- RIOT\n", /^pack\.yaml:2: expected a map of parameter name to value/);
    fails("", /^pack\.yaml: expected a list of parameter sets/);
    fails("[]\n", /^pack\.yaml:1: the grid lists no parameter sets/);
  });
  await t.step("an unknown parameter suggests the nearest name", () => {
    fails(
      "- ticker: MARA\n- ticker: RIOT\n  btcPriceUSD: 150000\n",
      /^pack\.yaml:3: 08_company\.ipynb has no parameter "btcPriceUSD" \(did you mean "btcPriceUsd"\?\); valid parameters: ticker, btcPriceUsd, bull, horizonYearsRange$/,
    );
    fails(
      "- sector: miners\n",
      /^pack\.yaml:1: 08_company\.ipynb has no parameter "sector"; valid/,
    );
  });
  await t.step("a value of the wrong type, or none", () => {
    fails(
      "- ticker: MARA\n  btcPriceUsd: lots\n",
      /^pack\.yaml:2: btcPriceUsd: cannot use "lots": expected a number$/,
    );
    fails("- bull: maybe\n", /^pack\.yaml:1: bull: cannot use "maybe": expected true or false$/);
    fails(
      "- horizonYearsRange: [ten, 25]\n",
      /^pack\.yaml:1: horizonYearsRange: cannot use \["ten",25\]: element 0 is a string; expected a number/,
    );
    fails("- ticker:\n", /^pack\.yaml:1: ticker: no value \(leave it out to keep its default\)$/);
  });
  await t.step(
    "labels: duplicate (ignoring case), unsafe, missing for a set without values",
    () => {
      fails(
        "- ticker: MARA\n- ticker: RIOT\n- label: mara\n  btcPriceUsd: 1\n",
        /^pack\.yaml:3: label "mara" is also the label of the set at line 1$/,
      );
      fails(
        "- ticker: MARA\n- ticker: MARA\n",
        /^pack\.yaml:2: label "MARA" is also the label of the set at line 1$/,
      );
      fails("- label: MARA/bull\n", /^pack\.yaml:1: label "MARA\/bull": use only letters, digits/);
      fails("- label: [a]\n", /^pack\.yaml:1: label: expected text, found \["a"\]$/);
      fails("- {}\n", /^pack\.yaml:1: a set with no parameters needs a "label"/);
    },
  );
});
