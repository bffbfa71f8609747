/**
 * The Jupyter kernelspec that lets Jupyter front ends (and `jupyter nbconvert`) start the Deno
 * kernel as "mullet (Deno)", and where Jupyter looks for it. `deno jupyter --install` always
 * writes to `~/.local/share/jupyter` whatever `JUPYTER_DATA_DIR` says; this follows Jupyter's own
 * rules (https://docs.jupyter.org/en/latest/use/jupyter-directories.html#data-files):
 * `JUPYTER_DATA_DIR` if set, else `$XDG_DATA_HOME/jupyter` or `~/.local/share/jupyter` on Linux,
 * `~/Library/Jupyter` on macOS, `%APPDATA%\jupyter` on Windows.
 *
 * @module
 */

/** The kernel's name, as notebooks' `metadata.kernelspec.name` gives it. */
export const KERNEL_NAME = "mullet-deno";

/** The name Jupyter front ends show. */
export const KERNEL_DISPLAY_NAME = "mullet (Deno)";

/** The environment variables the data directory depends on. */
export const DATA_DIR_ENV = ["JUPYTER_DATA_DIR", "XDG_DATA_HOME", "HOME", "APPDATA"] as const;

/**
 * Jupyter's user data directory for this environment and OS.
 *
 * @example
 * ```ts
 * import { jupyterDataDir } from "./kernelspec.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(jupyterDataDir({ HOME: "/home/a" }, "linux"), "/home/a/.local/share/jupyter");
 * assert.equal(jupyterDataDir({ HOME: "/home/a", XDG_DATA_HOME: "/x" }, "linux"), "/x/jupyter");
 * assert.equal(jupyterDataDir({ HOME: "/home/a", JUPYTER_DATA_DIR: "/j" }, "linux"), "/j");
 * assert.equal(jupyterDataDir({ HOME: "/Users/a" }, "darwin"), "/Users/a/Library/Jupyter");
 * assert.throws(() => jupyterDataDir({}, "linux"), /set HOME or JUPYTER_DATA_DIR/);
 * ```
 */
export function jupyterDataDir(
  env: Readonly<Record<string, string | undefined>>,
  os: typeof Deno.build.os,
): string {
  const nonEmpty = (name: string) => (env[name] ?? "") === "" ? undefined : env[name];
  const explicit = nonEmpty("JUPYTER_DATA_DIR");
  if (explicit !== undefined) return explicit;
  if (os === "windows") {
    const appData = nonEmpty("APPDATA");
    if (appData === undefined) {
      throw new Error("Cannot locate Jupyter's data directory: set APPDATA or JUPYTER_DATA_DIR");
    }
    return `${appData}\\jupyter`;
  }
  const home = nonEmpty("HOME");
  if (os === "darwin") {
    if (home === undefined) {
      throw new Error("Cannot locate Jupyter's data directory: set HOME or JUPYTER_DATA_DIR");
    }
    return `${home}/Library/Jupyter`;
  }
  const xdg = nonEmpty("XDG_DATA_HOME");
  if (xdg !== undefined) return `${xdg}/jupyter`;
  if (home === undefined) {
    throw new Error("Cannot locate Jupyter's data directory: set HOME or JUPYTER_DATA_DIR");
  }
  return `${home}/.local/share/jupyter`;
}

/**
 * The `kernel.json` that starts `deno` (an absolute path) as the Jupyter kernel.
 *
 * @example
 * ```ts
 * import { kernelJson } from "./kernelspec.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = JSON.parse(kernelJson("/usr/bin/deno"));
 * assert.deepEqual(spec.argv, ["/usr/bin/deno", "jupyter", "--kernel", "--conn", "{connection_file}"]);
 * assert.equal(spec.display_name, "mullet (Deno)");
 * assert.throws(() => kernelJson("deno"), /expected an absolute path/);
 * ```
 */
export function kernelJson(denoPath: string): string {
  if (!/^(\/|[A-Za-z]:\\)/.test(denoPath)) {
    throw new TypeError(`Cannot use deno at ${denoPath}: expected an absolute path`);
  }
  const spec = {
    argv: [denoPath, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
  };
  return `${JSON.stringify(spec, null, 2)}\n`;
}
