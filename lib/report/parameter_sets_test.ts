import assert from "node:assert/strict";
import type { Parameter } from "../notebook/parameters.ts";
import {
  checkDistinctLabels,
  checkFixedParameters,
  crossParameterSets,
  eachParameterSets,
} from "./parameter_sets.ts";

const DECLARED: Parameter[] = [
  { name: "ticker", defaultSource: '"MARA"', type: "string" },
  { name: "btcPriceUsd", defaultSource: "90_000", type: "number" },
  { name: "bull", defaultSource: "false", type: "boolean" },
  { name: "horizonYearsRange", defaultSource: "[10, 25]", type: "array" },
  { name: "asOf", defaultSource: "today()", type: "other" },
];

const each = (...args: string[]) => eachParameterSets(args, DECLARED, "08_company.ipynb");

Deno.test("--each parses each value by its parameter's type, as --param does", () => {
  assert.deepEqual(each("btcPriceUsd=60_000,1.2e5").map((s) => s.values), [
    { btcPriceUsd: 60000 },
    { btcPriceUsd: 120000 },
  ]);
  assert.deepEqual(each("bull=true,false").map((s) => s.values.bull), [true, false]);
  assert.throws(() => each("bull=yes"), /Cannot use --each bull=yes: expected true or false/);
  assert.throws(() => each("asOf=2026-06-01"), /--each asOf=2026-06-01: its default today\(\)/);
});

Deno.test("--each splits at commas outside JSON arrays and objects", () => {
  const sets = each("horizonYearsRange=[10,25],[5,15]");
  assert.deepEqual(sets.map((s) => s.values.horizonYearsRange), [[10, 25], [5, 15]]);
  assert.deepEqual(sets.map((s) => s.label), ["_10_25_", "_5_15_"]);
  assert.deepEqual(each('ticker="a,b",c').map((s) => s.values.ticker), ['"a', 'b"', "c"]);
  assert.throws(() => each('horizonYearsRange=["x"]'), /element 0 is a string/);
});

Deno.test("several --each make the cross product, the first slowest; labels are values joined with -", () => {
  const sets = each("ticker=MARA,RIOT,CLSK", "bull=false,true");
  assert.deepEqual(sets.map((s) => s.label), [
    "MARA-false",
    "MARA-true",
    "RIOT-false",
    "RIOT-true",
    "CLSK-false",
    "CLSK-true",
  ]);
  assert.deepEqual(sets[3]!.values, { ticker: "RIOT", bull: true });
});

Deno.test("a malformed --each is named", () => {
  assert.throws(() => each("ticker"), /Cannot read --each ticker: expected name=value1,value2,…/);
  assert.throws(() => each("ticker="), /Cannot read --each ticker=: expected name=value1/);
  assert.throws(
    () => each("ticker=MARA", "ticker=RIOT"),
    /Cannot use --each ticker twice: list all its values in one --each/,
  );
  assert.throws(
    () => each("tickr=MARA"),
    /08_company\.ipynb has no parameter "tickr" \(did you mean "ticker"\?\); valid parameters: ticker, btcPriceUsd/,
  );
});

Deno.test("label collisions name both sets: same value, unsafe characters, case", () => {
  const collide = (...args: string[]) => () => checkDistinctLabels(each(...args), "08_company");
  assert.throws(
    collide("ticker=MARA,RIOT,MARA"),
    /^TypeError: Cannot render both --each ticker=MARA and --each ticker=MARA: both would be the note 08_company-MARA;/,
  );
  assert.throws(
    collide("ticker=Hut 8,Hut/8"),
    /Cannot render both --each ticker=Hut 8 and --each ticker=Hut\/8: both would be the note 08_company-Hut_8;/,
  );
  assert.throws(
    collide("ticker=mara,MARA"),
    /both would be the note 08_company-mara \(08_company-MARA differs only in case\)/,
  );
  checkDistinctLabels(each("ticker=MARA,RIOT", "bull=false,true"), "08_company");
});

Deno.test("a label too long for a file name asks for a grid label", () => {
  const long = `[${Array.from({ length: 40 }, (_, i) => i).join(",")}]`;
  assert.throws(
    () => each(`horizonYearsRange=${long}`),
    /--each horizonYearsRange=\[0,1,.*: the label made of its values has 111 characters, over 100: list the set in a grid file \(--grid\) with a short "label"/,
  );
});

Deno.test("a parameter set both by --param and by a set, or by both sides of a product, is an error", () => {
  const tickers = each("ticker=MARA,RIOT");
  assert.throws(
    () => checkFixedParameters(tickers, { ticker: "CLSK" }),
    /Cannot set parameter "ticker" with --param and in --each ticker=MARA/,
  );
  checkFixedParameters(tickers, { btcPriceUsd: 100000 });
  const grid = [{ label: "bull", values: { ticker: "MARA", bull: true }, origin: "g.yaml:1" }];
  assert.throws(
    () => crossParameterSets(grid, tickers),
    /Cannot set parameter "ticker" in both g\.yaml:1 and --each ticker=MARA/,
  );
});
