import assert from "node:assert/strict";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";
import { loadDanfo } from "./_load_danfo.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

// A fresh process with --allow-read alone, as a notebook's first cell is: what its first
// DataFrame loads, from Node's module cache, before and after a statistic that needs mathjs.
const PROBE = `
import { createRequire } from "node:module";
import { toDataFrame } from "${ROOT}lib/frames/to_data_frame.ts";
const cache = createRequire(import.meta.url).cache;
const loaded = () => ({
  xlsx: Object.keys(cache).filter((p) => p.includes("/xlsx")).length,
  mathjsCommonJs: Object.keys(cache).filter((p) => p.includes("/mathjs/lib/cjs/")).length,
  mathjsOneFile: Object.keys(cache).filter((p) => p.endsWith("/mathjs/lib/browser/math.js")).length,
});
const df = await toDataFrame({ ehs: new Float64Array([1, 2, 4]) });
const first = loaded();
const variance = df.column("ehs").var();
console.log(JSON.stringify({ first, afterVariance: loaded(), variance }));
`;

Deno.test("a process's first DataFrame loads neither xlsx nor mathjs's CommonJS tree", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mullet-danfo-" });
  try {
    await Deno.writeTextFile(`${dir}/probe.ts`, PROBE);
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--no-prompt",
        "--allow-read",
        "--config",
        `${ROOT}deno.json`,
        `${dir}/probe.ts`,
      ],
      cwd: ROOT,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder();
    assert.equal(out.code, 0, text.decode(out.stderr));
    const run = JSON.parse(text.decode(out.stdout));
    // The one mathjs entry is the stand-in at its CommonJS entry's path; nothing is read yet.
    assert.deepEqual(run.first, { xlsx: 0, mathjsCommonJs: 1, mathjsOneFile: 0 });
    assert.deepEqual(run.afterVariance, { xlsx: 0, mathjsCommonJs: 1, mathjsOneFile: 1 });
    // 1, 2, 4: mean 7/3, squared deviations 16/9 + 1/9 + 25/9 = 42/9, over n - 1 = 2.
    assertAlmostEquals(run.variance, 7 / 3);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("danfo's main entry adds nothing to the base build's classes", async () => {
  const base = await loadDanfo();
  const main = await import("danfojs");
  for (const name of ["DataFrame", "Series"] as const) {
    assert.equal(Object.getPrototypeOf(main[name]), base[name], `${name} extends the base's`);
    assert.deepEqual(Object.getOwnPropertyNames(main[name].prototype), ["constructor"], name);
  }
  // Operations on the main entry's frames return the base build's classes.
  const frame = new main.DataFrame({ ehs: [1, 2] });
  assert.equal(frame.head(1).constructor, base.DataFrame);
  assert.equal(frame.column("ehs").constructor, base.Series);
  for (const name of ["concat", "merge", "toDateTime", "dateRange", "getDummies"] as const) {
    assert.equal(main[name], base[name], name);
  }
});

Deno.test("the statistics danfo takes from mathjs, through its one-file build", async (t) => {
  const { Series, DataFrame } = await loadDanfo();
  // MW by site: 50, 200, 750, 168, 70; mean 247.6, squared deviations sum to 331,595.2.
  const mw = new Series([50, 200, 750, 168, 70]);
  await t.step("variance and standard deviation over n - 1, as pandas", () => {
    assertAlmostEquals(mw.var(), 331_595.2 / 4);
    assertAlmostEquals(mw.std(), Math.sqrt(331_595.2 / 4));
  });
  await t.step("median and mode", () => {
    assert.equal(mw.median(), 168);
    assert.deepEqual(new Series([3, 1, 3, 2]).mode(), [3]);
  });
  await t.step("by group", () => {
    const df = new DataFrame({ company: ["IREN", "CORZ", "IREN", "CORZ"], mw: [50, 200, 750, 70] });
    const std = df.groupby(["company"]).col(["mw"]).std();
    // IREN 50 and 750: deviations of 350, variance 2 × 350² / 1; CORZ 200 and 70: 2 × 65².
    assert.deepEqual(std.column("company").values, ["IREN", "CORZ"]);
    const values = std.column("mw_std").values as number[];
    assertAlmostEquals(values[0]!, Math.sqrt(2 * 350 ** 2));
    assertAlmostEquals(values[1]!, Math.sqrt(2 * 65 ** 2));
  });
});
