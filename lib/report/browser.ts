/**
 * The one module that drives Chromium (through puppeteer-core): a browser session that prints
 * self-contained HTML to PDF. A note is printed as a document, not run as a program: page
 * JavaScript is off, every request from a page is blocked, and the browser resolves no host and
 * sends no WebRTC traffic, so nothing the interception cannot see (WebSocket, preconnect, STUN)
 * leaves it either. The browser is always closed and its temporary profile removed: in
 * `finally`, by {@linkcode closeAllBrowsers} from a signal handler, on `Deno.exit`, and, after a
 * kill, by the next run's sweep (see `browser_profile.ts`).
 *
 * @module
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { type BrowserProfile, createProfile, sweepStaleProfiles } from "./browser_profile.ts";
import { ensureChromium } from "./chromium.ts";

/** Flags for a quiet, offline, headless Chromium. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--font-render-hinting=none",
  // Every host name and address resolves to nothing: no connection, whatever asks for it.
  "--host-resolver-rules=MAP * ~NOTFOUND",
  // WebRTC may not send UDP of its own (STUN), which host resolution does not cover.
  "--force-webrtc-ip-handling-policy",
  "--webrtc-ip-handling-policy=disable_non_proxied_udp",
] as const;

/** Longest a browser gets to close before it is killed, ms. */
const CLOSE_GRACE_MS = 5_000;

/** Page size of a note. */
export type PaperFormat = "A4" | "Letter";

/** A running browser; get one with {@linkcode withBrowser}. */
export interface BrowserSession {
  /** Prints self-contained HTML to PDF bytes. */
  printPdf(html: string, options: PrintOptions): Promise<Uint8Array>;
}

/** Options for {@linkcode BrowserSession.printPdf}. */
export interface PrintOptions {
  readonly format: PaperFormat;
  /** Running header HTML (Chromium template; may use `pageNumber`, `totalPages` classes). */
  readonly headerHtml: string;
  /** Running footer HTML. */
  readonly footerHtml: string;
}

/** A browser of this process, from before its launch until its profile is gone. */
interface LiveBrowser {
  readonly profile: BrowserProfile;
  browser?: Browser;
  stopping?: Promise<void>;
}

const live = new Set<LiveBrowser>();
let exitHookInstalled = false;

/** On `Deno.exit` (a signal handler's included) nothing async runs: kill and remove now. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  globalThis.addEventListener("unload", () => {
    for (const entry of live) {
      entry.browser?.process()?.kill("SIGKILL");
      entry.profile.removeSync();
    }
    live.clear();
  });
}

async function closeOrKill(browser: Browser): Promise<void> {
  const timer = setTimeout(() => browser.process()?.kill("SIGKILL"), CLOSE_GRACE_MS);
  try {
    await browser.close().catch(() => browser.process()?.kill("SIGKILL"));
  } finally {
    clearTimeout(timer);
  }
}

function stop(entry: LiveBrowser): Promise<void> {
  entry.stopping ??= (async () => {
    try {
      if (entry.browser !== undefined) await closeOrKill(entry.browser);
    } finally {
      live.delete(entry);
      // A profile that will not go is left locked until exit, then swept by a later run.
      await entry.profile.remove().catch(() => {});
    }
  })();
  return entry.stopping;
}

/**
 * Closes every browser this process has open and removes their profiles; for a signal handler,
 * before it exits. A print under way fails.
 *
 * @example
 * ```ts
 * import { closeAllBrowsers } from "./browser.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(await closeAllBrowsers(), undefined); // nothing open: nothing to do
 * ```
 */
export async function closeAllBrowsers(): Promise<void> {
  await Promise.allSettled([...live].map(stop));
}

async function offlinePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  // Before any content: a note's cells may hold scripts, and a printed note runs none.
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url === "about:blank") request.continue();
    // A navigation away (a meta refresh) is cancelled, so the note stays the page printed.
    else if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
      request.abort("aborted");
    } else request.abort("blockedbyclient");
  });
  return page;
}

function session(browser: Browser): BrowserSession {
  return {
    async printPdf(html, options) {
      const page = await offlinePage(browser);
      try {
        // setContent writes the document over the DevTools protocol, which works with scripts off.
        await page.setContent(html, { waitUntil: "load" });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        return await page.pdf({
          format: options.format,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: options.headerHtml,
          footerTemplate: options.footerHtml,
          margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" },
        });
      } finally {
        await page.close().catch(() => {});
      }
    },
  };
}

/**
 * Runs `work` with a fresh headless Chromium, closing it and removing its temporary profile
 * whatever happens. Sweeps the profiles of earlier runs that were killed first.
 */
export async function withBrowser<T>(work: (session: BrowserSession) => Promise<T>): Promise<T> {
  const executablePath = await ensureChromium();
  await sweepStaleProfiles();
  const entry: LiveBrowser = { profile: await createProfile() };
  live.add(entry);
  installExitHook();
  try {
    const browser = await puppeteer.launch({
      executablePath,
      pipe: true,
      headless: true,
      // The program's own signal handling closes the browser (closeAllBrowsers); puppeteer's
      // would exit at once on Ctrl-C, and probes pids with Deno.kill, which needs every run
      // permission.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      userDataDir: entry.profile.userDataDir,
      env: {
        ...Deno.env.toObject(),
        ...(entry.profile.tempDir === undefined ? {} : { TMPDIR: entry.profile.tempDir }),
      },
      args: [...CHROMIUM_ARGS],
    });
    entry.browser = browser;
    if (entry.stopping !== undefined) {
      // Closed while it started (a signal): stop() found no browser to close.
      await closeOrKill(browser);
      throw new Error("Cannot print: the browser was closed while it started");
    }
    return await work(session(browser));
  } finally {
    await stop(entry);
  }
}
