/**
 * The Jupyter wire protocol, version 5.3: a message travels as the multipart frames
 * `[...identities, "<IDS|MSG>", signature, header, parent_header, metadata, content,
 * ...buffers]`, signed with HMAC-SHA256 over the four JSON frames.
 *
 * Internal to `lib/notebook`: the kernel client is the only user.
 *
 * @see https://jupyter-client.readthedocs.io/en/stable/messaging.html#the-wire-protocol
 * @module
 */

/** The messaging protocol version this client speaks. */
export const PROTOCOL_VERSION = "5.3";

/** Separates the routing identities from the message proper. */
export const DELIMITER = "<IDS|MSG>";

/** A Jupyter message header. */
export interface MessageHeader {
  /** Unique id of this message (a UUID). */
  msg_id: string;
  /** Id of the client or kernel session that sent it. */
  session: string;
  /** User name of the sender. */
  username: string;
  /** ISO 8601 time the message was created. */
  date: string;
  /** Message type, e.g. `execute_request`. */
  msg_type: string;
  /** Protocol version, `"5.3"` here. */
  version: string;
}

/** A decoded (or to-be-encoded) Jupyter message. */
export interface JupyterMessage<Content = Record<string, unknown>> {
  /** ZeroMQ routing identities that precede the delimiter (usually none for a client). */
  identities: Uint8Array[];
  /** This message's header. */
  header: MessageHeader;
  /** The header of the request this message answers, or `{}`. */
  parent_header: MessageHeader | Record<string, never>;
  /** Free-form metadata. */
  metadata: Record<string, unknown>;
  /** The message content; its shape depends on `header.msg_type`. */
  content: Content;
  /** Binary buffers after the content frame. */
  buffers: Uint8Array[];
}

/** Options of {@linkcode createHeader}. */
export interface HeaderOptions {
  /**
   * User name recorded in the header.
   *
   * @default "mullet"
   */
  username?: string;
  /** Message id. Default: a fresh `crypto.randomUUID()`. */
  msgId?: string;
  /** Creation time. Default: now. */
  date?: Date;
}

/** A new message header for `msgType` in `session`. */
export function createHeader(
  msgType: string,
  session: string,
  options: HeaderOptions = {},
): MessageHeader {
  return {
    msg_id: options.msgId ?? crypto.randomUUID(),
    session,
    username: options.username ?? "mullet",
    date: (options.date ?? new Date()).toISOString(),
    msg_type: msgType,
    version: PROTOCOL_VERSION,
  };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Signs and verifies messages with the connection key. An empty key disables signing, as in
 * Jupyter: the signature frame is then empty and is not checked.
 */
export class Signer {
  readonly #key: CryptoKey | null;

  private constructor(key: CryptoKey | null) {
    this.#key = key;
  }

  /** A signer for `key` (the `key` field of the connection file) using HMAC-SHA256. */
  static async create(key: string): Promise<Signer> {
    if (key === "") return new Signer(null);
    const cryptoKey = await crypto.subtle.importKey(
      "raw",
      encoder.encode(key),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    return new Signer(cryptoKey);
  }

  /** The lowercase hex HMAC-SHA256 of the concatenated `parts`. */
  async sign(parts: readonly Uint8Array[]): Promise<string> {
    if (this.#key === null) return "";
    const mac = await crypto.subtle.sign("HMAC", this.#key, concat(parts));
    return toHex(new Uint8Array(mac));
  }

  /** Whether `signature` (hex) is the HMAC of `parts`; compared in constant time by WebCrypto. */
  async verify(signature: string, parts: readonly Uint8Array[]): Promise<boolean> {
    if (this.#key === null) return true;
    const mac = fromHex(signature);
    if (mac === null || mac.length !== 32) return false;
    return await crypto.subtle.verify("HMAC", this.#key, mac, concat(parts));
  }
}

/** The frames of `message`, signed by `signer`, ready for a ZeroMQ multipart send. */
export async function encodeMessage(
  message: Omit<JupyterMessage<unknown>, "identities" | "buffers"> & {
    identities?: Uint8Array[];
    buffers?: Uint8Array[];
  },
  signer: Signer,
): Promise<Uint8Array[]> {
  const parts = [
    message.header,
    message.parent_header,
    message.metadata,
    message.content,
  ].map((part) => encoder.encode(JSON.stringify(part)));
  const signature = await signer.sign(parts);
  return [
    ...(message.identities ?? []),
    encoder.encode(DELIMITER),
    encoder.encode(signature),
    ...parts,
    ...(message.buffers ?? []),
  ];
}

/**
 * The message carried by `frames`, after checking its signature.
 *
 * @throws {Error} when the delimiter or a JSON frame is missing, or the signature is wrong.
 */
export async function decodeMessage(
  frames: readonly Uint8Array[],
  signer: Signer,
): Promise<JupyterMessage> {
  const at = frames.findIndex((frame) => decoder.decode(frame) === DELIMITER);
  if (at < 0) {
    throw new Error(
      `Cannot decode Jupyter message: no "${DELIMITER}" delimiter among ${frames.length} frames`,
    );
  }
  if (frames.length < at + 6) {
    throw new Error(
      `Cannot decode Jupyter message: expected a signature and 4 JSON frames after the delimiter, got ${
        frames.length - at - 1
      } frames`,
    );
  }
  const signature = decoder.decode(frames[at + 1]!);
  const parts = frames.slice(at + 2, at + 6);
  if (!(await signer.verify(signature, parts))) {
    const type = msgTypeOf(parts[0]!);
    throw new Error(
      `Cannot accept Jupyter message${type ? ` "${type}"` : ""}: its HMAC-SHA256 signature ` +
        `"${signature.slice(0, 16)}${
          signature.length > 16 ? "…" : ""
        }" does not match the connection key`,
    );
  }
  const [header, parentHeader, metadata, content] = parts.map((part, i) => {
    try {
      return JSON.parse(decoder.decode(part));
    } catch (error) {
      const name = ["header", "parent_header", "metadata", "content"][i];
      throw new Error(`Cannot decode Jupyter message: the ${name} frame is not JSON`, {
        cause: error,
      });
    }
  });
  return {
    identities: frames.slice(0, at).map((f) => new Uint8Array(f)),
    header,
    parent_header: parentHeader,
    metadata,
    content,
    buffers: frames.slice(at + 6).map((f) => new Uint8Array(f)),
  };
}

function msgTypeOf(headerFrame: Uint8Array): string | undefined {
  try {
    const type = JSON.parse(decoder.decode(headerFrame))?.msg_type;
    return typeof type === "string" ? type : undefined;
  } catch {
    return undefined;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
