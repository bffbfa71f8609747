/**
 * The client ends of a kernel's ZeroMQ sockets: shell, control and stdin (Dealer), IOPub
 * (Subscriber, all topics) and heartbeat (Request).
 *
 * Why a polling pump: under Deno 2.9, zeromq.js's libuv integration does not deliver reads. A
 * pending `receive()` resolves only when the same socket next sends (zeromq re-checks its state
 * after a send), so a Dealer never sees the kernel's reply to its last request, and a receive
 * timeout (`receiveTimeout`, a libuv timer) crashes the process. We therefore never wait inside
 * zeromq: a timer asks each socket whether it is `readable` (ZMQ_EVENTS) and only then calls
 * `receive()`, which completes at once.
 *
 * @module
 */
import * as zmq from "zeromq";
import type { Channel, ConnectionInfo } from "./_connection.ts";
import { endpoint } from "./_connection.ts";
import { decodeMessage, encodeMessage, type JupyterMessage, type Signer } from "./_wire.ts";

/** Channels that carry Jupyter messages from the kernel to us. */
export type ReceivingChannel = Exclude<Channel, "hb">;
/** Channels we send Jupyter messages on. */
export type SendingChannel = "shell" | "control" | "stdin";

/** What the pump reports. */
export interface ChannelHandlers {
  /** A verified message arrived on `channel`. */
  onMessage(channel: ReceivingChannel, message: JupyterMessage): void;
  /** A message on `channel` could not be accepted (bad signature, malformed). */
  onError(channel: ReceivingChannel, error: Error): void;
}

// Poll quickly after traffic, then back off to this when quiet.
const MAX_POLL_INTERVAL_MS = 5;
// Messages taken from one socket per tick, so a chatty IOPub cannot starve the others.
const MAX_BATCH = 64;

/** Open sockets to one kernel, with the polling pump running. */
export class Channels {
  readonly #sockets: Record<SendingChannel, zmq.Dealer> & {
    iopub: zmq.Subscriber;
    hb: zmq.Request;
  };
  readonly #signer: Signer;
  readonly #handlers: ChannelHandlers;
  readonly #sendQueues = new Map<SendingChannel, Promise<unknown>>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #interval = 0;
  #closed = false;

  /** Connects every socket to the kernel described by `info` and starts the pump. */
  constructor(info: ConnectionInfo, signer: Signer, handlers: ChannelHandlers) {
    // No receive high-water mark: libzmq drops what exceeds it, and a lost `status: idle`
    // would hang a cell.
    const options = { linger: 0, receiveHighWaterMark: 0 };
    this.#sockets = {
      shell: new zmq.Dealer(options),
      control: new zmq.Dealer(options),
      stdin: new zmq.Dealer(options),
      iopub: new zmq.Subscriber(options),
      // Relaxed + correlate: a ping that got no answer does not block the next one.
      hb: new zmq.Request({ linger: 0, relaxed: true, correlate: true }),
    };
    this.#sockets.iopub.subscribe();
    for (const channel of ["shell", "control", "stdin", "iopub", "hb"] as const) {
      this.#sockets[channel].connect(endpoint(info, channel));
    }
    this.#signer = signer;
    this.#handlers = handlers;
    this.#schedule();
  }

  /** Signs and sends `message` on `channel`; resolves once zeromq has queued it. */
  send(
    channel: SendingChannel,
    message: Omit<JupyterMessage<unknown>, "identities" | "buffers">,
  ): Promise<void> {
    const previous = this.#sendQueues.get(channel) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(async () => {
      if (this.#closed) throw new Error(`Cannot send on ${channel}: the channels are closed`);
      const frames = await encodeMessage(message, this.#signer);
      const socket = this.#sockets[channel];
      // A send that cannot complete at once would wait on libuv, which never wakes under Deno.
      await until(() => this.#closed || socket.writable, 10_000, `send on ${channel}`);
      if (this.#closed) throw new Error(`Cannot send on ${channel}: the channels are closed`);
      await socket.send(frames);
    });
    this.#sendQueues.set(channel, next);
    return next;
  }

  /** Whether the kernel's heartbeat echoes a ping within `timeoutMs`. */
  async ping(timeoutMs: number): Promise<boolean> {
    const hb = this.#sockets.hb;
    const payload = crypto.randomUUID();
    await hb.send(payload);
    try {
      await until(() => this.#closed || hb.readable, timeoutMs, "heartbeat");
    } catch {
      return false;
    }
    if (this.#closed) return false;
    const [echo] = await hb.receive();
    return new TextDecoder().decode(echo) === payload;
  }

  /** Stops the pump and closes every socket. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const socket of Object.values(this.#sockets)) socket.close();
  }

  #schedule(): void {
    if (this.#closed) return;
    this.#timer = setTimeout(() => this.#tick(), this.#interval);
  }

  async #tick(): Promise<void> {
    let received = 0;
    for (const channel of ["shell", "control", "stdin", "iopub"] as const) {
      const socket = this.#sockets[channel];
      for (let n = 0; n < MAX_BATCH && !this.#closed && socket.readable; n++) {
        received++;
        try {
          const frames = await socket.receive();
          this.#handlers.onMessage(channel, await decodeMessage(frames, this.#signer));
        } catch (error) {
          if (this.#closed) return;
          this.#handlers.onError(
            channel,
            error instanceof Error ? error : new Error(String(error)),
          );
        }
      }
    }
    this.#interval = received > 0 ? 0 : Math.min(MAX_POLL_INTERVAL_MS, this.#interval + 1);
    this.#schedule();
  }
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let wait = 0;
  while (!condition()) {
    if (performance.now() > deadline) {
      throw new Error(`Cannot complete ${what}: no progress within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(MAX_POLL_INTERVAL_MS, wait + 1);
  }
}
