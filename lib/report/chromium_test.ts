import assert from "node:assert/strict";
import { CHROMIUM_PATHS, findChromium } from "./chromium.ts";

const probe = (env: Record<string, string>, files: string[]) => ({
  env: (name: string) => env[name],
  isFile: (path: string) => files.includes(path),
});

Deno.test("PUPPETEER_EXECUTABLE_PATH wins over the usual paths", () => {
  const found = findChromium(
    probe({ PUPPETEER_EXECUTABLE_PATH: "/opt/chrome" }, ["/opt/chrome", "/usr/bin/chromium"]),
  );
  assert.equal(found, "/opt/chrome");
});

Deno.test("a PUPPETEER_EXECUTABLE_PATH that does not exist is an error with install advice", () => {
  assert.throws(
    () => findChromium(probe({ PUPPETEER_EXECUTABLE_PATH: "/nope/chrome" }, ["/usr/bin/chromium"])),
    /PUPPETEER_EXECUTABLE_PATH is \/nope\/chrome, but there is no such file\.[\s\S]*apt-get install -y chromium/,
  );
});

Deno.test("the usual paths are tried in order", () => {
  assert.equal(findChromium(probe({}, [...CHROMIUM_PATHS].reverse())), "/usr/bin/chromium");
  assert.equal(findChromium(probe({}, ["/usr/bin/chromium-browser"])), "/usr/bin/chromium-browser");
  assert.equal(findChromium(probe({ PUPPETEER_EXECUTABLE_PATH: "" }, [])), undefined);
});
