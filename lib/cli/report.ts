/**
 * `deno task report`: render the research notes to `reports/<name>.pdf` and `.html`.
 * One Chromium for the run; every file is written atomically; exit code 1 with a summary when
 * anything failed.
 *
 * @module
 */
import "./_quiet_deprecations.ts";
import { Exhibit } from "../charts/exhibit.ts";
import { loadBtcDaily } from "../data/btc_daily.ts";
import { writeFileAtomic } from "../data/write_atomic.ts";
import { type PaperFormat, withBrowser } from "../report/browser.ts";
import {
  hashpriceExhibitSpec,
  hashpriceFindings,
  hashpriceNote,
} from "../report/hashprice_note.ts";
import { footerTemplate, headerTemplate, renderNoteHtml } from "../report/note_html.ts";
import { parseArgs } from "node:util";

const USAGE = `Usage: deno task report [--out <dir>] [--paper A4|Letter]

Renders the research notes to <dir>/<name>.pdf and .html (default dir: reports).`;

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: "string" },
      paper: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const outDir = values.out ?? "reports";
  const paper = values.paper ?? "A4";
  if (paper !== "A4" && paper !== "Letter") {
    throw new TypeError(`Cannot use --paper ${paper}: expected A4 or Letter`);
  }
  await Deno.mkdir(outDir, { recursive: true });
  const started = performance.now();
  const daily = await loadBtcDaily();
  const findings = hashpriceFindings(daily);
  const text = hashpriceNote(findings);
  const exhibit = new Exhibit(hashpriceExhibitSpec(findings), {
    number: 1,
    title: text.exhibitTitle,
    subtitle: "Hashprice, USD per PH/s per day, 30-day trailing mean, since 2016",
    source: "Coin Metrics, mullet analysis",
    asOf: findings.asOf,
  });
  const note = { ...text, exhibits: [{ label: exhibit.label, svg: await exhibit.svg() }] };
  await withBrowser(async (browser) => {
    const html = renderNoteHtml(note);
    const pdf = await browser.printPdf(html, {
      format: paper as PaperFormat,
      headerHtml: headerTemplate(note),
      footerHtml: footerTemplate("mullet research · Source data: Coin Metrics (CC BY-NC 4.0)"),
    });
    await writeFileAtomic(`${outDir}/01_hashprice.html`, html);
    await writeFileAtomic(`${outDir}/01_hashprice.pdf`, pdf);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`report: wrote ${outDir}/01_hashprice.pdf and .html (${seconds} s)`);
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (error) {
    console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
    console.error("report: 1 note failed; no partial file was written");
    Deno.exit(1);
  }
}
