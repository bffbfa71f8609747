import assert from "node:assert/strict";
import { writeFileAtomic, writeFilesAtomic } from "./write_atomic.ts";

Deno.test("writeFilesAtomic puts the old files back when one target cannot be replaced", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/a.csv`, "old a");
    await Deno.mkdir(`${dir}/b.json`); // a directory: renaming a file over it fails
    await assert.rejects(writeFilesAtomic([
      { path: `${dir}/a.csv`, data: "new a" },
      { path: `${dir}/b.json`, data: "new b" },
    ]));
    assert.equal(await Deno.readTextFile(`${dir}/a.csv`), "old a");
    const names = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
    assert.deepEqual(names, ["a.csv", "b.json"], "no temporary file is left");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("writeFileAtomic leaves no temporary file when the target directory is missing", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await assert.rejects(writeFileAtomic(`${dir}/missing/x.txt`, "x"), Deno.errors.NotFound);
    assert.deepEqual([...Deno.readDirSync(dir)], []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
