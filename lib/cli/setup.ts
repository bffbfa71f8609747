/**
 * `deno task setup`: make sure this machine has what `report` and `test` need: a Chromium,
 * the house fonts, `setpriv` (util-linux: kernels die with the run) and `ps` (procps: a run
 * notices that the command that started it has ended, and tells leftovers of killed runs from
 * work in progress), and for the tests the PDF tools (poppler-utils) and standard Jupyter
 * (nbconvert, nbclient, the classic Notebook). As root with apt-get it
 * installs Debian's packages; otherwise it says exactly what to install.
 *
 * @module
 */
import { aptInstall, canApt, ensureChromium, systemProbe } from "../report/chromium.ts";

/** A system tool the tests need, and the Debian package that provides it. */
const TEST_TOOLS = [
  { path: "/usr/bin/pdftotext", pkg: "poppler-utils" },
  { path: "/usr/bin/pdffonts", pkg: "poppler-utils" },
  { path: "/usr/bin/pdftoppm", pkg: "poppler-utils" },
  // Standard Jupyter, the reference client our notebooks must also pass.
  { path: "/usr/bin/jupyter-nbconvert", pkg: "jupyter-nbconvert" },
  { path: "/usr/lib/python3/dist-packages/nbclient/__init__.py", pkg: "python3-nbclient" },
  // The classic Jupyter front end, driven in Chromium by the browser test.
  { path: "/usr/bin/jupyter-notebook", pkg: "jupyter-notebook" },
] as const;

const FONT_FILE = "/usr/share/fonts/opentype/inter/Inter-Regular.otf";

/** Linux tools a report run starts, each at any of its usual paths, and their package. */
const RUN_TOOLS = [
  { paths: ["/usr/bin/setpriv", "/bin/setpriv"], pkg: "util-linux" },
  { paths: ["/usr/bin/ps", "/bin/ps"], pkg: "procps" },
] as const;

async function main(args: string[]): Promise<void> {
  const forTests = args.includes("--tests");
  const log = (line: string) => console.error(`setup: ${line}`);
  await ensureChromium(log);
  const probe = systemProbe();
  const missing = new Set<string>();
  if (!probe.isFile(FONT_FILE)) missing.add("fonts-inter");
  if (Deno.build.os === "linux") {
    for (const tool of RUN_TOOLS) {
      if (!tool.paths.some((path) => probe.isFile(path))) missing.add(tool.pkg);
    }
  }
  if (forTests) {
    for (const tool of TEST_TOOLS) {
      if (!probe.isFile(tool.path)) missing.add(tool.pkg);
    }
  }
  if (missing.size === 0) return;
  if (!canApt()) {
    throw new Error(
      `missing ${[...missing].join(", ")}. Install with: sudo apt-get install -y ${
        [...missing].join(" ")
      }`,
    );
  }
  await aptInstall([...missing], log);
}

if (import.meta.main) {
  try {
    await main(Deno.args);
  } catch (error) {
    console.error(`setup: ${error instanceof Error ? error.message : String(error)}`);
    Deno.exit(1);
  }
}
