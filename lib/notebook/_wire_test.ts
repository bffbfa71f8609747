import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import {
  createHeader,
  decodeMessage,
  DELIMITER,
  encodeMessage,
  type MessageHeader,
  PROTOCOL_VERSION,
  Signer,
} from "./_wire.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const KEY = "a0b1c2d3-e4f5-4607-8899-aabbccddeeff";

const header: MessageHeader = {
  msg_id: "6f1c0d2e-0000-4000-8000-000000000001",
  session: "5e55-10n",
  username: "mullet",
  date: "2024-04-20T00:09:27.000Z",
  msg_type: "execute_request",
  version: "5.3",
};
const message = {
  header,
  parent_header: {},
  metadata: {},
  content: { code: "1 + 1", silent: false },
};

Deno.test("Signer signs like an independent HMAC-SHA256 (node:crypto)", async () => {
  const parts = ['{"a":1}', "{}", "{}", '{"code":"é"}'].map((p) => encoder.encode(p));
  const expected = createHmac("sha256", KEY);
  for (const part of parts) expected.update(part);
  const signer = await Signer.create(KEY);
  assert.equal(await signer.sign(parts), expected.digest("hex"));
});

Deno.test("encodeMessage lays out the wire frames and signs the four JSON frames", async () => {
  const frames = await encodeMessage(message, await Signer.create(KEY));
  assert.equal(frames.length, 6);
  assert.equal(decoder.decode(frames[0]), DELIMITER);
  const json = frames.slice(2).map((f) => decoder.decode(f));
  assert.deepEqual(json.map((j) => JSON.parse(j)), [
    header,
    {},
    {},
    message.content,
  ]);
  const expected = createHmac("sha256", KEY).update(json.join("")).digest("hex");
  assert.equal(decoder.decode(frames[1]), expected);
});

Deno.test("decodeMessage round-trips identities, the four parts and buffers", async () => {
  const signer = await Signer.create(KEY);
  const identity = encoder.encode("client-1");
  const buffer = new Uint8Array([0, 1, 2, 255]);
  const frames = await encodeMessage(
    { ...message, identities: [identity], buffers: [buffer] },
    signer,
  );
  const decoded = await decodeMessage(frames, signer);
  assert.deepEqual(decoded.identities, [identity]);
  assert.deepEqual(decoded.header, header);
  assert.deepEqual(decoded.parent_header, {});
  assert.deepEqual(decoded.content, message.content);
  assert.deepEqual(decoded.buffers, [buffer]);
});

Deno.test("decodeMessage rejects a message signed with another key", async () => {
  const frames = await encodeMessage(message, await Signer.create("not-the-key"));
  await assert.rejects(
    decodeMessage(frames, await Signer.create(KEY)),
    /Cannot accept Jupyter message "execute_request": its HMAC-SHA256 signature .* does not match the connection key/,
  );
});

Deno.test("decodeMessage rejects tampered content and forged signatures", async () => {
  const signer = await Signer.create(KEY);
  const frames = await encodeMessage(message, signer);
  const tampered = [...frames];
  tampered[5] = encoder.encode(JSON.stringify({ code: "Deno.exit()", silent: false }));
  await assert.rejects(decodeMessage(tampered, signer), /does not match the connection key/);
  for (const forged of ["", "zz", "00".repeat(32), decoder.decode(frames[1]).slice(0, 62)]) {
    const copy = [...frames];
    copy[1] = encoder.encode(forged);
    await assert.rejects(decodeMessage(copy, signer), /does not match the connection key/);
  }
});

Deno.test("decodeMessage names what is missing in a malformed message", async () => {
  const signer = await Signer.create(KEY);
  const frames = await encodeMessage(message, signer);
  await assert.rejects(decodeMessage(frames.slice(1), signer), /no "<IDS\|MSG>" delimiter/);
  await assert.rejects(decodeMessage(frames.slice(0, 4), signer), /4 JSON frames.*got 3 frames/);
});

Deno.test("an empty key disables signing, as in Jupyter", async () => {
  const signer = await Signer.create("");
  const frames = await encodeMessage(message, signer);
  assert.equal(decoder.decode(frames[1]), "");
  assert.deepEqual((await decodeMessage(frames, signer)).content, message.content);
});

Deno.test("createHeader fills every v5.3 header field", () => {
  const date = new Date("2024-04-20T00:09:27Z");
  const made = createHeader("kernel_info_request", "s-1", { date, msgId: "m-1", username: "u" });
  assert.deepEqual(made, {
    msg_id: "m-1",
    session: "s-1",
    username: "u",
    date: "2024-04-20T00:09:27.000Z",
    msg_type: "kernel_info_request",
    version: PROTOCOL_VERSION,
  });
  const fresh = createHeader("x", "s");
  assert.match(
    fresh.msg_id,
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  assert.notEqual(createHeader("x", "s").msg_id, fresh.msg_id);
  assert.ok(!Number.isNaN(Date.parse(fresh.date)));
});
