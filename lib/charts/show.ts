/**
 * Showing an exhibit or a computed result in a notebook, during the cell, so that every Jupyter
 * client files it under that cell. The Deno kernel can report a cell idle while its display
 * messages are still queued; nbclient (and so `jupyter nbconvert --execute`) stops reading at
 * idle and drops them. Waiting one macrotask after the display lets them go out first.
 *
 * @module
 */
import type { DisplayBundle, Exhibit } from "./exhibit.ts";

/** The part of the Deno kernel's `Deno.jupyter` this module uses. */
interface JupyterDisplay {
  display(bundle: Record<string, unknown>, options: { raw: true }): Promise<void>;
}

/** The Deno kernel's `Deno.jupyter` (outside a kernel, its functions throw and say so). */
function kernelDisplay(): JupyterDisplay {
  return (Deno as unknown as { jupyter: JupyterDisplay }).jupyter;
}

/** A settle of one macrotask: queued kernel messages are sent before the cell ends. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Displays an exhibit (live chart, SVG, PNG and label), markdown text (shown as prose and
 * tables on GitHub and in the note), or any MIME bundle, and waits until it has been sent.
 *
 * @example
 * ```ts
 * import { show } from "./show.ts";
 * import assert from "node:assert/strict";
 *
 * // Outside a kernel there is nowhere to show it, and Deno says so.
 * await assert.rejects(show({ markdown: "- A finding" }), /only available in `deno jupyter`/);
 * ```
 */
export async function show(
  item: Exhibit | { readonly markdown: string } | DisplayBundle | Record<string, unknown>,
): Promise<void> {
  const jupyter = kernelDisplay();
  const bundle: Record<string, unknown> =
    "displayBundle" in item && typeof item.displayBundle === "function"
      ? { ...await (item as Exhibit).displayBundle() }
      : "markdown" in item && typeof item.markdown === "string"
      ? { "text/markdown": item.markdown, "text/plain": item.markdown }
      : item as Record<string, unknown>;
  await jupyter.display(bundle, { raw: true });
  await settle();
}
