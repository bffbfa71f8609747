/**
 * Executing notebooks without Python: nbformat, front matter, parameters, freeze, and a
 * Jupyter messaging client that drives the real Deno kernel.
 *
 * @module
 */
export * from "./notebook.ts";
export * from "./front_matter.ts";
export * from "./parameters.ts";
export * from "./freeze.ts";
export * from "./ansi.ts";
export * from "./outputs.ts";
export * from "./output_cap.ts";
export * from "./execution.ts";
export * from "./kernel.ts";
export * from "./execute_notebook.ts";
export * from "./run_copies.ts";
