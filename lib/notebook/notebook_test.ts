import assert from "node:assert/strict";
import { hashFiles } from "./freeze.ts";
import { frontMatter } from "./front_matter.ts";
import { notebookFromJson, notebookToJson } from "./notebook.ts";
import { injectParameters, notebookParameters, parseParameterArgs } from "./parameters.ts";

const nb = (cells: unknown[]) =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });

Deno.test("a notebook round-trips through JSON as Jupyter writes it", () => {
  const text = nb([{
    cell_type: "code",
    id: "a",
    metadata: {},
    source: ["let x = 1;\n"],
    outputs: [],
    execution_count: null,
  }]);
  const parsed = notebookFromJson(text, "a.ipynb");
  assert.deepEqual(notebookFromJson(notebookToJson(parsed), "a.ipynb"), parsed);
  assert.ok(notebookToJson(parsed).startsWith('{\n "cells": [\n  {\n'));
});

Deno.test("bad notebooks name the file, the cell and the field", () => {
  assert.throws(
    () => notebookFromJson(nb([{ cell_type: "python", source: "" }]), "n.ipynb"),
    /n.ipynb: cell 1: expected cell_type code, markdown or raw, got "python"/,
  );
  assert.throws(
    () => notebookFromJson(nb([{ cell_type: "code", source: 7 }]), "n.ipynb"),
    /n.ipynb: cell 1: expected "source" as text or a list of lines/,
  );
  assert.throws(
    () => notebookFromJson('{"nbformat":4}', "n.ipynb"),
    /n.ipynb: expected a "cells" array/,
  );
});

Deno.test("front matter: title required, dates checked, lists read", () => {
  const raw = (yaml: string) =>
    notebookFromJson(
      nb([{ cell_type: "raw", metadata: {}, source: `---\n${yaml}\n---` }]),
      "f.ipynb",
    );
  assert.throws(
    () => frontMatter(raw("subtitle: x"), "f.ipynb"),
    /f.ipynb: front matter needs a "title"/,
  );
  assert.throws(
    () => frontMatter(raw("title: T\ndate: June 2026"), "f.ipynb"),
    /"date": expected YYYY-MM-DD, got "June 2026"/,
  );
  assert.throws(
    () => frontMatter(raw("title: [unclosed"), "f.ipynb"),
    /f.ipynb: front matter is not valid YAML/,
  );
  const fm = frontMatter(
    raw("title: T\nauthor: A. Analyst\ntakeaways:\n  - One\n  - Two"),
    "f.ipynb",
  );
  assert.deepEqual([fm.authors, fm.takeaways, fm.tickers], [["A. Analyst"], ["One", "Two"], []]);
});

Deno.test("parameters: declared with let, typed by their default, overridden by name", () => {
  const params = notebookFromJson(
    nb([
      {
        cell_type: "code",
        metadata: { tags: ["parameters"] },
        source:
          "let btcPriceUsd = 90_000; // USD\nlet note = 'x';\nlet tax = false;\nlet paths: number = 10_000;\n",
      },
      { cell_type: "code", metadata: {}, source: "btcPriceUsd * 2" },
    ]),
    "p.ipynb",
  );
  const declared = notebookParameters(params, "p.ipynb");
  assert.deepEqual(declared.map((p) => `${p.name}:${p.type}`), [
    "btcPriceUsd:number",
    "note:string",
    "tax:boolean",
    "paths:number",
  ]);
  const values = parseParameterArgs(
    ["btcPriceUsd=120000", "tax=true", "note=a=b"],
    declared,
    "p.ipynb",
  );
  assert.deepEqual(values, { btcPriceUsd: 120_000, tax: true, note: "a=b" });
  assert.throws(
    () => parseParameterArgs(["btcPriceUsd=lots"], declared, "p.ipynb"),
    /--param btcPriceUsd=lots: expected a number/,
  );
  assert.throws(
    () => parseParameterArgs(["tax=yes"], declared, "p.ipynb"),
    /expected true or false/,
  );
  assert.throws(
    () => parseParameterArgs(["nope"], declared, "p.ipynb"),
    /--param nope: expected name=value/,
  );
  const injected = injectParameters(params, values);
  assert.deepEqual(injected.cells.map((c) => c.metadata.tags ?? []), [["parameters"], [
    "injected-parameters",
  ], []]);
  // Injecting again replaces the earlier injected cell.
  assert.equal(injectParameters(injected, { tax: false }).cells.length, 3);
  const withConst = notebookFromJson(
    nb([{ cell_type: "code", metadata: { tags: ["parameters"] }, source: "const grossMw = 300;" }]),
    "c.ipynb",
  );
  assert.throws(
    () => notebookParameters(withConst, "c.ipynb"),
    /c.ipynb: parameters cell line 1: declare "grossMw" with let, not const/,
  );
});

Deno.test("hashFiles covers nested files and changes when one byte changes", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(`${dir}/sub`);
    await Deno.writeTextFile(`${dir}/a.csv`, "x\n1\n");
    await Deno.writeTextFile(`${dir}/sub/b.ts`, "export {};\n");
    await Deno.writeTextFile(`${dir}/sub/b_test.ts`, "ignored");
    const keep = (name: string) => !name.endsWith("_test.ts");
    const before = await hashFiles(dir, keep);
    assert.deepEqual(Object.keys(before).sort(), ["a.csv", "sub/b.ts"]);
    await Deno.writeTextFile(`${dir}/a.csv`, "x\n2\n");
    assert.notEqual((await hashFiles(dir, keep))["a.csv"], before["a.csv"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("every shipped array parameter can be overridden with JSON of its own kind", async () => {
  const root = new URL("../../notebooks/", import.meta.url);
  let arrays = 0;
  for (const entry of Deno.readDirSync(root)) {
    if (!entry.name.endsWith(".ipynb") || entry.name.includes(".failed.")) continue;
    const file = `notebooks/${entry.name}`;
    const notebook = notebookFromJson(await Deno.readTextFile(new URL(entry.name, root)), file);
    for (const param of notebookParameters(notebook, file)) {
      if (param.type !== "array") continue;
      arrays++;
      const sample = JSON.parse(param.defaultSource.replace(/(\d)_(?=\d)/g, "$1")) as unknown[];
      const parsed = parseParameterArgs([`${param.name}=${JSON.stringify(sample)}`], [param], file);
      assert.deepEqual(parsed, { [param.name]: sample }, file);
      // Injected as an array literal, not a string.
      const injected = injectParameters(notebook, parsed).cells.find((c) =>
        (c.metadata["tags"] as string[] | undefined)?.includes("injected-parameters")
      )!;
      assert.match(String(injected.source), new RegExp(`^${param.name} = \\[`, "m"));
      assert.throws(
        () => parseParameterArgs([`${param.name}=${sample.join(",")}x`], [param], file),
        new RegExp(`Cannot use --param ${param.name}=.*: expected an array in JSON`),
      );
    }
  }
  // horizonYearsRange, aiPueRange, survivalPricesUsdPerKwh, gridPricesUsdPerKwh, generations,
  // comparableBases at the time of writing.
  assert.ok(arrays >= 6, `${arrays} array parameters`);
});

Deno.test("an expression default cannot be overridden; a near name is suggested", () => {
  const declared = [
    { name: "asOf", defaultSource: "new Date()", type: "other" as const },
    { name: "btcPriceUsd", defaultSource: "0", type: "number" as const },
  ];
  assert.throws(
    () => parseParameterArgs(["asOf=2026-01-01"], declared, "n.ipynb"),
    /Cannot use --param asOf=2026-01-01: its default new Date\(\) is an expression/,
  );
  assert.throws(
    () => parseParameterArgs(["btcPriceUSD=1"], declared, "n.ipynb"),
    /no parameter "btcPriceUSD" \(did you mean "btcPriceUsd"\?\)/,
  );
  assert.throws(
    () => parseParameterArgs(["zzz=1"], declared, "n.ipynb"),
    /no parameter "zzz"; valid parameters: asOf, btcPriceUsd/,
  );
});
