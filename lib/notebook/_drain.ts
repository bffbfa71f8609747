/**
 * Collecting a cell's late output. The Deno kernel (2.9.6) forwards console output from a
 * queue, so for a chatty cell it keeps arriving well after the cell's `status: idle`, and each
 * message is parented to the *newest* execute_request at the time it is forwarded; the cell's
 * value, sent from the JavaScript thread, can also follow `status: idle` (about 1 cell in 20 in
 * a tight loop). A client that stops at idle, as Jupyter's nbclient does, loses that output or
 * shows it under a later cell.
 *
 * So after each cell a silent cell prints a unique marker: the marker queues behind everything
 * the cell printed, and whatever arrives before it, parented to the cell or to the marker's
 * request, belongs to the cell.
 *
 * @module
 */
import type { KernelClient } from "./_client.ts";
import type { OutputCollector } from "./outputs.ts";

/** How long to wait for the marker; output after that goes to the next cell. */
export const DRAIN_TIMEOUT_MS = 10_000;

// Where the kernel keeps the original console.log, so a cell that replaces console.log does not
// silence the marker.
const PRINT_SYMBOL = "mullet.kernel.print";

/** Content of a silent execute_request: no execution count, no history. */
export function silentExecute(code: string): Record<string, unknown> {
  return {
    code,
    silent: true,
    store_history: false,
    user_expressions: {},
    allow_stdin: false,
    stop_on_error: false,
  };
}

/** Code that saves console.log for the marker; run once when the kernel starts. */
export const SAVE_PRINT_CODE =
  `void (globalThis[Symbol.for("${PRINT_SYMBOL}")] = console.log.bind(console))`;

/**
 * Waits until everything the last cell printed has arrived and adds it to `collector`. Resolves
 * `false` if the marker did not come within {@linkcode DRAIN_TIMEOUT_MS}.
 */
export async function drainCell(
  client: KernelClient,
  collector: OutputCollector,
): Promise<boolean> {
  const marker = `[mullet:drain:${crypto.randomUUID()}]`;
  let seen = false;
  const print = `(globalThis[Symbol.for("${PRINT_SYMBOL}")] ?? console.log)`;
  const reply = await client.request(
    "shell",
    "execute_request",
    silentExecute(`${print}(${JSON.stringify(marker)})`),
    {
      timeoutMs: DRAIN_TIMEOUT_MS,
      waitIdle: true,
      until: () => seen,
      onIopub: ({ header: { msg_type }, content }) => {
        if (msg_type === "status" || msg_type === "execute_input" || seen) return;
        const text = msg_type === "stream" ? String(content.text) : "";
        if (text.includes(marker)) {
          seen = true;
          const before = text.replace(`${marker}\n`, "").replace(marker, "");
          if (before !== "") collector.add(msg_type, { ...content, text: before });
          return;
        }
        collector.add(msg_type, content);
      },
    },
  );
  return reply !== undefined;
}
