/**
 * The kernel connection file: five TCP ports on 127.0.0.1 and the HMAC key, written to a private
 * temporary directory for `deno jupyter --kernel --conn FILE`.
 *
 * @see https://jupyter-client.readthedocs.io/en/stable/kernels.html#connection-files
 * @module
 */

/** The channels a kernel listens on. */
export const CHANNELS = ["shell", "iopub", "stdin", "control", "hb"] as const;
/** One of {@linkcode CHANNELS}. */
export type Channel = typeof CHANNELS[number];

/** The contents of a connection file. */
export interface ConnectionInfo {
  /** Always `"tcp"` here. */
  transport: "tcp";
  /** Always `"127.0.0.1"` here: the kernel must not listen on other interfaces. */
  ip: string;
  /** Always `"hmac-sha256"`. */
  signature_scheme: "hmac-sha256";
  /** The HMAC key, 64 random hex digits. */
  key: string;
  /** Port of the shell channel (ROUTER). */
  shell_port: number;
  /** Port of the IOPub channel (PUB). */
  iopub_port: number;
  /** Port of the stdin channel (ROUTER). */
  stdin_port: number;
  /** Port of the control channel (ROUTER). */
  control_port: number;
  /** Port of the heartbeat channel (REP). */
  hb_port: number;
  /** Name of the kernel, informational. */
  kernel_name: string;
}

/** A connection file on disk. */
export interface ConnectionFile {
  /** The parsed contents. */
  info: ConnectionInfo;
  /** Absolute path of the file. */
  path: string;
  /** The temporary directory holding it; remove it when the kernel has ended. */
  dir: string;
}

/** The ZeroMQ endpoint of `channel`, e.g. `tcp://127.0.0.1:50123`. */
export function endpoint(info: ConnectionInfo, channel: Channel): string {
  return `${info.transport}://${info.ip}:${info[`${channel}_port`]}`;
}

/**
 * `count` distinct free TCP ports on 127.0.0.1, found by binding port 0 and closing. All are
 * held open together so they differ; another process may still take one before the kernel binds
 * it (the race every Jupyter client accepts).
 */
export function freePorts(count: number): number[] {
  const listeners = Array.from(
    { length: count },
    () => Deno.listen({ hostname: "127.0.0.1", port: 0, transport: "tcp" }),
  );
  try {
    return listeners.map((l) => l.addr.port);
  } finally {
    for (const l of listeners) l.close();
  }
}

/** Writes a fresh connection file (new ports, new key) into a new temporary directory. */
export async function writeConnectionFile(): Promise<ConnectionFile> {
  const [shell, iopub, stdin, control, hb] = freePorts(5) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const key = Array.from(
    crypto.getRandomValues(new Uint8Array(32)),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
  const info: ConnectionInfo = {
    transport: "tcp",
    ip: "127.0.0.1",
    signature_scheme: "hmac-sha256",
    key,
    shell_port: shell,
    iopub_port: iopub,
    stdin_port: stdin,
    control_port: control,
    hb_port: hb,
    kernel_name: "deno",
  };
  const dir = await Deno.makeTempDir({ prefix: "mullet-kernel-" });
  const path = `${dir}/connection.json`;
  // The key lets anyone who reads the file run code in the kernel: owner-only.
  await Deno.writeTextFile(path, JSON.stringify(info, null, 2), { mode: 0o600 });
  return { info, path, dir };
}
