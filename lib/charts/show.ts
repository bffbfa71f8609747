/**
 * Showing an exhibit or a computed result in a notebook, during the cell, so that every Jupyter
 * client files it under that cell.
 *
 * The Deno kernel forwards what a cell displays from a queue, and can report the cell idle
 * first; nbclient (and so `jupyter nbconvert --execute`) stops reading at idle and drops what
 * comes after. No wait inside the cell is long enough on a loaded machine, so `show()` proves
 * delivery instead: it tags its message and waits until the kernel has published it (see
 * `_iopub_witness.ts`). Outside a kernel started with a connection file, it waits one macrotask.
 *
 * Markdown is shown with its dollar amounts made literal (see `literal_dollars.ts`), so MathJax
 * front ends do not typeset "$1.91k to $36.4"; the plain-text fallback keeps the text as given.
 *
 * @module
 */
import type { DisplayBundle, Exhibit } from "./exhibit.ts";
import { literalDollars } from "./literal_dollars.ts";
import { IopubWitness, ownIopubAddress, WITNESS_KEY } from "./_iopub_witness.ts";

/** The method by which a value displays itself in the Deno kernel. */
const DISPLAY = Symbol.for("Jupyter.display");

/** The part of the Deno kernel's `Deno.jupyter` this module uses. */
interface JupyterBroadcast {
  broadcast(
    msgType: string,
    content: Record<string, unknown>,
    extra?: { metadata?: Record<string, unknown> },
  ): Promise<void> | void;
}

/** The Deno kernel's `Deno.jupyter` (outside a kernel, reading it throws and says so). */
function kernel(): JupyterBroadcast {
  return (Deno as unknown as { jupyter: JupyterBroadcast }).jupyter;
}

/** How long a display may take to leave the kernel before `show()` gives up, ms. */
const DELIVERY_TIMEOUT_MS = 120_000;
/** How often the subscription is probed until the kernel has taken it, ms. */
const PROBE_INTERVAL_MS = 50;

let witness: Promise<IopubWitness | undefined> | undefined;

/** This kernel's witness, connected once and kept; `undefined` if there is no kernel to watch. */
function ownWitness(jupyter: JupyterBroadcast): Promise<IopubWitness | undefined> {
  witness ??= (async () => {
    const address = await ownIopubAddress();
    if (address === undefined) return undefined;
    const connected = await IopubWitness.connect(address);
    // A subscriber hears only what is published after the kernel has taken its subscription:
    // probe with a message every client ignores (a comm message to no comm) until one comes back.
    const probes: Promise<void>[] = [];
    let arrived = false;
    const first = new Promise<void>((resolve, reject) => {
      const send = () => {
        if (arrived) return;
        const tag = crypto.randomUUID();
        probes.push(connected.seen(tag, DELIVERY_TIMEOUT_MS).then(resolve, reject));
        void jupyter.broadcast("comm_msg", { comm_id: "mullet-witness", data: {} }, {
          metadata: { [WITNESS_KEY]: tag },
        });
        setTimeout(send, PROBE_INTERVAL_MS);
      };
      send();
    });
    try {
      await first;
    } finally {
      arrived = true;
    }
    return connected;
  })().catch((error) => {
    witness = undefined;
    throw error;
  });
  return witness;
}

/**
 * The display bundle of computed markdown: literal dollar amounts for the markdown renderers,
 * the text as given for plain-text views.
 *
 * @example
 * ```ts
 * import { markdownBundle } from "./show.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(markdownBundle("- From $5 to $10"), {
 *   "text/markdown": "- From <span>&#36;</span>5 to <span>&#36;</span>10",
 *   "text/plain": "- From $5 to $10",
 * });
 * ```
 */
export function markdownBundle(markdown: string): Record<string, string> {
  return { "text/markdown": literalDollars(markdown), "text/plain": markdown };
}

/**
 * Displays an exhibit (live chart, PNG and label), markdown text (shown as prose and tables on
 * GitHub and in the note, dollar amounts as text), anything that displays itself in Jupyter
 * (`Symbol.for("Jupyter.display")`, e.g. a danfo DataFrame, as a table), or any MIME bundle, and
 * resolves once the kernel has sent it to its clients.
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
  item:
    | Exhibit
    | { readonly markdown: string }
    | DisplayBundle
    | Record<string, unknown>
    | { readonly [DISPLAY]: () => unknown },
): Promise<void> {
  const jupyter = kernel();
  const displayable = (item as { [DISPLAY]?: unknown })[DISPLAY];
  const data: Record<string, unknown> =
    "displayBundle" in item && typeof item.displayBundle === "function"
      ? { ...await (item as Exhibit).displayBundle() }
      : "markdown" in item && typeof item.markdown === "string"
      ? markdownBundle(item.markdown)
      : typeof displayable === "function"
      ? { ...await displayable.call(item) }
      : item as Record<string, unknown>;
  const content = { data, metadata: {}, transient: {} };
  let watcher = await ownWitness(jupyter);
  if (watcher?.failed) {
    witness = undefined;
    watcher = await ownWitness(jupyter);
  }
  if (watcher === undefined) {
    await jupyter.broadcast("display_data", content);
    await new Promise((resolve) => setTimeout(resolve, 0));
    return;
  }
  const tag = crypto.randomUUID();
  const delivered = watcher.seen(tag, DELIVERY_TIMEOUT_MS);
  await jupyter.broadcast("display_data", content, { metadata: { [WITNESS_KEY]: tag } });
  await delivered.catch((error) => {
    throw new Error(`Cannot confirm that the kernel sent the display: ${error.message}`);
  });
}
