/**
 * Proof that the kernel has sent a message to its clients. The Deno kernel (2.9) queues what a
 * cell displays and forwards it from another task; nothing orders that forwarding before the
 * cell's `status: idle`, and Jupyter's nbclient stops reading at idle. Waiting a while inside the
 * cell shrinks the window but cannot close it on a loaded machine, and the kernel offers no
 * round trip that passes through its forwarding queue (comms are closed on open; an input
 * request takes another path, and none is allowed under nbconvert).
 *
 * So the cell subscribes to the kernel's own IOPub socket, as any client does (ZMTP 3.0, NULL
 * security, read-only), and waits until its message comes back: the kernel publishes to its
 * subscribers one message at a time, in order, so by then the message has gone to every client
 * that was already listening, before the idle that ends the cell.
 *
 * @module
 */

/** Message metadata key that names a message for its witness. */
export const WITNESS_KEY = "mullet_witness";

/** Where a kernel publishes: the IOPub entry of its connection file. */
export interface IopubAddress {
  readonly ip: string;
  readonly port: number;
}

/**
 * The IOPub address of the kernel this code runs in, read from the connection file the kernel
 * was started with (`deno jupyter --kernel --conn FILE`); `undefined` outside such a kernel.
 * Only the address is read, never the key.
 */
export async function ownIopubAddress(): Promise<IopubAddress | undefined> {
  const args = await ownCommandLine();
  const at = args.indexOf("--conn");
  const file = at === -1 ? undefined : args[at + 1];
  if (file === undefined) return undefined;
  try {
    const info = JSON.parse(await Deno.readTextFile(file)) as Record<string, unknown>;
    const port = Number(info["iopub_port"]);
    const ip = String(info["ip"] ?? "127.0.0.1");
    if (info["transport"] !== undefined && info["transport"] !== "tcp") return undefined;
    return Number.isInteger(port) && port > 0 ? { ip, port } : undefined;
  } catch {
    return undefined;
  }
}

async function ownCommandLine(): Promise<string[]> {
  try {
    return (await Deno.readTextFile("/proc/self/cmdline")).split("\0");
  } catch {
    // No /proc (macOS): ask ps. Arguments with spaces are not expected in a kernelspec's argv.
    try {
      const out = await new Deno.Command("ps", {
        args: ["-ww", "-o", "args=", "-p", String(Deno.pid)],
        stdout: "piped",
        stderr: "null",
      }).output();
      return new TextDecoder().decode(out.stdout).trim().split(/\s+/);
    } catch {
      return [];
    }
  }
}

const ZMTP_GREETING = (() => {
  const greeting = new Uint8Array(64);
  greeting[0] = 0xff;
  greeting[9] = 0x7f;
  greeting[10] = 3; // ZMTP 3.0
  greeting.set(new TextEncoder().encode("NULL"), 12);
  return greeting;
})();

/** A frame: flags (command bit), 1-byte size, body. */
function shortFrame(body: Uint8Array, command: boolean): Uint8Array {
  return Uint8Array.from([command ? 0x04 : 0x00, body.length, ...body]);
}

function readyCommand(): Uint8Array {
  const enc = new TextEncoder();
  const name = enc.encode("READY");
  const key = enc.encode("Socket-Type");
  const value = enc.encode("SUB");
  return shortFrame(
    Uint8Array.from([
      name.length,
      ...name,
      key.length,
      ...key,
      0,
      0,
      0,
      value.length,
      ...value,
    ]),
    true,
  );
}

/** Buffered exact reads from a connection. */
class FrameReader {
  #conn: Deno.Conn;
  #buffer = new Uint8Array(0);

  constructor(conn: Deno.Conn) {
    this.#conn = conn;
  }

  async read(size: number): Promise<Uint8Array> {
    while (this.#buffer.length < size) {
      const chunk = new Uint8Array(Math.max(65_536, size - this.#buffer.length));
      const n = await this.#conn.read(chunk);
      if (n === null) throw new Error("the kernel closed its IOPub connection");
      const joined = new Uint8Array(this.#buffer.length + n);
      joined.set(this.#buffer);
      joined.set(chunk.subarray(0, n), this.#buffer.length);
      this.#buffer = joined;
    }
    const out = this.#buffer.slice(0, size);
    this.#buffer = this.#buffer.subarray(size);
    return out;
  }

  /** One frame: its body, whether more frames follow, and whether it is a command. */
  async frame(): Promise<{ body: Uint8Array; more: boolean; command: boolean }> {
    const [flags] = await this.read(1);
    const long = (flags! & 0x02) !== 0;
    const sizeBytes = await this.read(long ? 8 : 1);
    const size = long ? Number(new DataView(sizeBytes.buffer).getBigUint64(0)) : sizeBytes[0]!;
    return {
      body: await this.read(size),
      more: (flags! & 0x01) !== 0,
      command: (flags! & 0x04) !== 0,
    };
  }
}

/** A read-only subscriber to a kernel's IOPub socket that recognises messages by their tag. */
export class IopubWitness {
  readonly #conn: Deno.Conn;
  readonly #waiting = new Map<string, { seen: () => void; failed: (error: Error) => void }>();
  #failure: Error | undefined;

  private constructor(conn: Deno.Conn) {
    this.#conn = conn;
  }

  /** Connects and subscribes to every message. */
  static async connect(address: IopubAddress): Promise<IopubWitness> {
    const conn = await Deno.connect({ hostname: address.ip, port: address.port });
    const reader = new FrameReader(conn);
    await conn.write(ZMTP_GREETING);
    await reader.read(64);
    await conn.write(readyCommand());
    await reader.frame(); // the kernel's READY
    await conn.write(shortFrame(Uint8Array.of(1), false)); // subscribe to every topic
    const witness = new IopubWitness(conn);
    witness.#readLoop(reader);
    return witness;
  }

  /** Whether the connection has failed (a new witness is then needed). */
  get failed(): boolean {
    return this.#failure !== undefined;
  }

  /**
   * Resolves when a message whose metadata carries `tag` has been published; rejects after
   * `timeoutMs` or when the connection fails.
   */
  seen(tag: string, timeoutMs: number): Promise<void> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(tag);
        reject(new Error(`no message tagged ${tag} came back within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiting.set(tag, {
        seen: () => {
          clearTimeout(timer);
          resolve();
        },
        failed: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  /** Stops listening. */
  close(): void {
    this.#fail(new Error("closed"));
    try {
      this.#conn.close();
    } catch {
      // Already closed.
    }
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiter of this.#waiting.values()) waiter.failed(this.#failure);
    this.#waiting.clear();
  }

  /** Reads every message, so the kernel is never held up writing to this subscriber. */
  async #readLoop(reader: FrameReader): Promise<void> {
    const decoder = new TextDecoder();
    try {
      while (true) {
        const frames: Uint8Array[] = [];
        let frame;
        do {
          frame = await reader.frame();
          if (!frame.command) frames.push(frame.body);
        } while (frame.more);
        const delimiter = frames.findIndex((f) =>
          f.length === 9 && decoder.decode(f) === "<IDS|MSG>"
        );
        const metadata = delimiter === -1 ? undefined : frames[delimiter + 4];
        if (metadata === undefined || metadata.length > 4096) continue;
        const tag = (JSON.parse(decoder.decode(metadata)) as Record<string, unknown>)[WITNESS_KEY];
        if (typeof tag === "string") {
          this.#waiting.get(tag)?.seen();
          this.#waiting.delete(tag);
        }
      }
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
