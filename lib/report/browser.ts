/**
 * The one module that drives Chromium (through puppeteer-core): a browser session that prints
 * self-contained HTML to PDF. Every network request
 * from a page is blocked: notes are self-contained. The browser is always closed.
 *
 * @module
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { ensureChromium } from "./chromium.ts";

/** Flags for a quiet, offline, headless Chromium (DESIGN.md decision 6). */
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
] as const;

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

async function offlinePage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url === "about:blank") request.continue();
    else request.abort("blockedbyclient");
  });
  return page;
}

/** Runs `work` with a fresh headless Chromium, closing it whatever happens. */
export async function withBrowser<T>(work: (session: BrowserSession) => Promise<T>): Promise<T> {
  const executablePath = await ensureChromium();
  const userDataDir = await Deno.makeTempDir({ prefix: "mullet-chromium-" });
  const browser = await puppeteer.launch({
    executablePath,
    pipe: true,
    headless: true,
    userDataDir,
    args: [...CHROMIUM_ARGS],
  });
  const session: BrowserSession = {
    async printPdf(html, options) {
      const page = await offlinePage(browser);
      try {
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
        await page.close();
      }
    },
  };
  try {
    return await work(session);
  } finally {
    await browser.close().catch(() => {});
    await Deno.remove(userDataDir, { recursive: true }).catch(() => {});
  }
}
