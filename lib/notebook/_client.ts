/**
 * Requests and their answers: sends a request on shell or control and routes what comes back —
 * the reply, and the IOPub messages whose parent is the request — to that request's handlers.
 *
 * @module
 */
import { Channels, type ReceivingChannel } from "./_channels.ts";
import type { ConnectionInfo } from "./_connection.ts";
import { within } from "./_timers.ts";
import { createHeader, type JupyterMessage, type Signer } from "./_wire.ts";

/** What a {@linkcode Call} waits for besides the reply. */
export interface CallOptions {
  /**
   * Also wait for the request's `status: idle` on IOPub.
   *
   * @default false
   */
  waitIdle?: boolean;
  /** Sees every IOPub message whose parent is the request, in arrival order. */
  onIopub?(message: JupyterMessage): void;
  /** Also wait until this holds; checked after each message. Default: always holds. */
  until?(): boolean;
}

/** A request in flight. */
export interface Call {
  /** The request's `msg_id`. */
  readonly msgId: string;
  /** The reply, once everything asked for has arrived; rejects if the kernel fails. */
  readonly done: Promise<JupyterMessage>;
  /** Stops routing messages to this call; later ones are dropped. */
  dispose(): void;
}

interface Route {
  onReply(message: JupyterMessage): void;
  onIopub(message: JupyterMessage): void;
  fail(error: Error): void;
}

/** A Jupyter client session over the channels of one kernel. */
export class KernelClient {
  readonly #channels: Channels;
  readonly #session = crypto.randomUUID();
  readonly #routes = new Map<string, Route>();
  #iopubSeen = false;

  /** Connects to the kernel described by `info`; messages are signed with `signer`. */
  constructor(info: ConnectionInfo, signer: Signer) {
    this.#channels = new Channels(info, signer, {
      onMessage: (channel, message) => this.#dispatch(channel, message),
      onError: (channel, error) =>
        this.failAll(new Error(`Kernel ${channel} channel: ${error.message}`, { cause: error })),
    });
  }

  /** Whether any IOPub message has arrived (the subscription is live). */
  get iopubSeen(): boolean {
    return this.#iopubSeen;
  }

  /** Sends a request; see {@linkcode Call}. */
  call(
    channel: "shell" | "control",
    msgType: string,
    content: Record<string, unknown>,
    options: CallOptions = {},
  ): Call {
    const header = createHeader(msgType, this.#session);
    const done = Promise.withResolvers<JupyterMessage>();
    done.promise.catch(() => {}); // The caller may look only later.
    let reply: JupyterMessage | undefined;
    let idle = !options.waitIdle;
    const check = () => {
      if (reply && idle && (options.until?.() ?? true)) done.resolve(reply);
    };
    this.#routes.set(header.msg_id, {
      onReply: (message) => {
        reply = message;
        check();
      },
      onIopub: (message) => {
        options.onIopub?.(message);
        if (message.header.msg_type === "status" && message.content.execution_state === "idle") {
          idle = true;
        }
        check();
      },
      fail: (error) => done.reject(error),
    });
    this.#channels.send(channel, { header, parent_header: {}, metadata: {}, content })
      .catch((error) => done.reject(error));
    return {
      msgId: header.msg_id,
      done: done.promise,
      dispose: () => this.#routes.delete(header.msg_id),
    };
  }

  /** Sends a request and waits up to `timeoutMs` for its answer; `undefined` if none came. */
  async request(
    channel: "shell" | "control",
    msgType: string,
    content: Record<string, unknown>,
    options: CallOptions & { timeoutMs: number },
  ): Promise<JupyterMessage | undefined> {
    const call = this.call(channel, msgType, content, options);
    try {
      return await within(call.done, options.timeoutMs, undefined);
    } finally {
      call.dispose();
    }
  }

  /** Sends a message that expects no answer (e.g. `shutdown_request`); resolves once queued. */
  async notify(channel: "shell" | "control", msgType: string, content: Record<string, unknown>) {
    const header = createHeader(msgType, this.#session);
    await this.#channels.send(channel, { header, parent_header: {}, metadata: {}, content });
  }

  /** Fails every call in flight with `error`. */
  failAll(error: Error): void {
    for (const route of this.#routes.values()) route.fail(error);
    this.#routes.clear();
  }

  /** Whether the kernel's heartbeat echoes within `timeoutMs`. */
  ping(timeoutMs: number): Promise<boolean> {
    return this.#channels.ping(timeoutMs);
  }

  /** Closes every socket. Idempotent. */
  close(): void {
    this.#channels.close();
  }

  #dispatch(channel: ReceivingChannel, message: JupyterMessage): void {
    if (channel === "iopub") this.#iopubSeen = true;
    if (channel === "stdin" && message.header.msg_type === "input_request") {
      // Requests say allow_stdin: false, so this should not come; answer rather than hang.
      this.#channels.send("stdin", {
        header: createHeader("input_reply", this.#session),
        parent_header: message.header,
        metadata: {},
        content: { value: "" },
      }).catch(() => {});
      return;
    }
    const parentId = (message.parent_header as { msg_id?: string }).msg_id;
    const route = parentId === undefined ? undefined : this.#routes.get(parentId);
    if (channel === "iopub") route?.onIopub(message);
    else route?.onReply(message);
  }
}
