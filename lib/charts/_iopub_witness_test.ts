// The witness against a minimal IOPub publisher speaking ZMTP 3.0 as the Deno kernel does.
import assert from "node:assert/strict";
import { IopubWitness, WITNESS_KEY } from "./_iopub_witness.ts";

const enc = new TextEncoder();

function frame(body: Uint8Array, more: boolean, command = false): Uint8Array {
  const long = body.length > 255;
  const head = long ? new Uint8Array(9) : Uint8Array.of(0, body.length);
  head[0] = (more ? 1 : 0) | (long ? 2 : 0) | (command ? 4 : 0);
  if (long) new DataView(head.buffer).setBigUint64(1, BigInt(body.length));
  return Uint8Array.from([...head, ...body]);
}

async function readSome(conn: Deno.Conn, size: number): Promise<void> {
  const buffer = new Uint8Array(size);
  for (let got = 0; got < size;) got += (await conn.read(buffer.subarray(got)))!;
}

/** Accepts one subscriber, then publishes a message tagged `tag` once `publish` resolves. */
function publisher(tag: string, publish: Promise<void>, published: () => void) {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const served = (async () => {
    const conn = await listener.accept();
    const greeting = new Uint8Array(64);
    greeting.set([0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0x7f, 3, 0, ...enc.encode("NULL")]);
    await conn.write(greeting);
    await readSome(conn, 64);
    await conn.write(frame(Uint8Array.of(5, ...enc.encode("READY")), false, true));
    await readSome(conn, 2 + 1 + 5 + 1 + 11 + 4 + 3); // the subscriber's READY
    await readSome(conn, 3); // its subscription
    await publish;
    const parts = [
      "<IDS|MSG>",
      "",
      "{}",
      "{}",
      JSON.stringify({ [WITNESS_KEY]: tag }),
      "x".repeat(70_000),
    ];
    const message = parts.map((p, i) => frame(enc.encode(p), i < parts.length - 1));
    for (const part of message) await conn.write(part);
    published();
    return conn;
  })();
  return { port, served, listener };
}

Deno.test("IopubWitness: resolves only once the tagged message has been published", async () => {
  let release!: () => void;
  let publishedAt = 0;
  const { port, served, listener } = publisher(
    "t1",
    new Promise((resolve) => (release = resolve)),
    () => (publishedAt = performance.now()),
  );
  const witness = await IopubWitness.connect({ ip: "127.0.0.1", port });
  try {
    let seenAt = 0;
    const seen = witness.seen("t1", 5_000).then(() => (seenAt = performance.now()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(seenAt, 0, "not seen before it is published");
    release();
    await seen;
    assert.ok(publishedAt > 0 && seenAt >= publishedAt);
    (await served).close();
    await assert.rejects(witness.seen("t2", 5_000), /closed its IOPub connection/);
    assert.equal(witness.failed, true);
  } finally {
    witness.close();
    listener.close();
  }
});
