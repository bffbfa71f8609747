/**
 * `deno task kernel`: registers the Deno kernel as "mullet (Deno)" in Jupyter's user data
 * directory (honouring `JUPYTER_DATA_DIR`), with the absolute path of the `deno` running it.
 *
 *   deno task kernel                 write <data dir>/kernels/mullet-deno/kernel.json
 *   lib/cli/kernel.ts --data-dir     print the data directory (the task scopes its write to it)
 *
 * @module
 */
import { writeFileAtomic } from "../files/write_atomic.ts";
import {
  DATA_DIR_ENV,
  jupyterDataDir,
  KERNEL_DISPLAY_NAME,
  KERNEL_NAME,
  kernelJson,
} from "../notebook/kernelspec.ts";

if (import.meta.main) {
  try {
    const env = Object.fromEntries(DATA_DIR_ENV.map((name) => [name, Deno.env.get(name)]));
    const dataDir = jupyterDataDir(env, Deno.build.os);
    if (Deno.args.includes("--data-dir")) {
      console.log(dataDir);
    } else {
      const dir = `${dataDir}/kernels/${KERNEL_NAME}`;
      await Deno.mkdir(dir, { recursive: true });
      await writeFileAtomic(`${dir}/kernel.json`, kernelJson(Deno.execPath()));
      console.log(
        `kernel: "${KERNEL_DISPLAY_NAME}" registered in ${dir} (deno: ${Deno.execPath()})`,
      );
    }
  } catch (error) {
    console.error(`kernel: ${error instanceof Error ? error.message : String(error)}`);
    Deno.exit(1);
  }
}
