// data/inputs/README.md lists every committed public input with its true size and sha256, and
// nothing it lists is missing: the licence and provenance of each input stay next to it.
import assert from "node:assert/strict";
import { sha256Hex } from "../files/sha256.ts";

const INPUTS = new URL("../../data/inputs/", import.meta.url);

function filesUnder(dir: URL, prefix = ""): string[] {
  return [...Deno.readDirSync(dir)].flatMap((entry) =>
    entry.isDirectory
      ? filesUnder(new URL(`${entry.name}/`, dir), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`]
  );
}

Deno.test("data/inputs/README.md lists every input with its size, sha256 and licence", async () => {
  const readme = await Deno.readTextFile(new URL("README.md", INPUTS));
  const rows = [
    ...readme.matchAll(/^\| `([^`]+)` \| (.+?) \| (.+?) \| (\d+) \| `([0-9a-f]{64})` \|$/gm),
  ];
  const listed = rows.map((row) => row[1]!).sort();
  const present = filesUnder(INPUTS).filter((file) => file !== "README.md").sort();
  assert.deepEqual(listed, present);
  for (const [, file, origin, licence, bytes, sha256] of rows) {
    assert.ok(
      origin!.trim().length > 10 && licence!.trim().length > 4,
      `${file}: origin or licence`,
    );
    const content = await Deno.readFile(new URL(file!, INPUTS));
    assert.equal(content.length, Number(bytes), `${file}: size`);
    assert.equal(await sha256Hex(content), sha256, `${file}: sha256`);
  }
});
