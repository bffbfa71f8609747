/**
 * Finding a Chromium to print with, and installing Debian's when there is none and we may.
 * mullet never downloads a browser of its own.
 *
 * @module
 */

/** Where Chromium usually lives, in the order they are tried after the environment variable. */
export const CHROMIUM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
] as const;

/** Debian packages that give a Chromium and the fonts exhibits are drawn with. */
export const BROWSER_PACKAGES = [
  "chromium",
  "fonts-inter",
  "fonts-liberation",
  "fonts-dejavu-core",
];

/** How to get a browser, shown when none is found and none can be installed. */
export const INSTALL_HINT = "Install one, then run the command again:\n" +
  "  Debian/Ubuntu:  sudo apt-get install -y chromium fonts-inter   (Ubuntu: chromium-browser)\n" +
  "  or point mullet at an existing Chrome/Chromium:  export PUPPETEER_EXECUTABLE_PATH=/path/to/chrome";

/** Where the probe looks; injectable so tests need no real files. */
export interface ChromiumProbe {
  /** Environment lookup. */
  readonly env: (name: string) => string | undefined;
  /** True when `path` is an existing file. */
  readonly isFile: (path: string) => boolean;
}

/**
 * The Chromium executable to use: `PUPPETEER_EXECUTABLE_PATH` when set (it must exist), else
 * the first of {@linkcode CHROMIUM_PATHS} that exists, else `undefined`.
 *
 * @example
 * ```ts
 * import { findChromium } from "./chromium.ts";
 * import assert from "node:assert/strict";
 *
 * const probe = { env: () => undefined, isFile: (p: string) => p === "/usr/bin/google-chrome" };
 * assert.equal(findChromium(probe), "/usr/bin/google-chrome");
 * assert.equal(findChromium({ ...probe, isFile: () => false }), undefined);
 * ```
 */
export function findChromium(probe: ChromiumProbe = systemProbe()): string | undefined {
  const fromEnv = probe.env("PUPPETEER_EXECUTABLE_PATH");
  if (fromEnv !== undefined && fromEnv !== "") {
    if (!probe.isFile(fromEnv)) {
      throw new Error(
        `PUPPETEER_EXECUTABLE_PATH is ${fromEnv}, but there is no such file.\n${INSTALL_HINT}`,
      );
    }
    return fromEnv;
  }
  return CHROMIUM_PATHS.find((path) => probe.isFile(path));
}

/** The probe of this machine. */
export function systemProbe(): ChromiumProbe {
  return {
    env: (name) => Deno.env.get(name),
    isFile: (path) => {
      try {
        return Deno.statSync(path).isFile;
      } catch {
        return false;
      }
    },
  };
}

/**
 * Returns a Chromium path, installing Debian's `chromium` (and fonts) with apt-get first when
 * none is found and the process runs as root; otherwise throws with {@linkcode INSTALL_HINT}.
 */
export async function ensureChromium(log: (line: string) => void = console.error): Promise<string> {
  const found = findChromium();
  if (found !== undefined) return found;
  if (!canApt()) {
    throw new Error(`No Chromium found (looked in ${CHROMIUM_PATHS.join(", ")}).\n${INSTALL_HINT}`);
  }
  log(`No Chromium found; installing Debian packages: ${BROWSER_PACKAGES.join(" ")}`);
  await aptInstall(BROWSER_PACKAGES, log);
  const installed = findChromium();
  if (installed === undefined) {
    throw new Error(`apt-get installed chromium, but it was not found.\n${INSTALL_HINT}`);
  }
  return installed;
}

/** True when this process may install Debian packages (root, with apt-get). */
export function canApt(): boolean {
  return Deno.build.os === "linux" && Deno.uid() === 0 && systemProbe().isFile("/usr/bin/apt-get");
}

let aptUpdated = false;

/** Runs `apt-get update` (once per process) and `apt-get install -y` for `packages`. */
export async function aptInstall(
  packages: readonly string[],
  log: (line: string) => void,
): Promise<void> {
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  const run = async (args: string[]) => {
    const { code, stderr } = await new Deno.Command("apt-get", {
      args,
      env,
      stdout: "null",
      stderr: "piped",
    })
      .output();
    if (code !== 0) {
      const tail = new TextDecoder().decode(stderr).trim().split("\n").slice(-5).join("\n");
      throw new Error(`apt-get ${args.join(" ")} failed (exit ${code}):\n${tail}`);
    }
  };
  if (!aptUpdated) {
    log("apt-get update");
    await run(["update", "-qq"]);
    aptUpdated = true;
  }
  log(`apt-get install ${packages.join(" ")}`);
  await run(["install", "-y", "-qq", "--no-install-recommends", ...packages]);
}
