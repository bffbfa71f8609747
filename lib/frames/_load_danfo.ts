/**
 * danfo.js as mullet's DataFrames load it: the same classes and operations as its main entry, in
 * a fraction of the time (`deno task bench` times both). The main entry
 * (`dist/danfojs-browser`) is danfo's base build plus its file readers and writers, which load
 * SheetJS (xlsx) for `readExcel`; its DataFrame and Series are subclasses of the base build's that
 * add nothing but a constructor, and every operation (`head`, `groupby`, `loc`, `sortValues`)
 * already returns the base build's classes. So this loads the base build
 * (`dist/danfojs-base`) alone, and xlsx is never loaded.
 *
 * Most of the rest was mathjs, which the base build `require`s for a few statistics (`std`,
 * `var`, `median`, `mode`, `describe`): its CommonJS entry loads 920 modules. mathjs ships the same
 * version as one file (`mathjs/lib/browser/math.js`, an entry of its package's `exports`), and
 * Node's module cache lets a caller put a module in place before anything requires it
 * (https://nodejs.org/api/modules.html#requirecache), so danfo's `require("mathjs")` gets that
 * build, and only on the first call of one of those statistics.
 *
 * @module
 */
import { createRequire, Module } from "node:module";

/** danfo's base build: `DataFrame`, `Series`, `concat`, `merge`, `toDateTime`, … */
export type Danfo = typeof import("danfojs/dist/danfojs-base/index.js");

let loading: Promise<Danfo> | undefined;

/**
 * danfo's base build, loaded once per process; mathjs is served from its one-file build when
 * nothing has loaded mathjs yet.
 *
 * @example
 * ```ts
 * import { loadDanfo } from "./_load_danfo.ts";
 * import assert from "node:assert/strict";
 *
 * const danfo = await loadDanfo();
 * assert.equal(await loadDanfo(), danfo);
 * const df = new danfo.DataFrame({ ehs: [1, 2, 4] });
 * assert.deepEqual(df.column("ehs").median(), 2);
 * ```
 */
export function loadDanfo(): Promise<Danfo> {
  return loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const fromDanfo = createRequire(require.resolve("danfojs/package.json"));
    const mathjsPath = fromDanfo.resolve("mathjs");
    if (!(mathjsPath in require.cache)) {
      require.cache[mathjsPath] = lazyModule(mathjsPath, fromDanfo);
    }
    return await import("danfojs/dist/danfojs-base/index.js");
  })();
}

/** A loaded module at `path` whose exports are mathjs's one-file build, required on first use. */
function lazyModule(path: string, require: ReturnType<typeof createRequire>): Module {
  let mathjs: Record<PropertyKey, unknown> | undefined;
  const module = new Module(path);
  module.filename = path;
  module.loaded = true;
  module.exports = new Proxy({}, {
    get: (_, name) => (mathjs ??= require("mathjs/lib/browser/math.js"))[name],
  });
  return module;
}
