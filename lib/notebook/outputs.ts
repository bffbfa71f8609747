/**
 * A cell's outputs as nbformat v4 output objects, built from the kernel's IOPub messages the
 * way Jupyter front ends do: consecutive stream text of one name is merged,
 * `update_display_data` rewrites every earlier output with the same `display_id`, and
 * `clear_output` (optionally deferred with `wait`) empties the list. No output holds more than
 * {@linkcode MAX_OUTPUT_BYTES}: the rest is dropped as it arrives and a notice says so.
 *
 * @see https://nbformat.readthedocs.io/en/latest/format_description.html#code-cell-outputs
 * @see https://jupyter-client.readthedocs.io/en/stable/messaging.html#messages-on-the-iopub-pub-sub-channel
 * @module
 */
import { stripAnsi } from "./ansi.ts";
import {
  capBundle,
  headOfText,
  MAX_OUTPUT_BYTES,
  streamCapNotice,
  utf8Length,
} from "./output_cap.ts";

/** A MIME bundle: MIME type → data (a string, or JSON for `application/*+json`). */
export type MimeBundle = Record<string, unknown>;

/** Text written to stdout or stderr. */
export interface StreamOutput {
  /** nbformat output type. */
  output_type: "stream";
  /** The stream the text was written to. */
  name: "stdout" | "stderr";
  /** The text, consecutive writes merged. */
  text: string;
}

/** A rich display, e.g. from `Deno.jupyter.display`. */
export interface DisplayDataOutput {
  /** nbformat output type. */
  output_type: "display_data";
  /** The MIME bundle. */
  data: MimeBundle;
  /** Per-MIME-type metadata. */
  metadata: Record<string, unknown>;
}

/** The value of the cell's last expression. */
export interface ExecuteResultOutput {
  /** nbformat output type. */
  output_type: "execute_result";
  /** The execution count of the cell. */
  execution_count: number | null;
  /** The MIME bundle. */
  data: MimeBundle;
  /** Per-MIME-type metadata. */
  metadata: Record<string, unknown>;
}

/** An uncaught error. */
export interface ErrorOutput {
  /** nbformat output type. */
  output_type: "error";
  /** The error's name, e.g. `TypeError`. */
  ename: string;
  /** The error's message. */
  evalue: string;
  /** The stack trace, one line an entry (may carry ANSI colours, as Jupyter expects). */
  traceback: string[];
}

/** One nbformat v4 code-cell output. */
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

/** An `update_display_data` for a display this cell did not create (an earlier cell's). */
export interface DisplayUpdate {
  /** The `display_id` to update. */
  displayId: string;
  /** The new MIME bundle. */
  data: MimeBundle;
  /** The new metadata. */
  metadata: Record<string, unknown>;
}

/** Options of {@linkcode OutputCollector}. */
export interface OutputCollectorOptions {
  /** Keep ANSI escapes in `text/plain` data and stream text. Default: `false` (strip them). */
  keepAnsi?: boolean;
  /** Most bytes one output keeps. Default: {@linkcode MAX_OUTPUT_BYTES}. */
  maxOutputBytes?: number;
}

/**
 * Turns one cell's IOPub messages into nbformat outputs. Feed it every IOPub message whose
 * parent is the cell's `execute_request`, in arrival order; other message types are ignored.
 *
 * @example Streams merge; an update rewrites the display it names
 * ```ts
 * import { OutputCollector } from "./outputs.ts";
 * import assert from "node:assert/strict";
 *
 * const cell = new OutputCollector();
 * cell.add("stream", { name: "stdout", text: "a\n" });
 * cell.add("stream", { name: "stdout", text: "b\n" });
 * cell.add("display_data", { data: { "text/plain": "50%" }, metadata: {}, transient: { display_id: "p" } });
 * cell.add("update_display_data", { data: { "text/plain": "100%" }, metadata: {}, transient: { display_id: "p" } });
 * cell.add("execute_result", { execution_count: 1, data: { "text/plain": "\x1b[33m2\x1b[39m" }, metadata: {} });
 * assert.deepEqual(cell.outputs, [
 *   { output_type: "stream", name: "stdout", text: "a\nb\n" },
 *   { output_type: "display_data", data: { "text/plain": "100%" }, metadata: {} },
 *   { output_type: "execute_result", execution_count: 1, data: { "text/plain": "2" }, metadata: {} },
 * ]);
 * ```
 */
export class OutputCollector {
  readonly #outputs: Output[] = [];
  readonly #displays = new Map<string, number[]>();
  readonly #updates: DisplayUpdate[] = [];
  readonly #keepAnsi: boolean;
  readonly #maxBytes: number;
  // Bytes each stream output was sent, by index; above #maxBytes the text was cut.
  readonly #streamBytes = new Map<number, number>();
  #clearOnNextOutput = false;

  /** An empty collector. */
  constructor(options: OutputCollectorOptions = {}) {
    this.#keepAnsi = options.keepAnsi ?? false;
    this.#maxBytes = options.maxOutputBytes ?? MAX_OUTPUT_BYTES;
  }

  /** The outputs so far (copies; ANSI escapes stripped unless `keepAnsi`). */
  get outputs(): Output[] {
    // Stripped here, not per message, so an escape split across two stream writes goes too.
    return this.#outputs.map((output, i) => {
      const shown = this.#keepAnsi ? output : withoutAnsi(output);
      const sent = this.#streamBytes.get(i) ?? 0;
      return shown.output_type === "stream" && sent > this.#maxBytes
        ? { ...shown, text: shown.text + streamCapNotice(shown.name, sent, this.#maxBytes) }
        : shown;
    });
  }

  /** The display ids of this cell's outputs: id → indexes into {@linkcode outputs}. */
  get displayIds(): Record<string, number[]> {
    return Object.fromEntries([...this.#displays].map(([id, at]) => [id, [...at]]));
  }

  /** Updates addressed to displays that are not among this cell's outputs (copies). */
  get displayUpdates(): DisplayUpdate[] {
    return this.#updates.map((update) => {
      const plain = update.data["text/plain"];
      return this.#keepAnsi || typeof plain !== "string"
        ? update
        : { ...update, data: { ...update.data, "text/plain": stripAnsi(plain) } };
    });
  }

  /** Applies one IOPub message, given its `msg_type` and `content`. */
  add(msgType: string, content: Record<string, unknown>): void {
    switch (msgType) {
      case "stream": {
        const name = content.name === "stderr" ? "stderr" : "stdout";
        const text = String(content.text ?? "");
        this.#beforeOutput();
        const last = this.#outputs.at(-1);
        const merge = last?.output_type === "stream" && last.name === name;
        const at = merge ? this.#outputs.length - 1 : this.#outputs.length;
        const before = this.#streamBytes.get(at) ?? 0;
        const sent = before + utf8Length(text);
        this.#streamBytes.set(at, sent);
        if (before > this.#maxBytes) return; // Already cut: only count what is dropped.
        const whole = merge ? last.text + text : text;
        const kept = sent > this.#maxBytes ? headOfText(whole, this.#maxBytes) : whole;
        this.#outputs[at] = { output_type: "stream", name, text: kept };
        return;
      }
      case "display_data": {
        this.#beforeOutput();
        this.#push({ output_type: "display_data", ...this.#bundle(content) }, content);
        return;
      }
      case "execute_result": {
        this.#beforeOutput();
        const count = content.execution_count;
        this.#push({
          output_type: "execute_result",
          execution_count: typeof count === "number" ? count : null,
          ...this.#bundle(content),
        }, content);
        return;
      }
      case "error": {
        this.#beforeOutput();
        this.#outputs.push({
          output_type: "error",
          ename: String(content.ename ?? ""),
          evalue: String(content.evalue ?? ""),
          traceback: Array.isArray(content.traceback) ? content.traceback.map(String) : [],
        });
        return;
      }
      case "update_display_data":
        this.#update(content);
        return;
      case "clear_output":
        if (content.wait === true) this.#clearOnNextOutput = true;
        else this.#clear();
        return;
    }
  }

  #push(output: DisplayDataOutput | ExecuteResultOutput, content: Record<string, unknown>): void {
    const displayId = displayIdOf(content);
    if (displayId !== undefined) {
      const at = this.#displays.get(displayId) ?? [];
      this.#displays.set(displayId, [...at, this.#outputs.length]);
    }
    this.#outputs.push(output);
  }

  #update(content: Record<string, unknown>): void {
    const displayId = displayIdOf(content);
    if (displayId === undefined) return; // Malformed: an update must name its display.
    const bundle = this.#bundle(content);
    const at = this.#displays.get(displayId);
    if (at === undefined) {
      this.#updates.push({ displayId, ...bundle });
      return;
    }
    for (const i of at) {
      const old = this.#outputs[i];
      if (old?.output_type === "display_data" || old?.output_type === "execute_result") {
        this.#outputs[i] = { ...old, ...bundle };
      }
    }
  }

  #beforeOutput(): void {
    if (this.#clearOnNextOutput) this.#clear();
  }

  #clear(): void {
    this.#outputs.length = 0;
    this.#streamBytes.clear();
    this.#displays.clear();
    this.#clearOnNextOutput = false;
  }

  #bundle(content: Record<string, unknown>): Pick<DisplayDataOutput, "data" | "metadata"> {
    const data = asRecord(content.data);
    const capped = capBundle(data, this.#maxBytes);
    // A cut bundle drops the metadata of the MIME types it no longer has.
    const metadata = capped === data ? { ...asRecord(content.metadata) } : {};
    return { data: { ...capped }, metadata };
  }
}

function withoutAnsi(output: Output): Output {
  switch (output.output_type) {
    case "stream":
      return { ...output, text: stripAnsi(output.text) };
    case "display_data":
    case "execute_result": {
      const plain = output.data["text/plain"];
      return typeof plain === "string"
        ? { ...output, data: { ...output.data, "text/plain": stripAnsi(plain) } }
        : output;
    }
    case "error":
      return output;
  }
}

function displayIdOf(content: Record<string, unknown>): string | undefined {
  const id = asRecord(content.transient).display_id;
  return typeof id === "string" ? id : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? value as Record<string, unknown>
    : {};
}
