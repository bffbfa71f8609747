// `deno task kernel` writes the kernelspec where Jupyter looks for it, honouring
// JUPYTER_DATA_DIR, and leaves the user's own data directory alone.
import assert from "node:assert/strict";
import { KERNEL_NAME } from "./kernelspec.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

Deno.test("deno task kernel honours JUPYTER_DATA_DIR", async () => {
  const dir = await Deno.makeTempDir({ prefix: "mullet-kernelspec-" });
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["task", "kernel"],
      cwd: ROOT,
      env: { JUPYTER_DATA_DIR: `${dir}/data`, HOME: `${dir}/home` },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const spec = JSON.parse(
      await Deno.readTextFile(`${dir}/data/kernels/${KERNEL_NAME}/kernel.json`),
    );
    assert.equal(spec.argv[0], Deno.execPath());
    assert.equal(spec.display_name, "mullet (Deno)");
    // Nothing was written where `deno jupyter --install` would have gone.
    const userDir = `${dir}/home/.local/share/jupyter`;
    assert.ok(await Deno.stat(userDir).then(() => false, () => true), `${userDir} was written`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
