/**
 * The kernel connection: five TCP ports on 127.0.0.1 and the HMAC key. The kernel reads it from
 * its stdin (`deno jupyter --kernel --conn /dev/stdin`), so the key is never on disk and a run
 * that is killed leaves no connection file behind.
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

/** A fresh connection: new ports, new key. */
export function newConnection(): ConnectionInfo {
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
  return {
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
}

/** Prefix of the temporary directories that held connection files before they came by stdin. */
const OLD_DIR_PREFIX = "mullet-kernel-";
// A kernel reads its connection file when it starts; a directory this old is read or orphaned.
const OLD_DIR_AGE_MS = 60_000;

/**
 * Removes the connection-file directories (`mullet-kernel-*`) that runs before connections came
 * by stdin left in `root` when they were killed; returns their paths. A kernel reads its file
 * only when it starts, so removing an old directory never disturbs a kernel.
 */
export async function sweepStaleConnectionDirs(root: string): Promise<string[]> {
  const swept: string[] = [];
  for await (const entry of Deno.readDir(root)) {
    if (!entry.isDirectory || !entry.name.startsWith(OLD_DIR_PREFIX)) continue;
    const path = `${root}/${entry.name}`;
    const mtime = (await Deno.stat(path).catch(() => undefined))?.mtime;
    if (mtime == null || Date.now() - mtime.getTime() < OLD_DIR_AGE_MS) continue;
    await Deno.remove(path, { recursive: true }).catch(() => {});
    swept.push(path);
  }
  return swept;
}
