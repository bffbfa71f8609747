import assert from "node:assert/strict";
import { textChunks } from "./text_chunks.ts";

async function withFile(bytes: Uint8Array, check: (path: string) => Promise<void>) {
  const path = await Deno.makeTempFile({ dir: "/tmp", prefix: "mullet_text_chunks_" });
  try {
    await Deno.writeFile(path, bytes);
    await check(path);
  } finally {
    await Deno.remove(path);
  }
}

Deno.test("textChunks gives the text Deno.readTextFile gives, at any chunk size", async () => {
  // Two-, three- and four-byte characters, so that every size splits some of them.
  const text = "date,note\n2024-04-20,halving ½ — 🚀\r\n".repeat(50);
  await withFile(new TextEncoder().encode(text), async (path) => {
    for (const chunkBytes of [1, 2, 3, 5, 64, 2 ** 16]) {
      const chunks = await textChunks(path, { chunkBytes });
      assert.equal([...chunks].join(""), await Deno.readTextFile(path), `${chunkBytes} bytes`);
      assert.equal(chunks.length, new TextEncoder().encode(text).length);
      assert.ok(chunks.length >= text.length);
    }
  });
});

Deno.test("textChunks reads the file again on each iteration and drops a BOM", async () => {
  await withFile(new TextEncoder().encode("\ufeffa,b\n"), async (path) => {
    const chunks = await textChunks(path, { chunkBytes: 2 });
    assert.equal([...chunks].join(""), "a,b\n");
    assert.equal([...chunks].join(""), "a,b\n");
  });
});

Deno.test("textChunks of an empty file is one empty chunk; invalid UTF-8 becomes U+FFFD", async () => {
  await withFile(new Uint8Array(), async (path) => {
    assert.deepEqual([...await textChunks(path)], [""]);
  });
  await withFile(new Uint8Array([0x61, 0xff, 0x62]), async (path) => {
    assert.equal([...await textChunks(path)].join(""), "a\ufffdb");
  });
});

Deno.test("textChunks starts over after an iteration that stopped early", async () => {
  await withFile(new TextEncoder().encode("x".repeat(25)), async (path) => {
    const chunks = await textChunks(path, { chunkBytes: 10 });
    for (const chunk of chunks) {
      assert.equal(chunk, "x".repeat(10));
      break;
    }
    assert.deepEqual([...chunks], ["x".repeat(10), "x".repeat(10), "x".repeat(5), ""]);
  });
});

Deno.test("textChunks of a missing file rejects with NotFound", async () => {
  await assert.rejects(
    () => textChunks("/tmp/mullet_text_chunks_missing.csv"),
    Deno.errors.NotFound,
  );
});
