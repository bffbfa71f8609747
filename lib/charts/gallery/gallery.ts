/**
 * `deno task gallery`: every exhibit builder drawn with real data, as one HTML page and one PDF
 * in `reports/` for review. The page embeds the same SVG the notebooks show.
 *
 * @module
 */
import "../../cli/_quiet_deprecations.ts";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../../files/write_atomic.ts";
import { withBrowser } from "../../report/browser.ts";
import { contentSecurityPolicyMeta } from "../../report/content_policy.ts";
import { galleryExhibits } from "./exhibits.ts";
import { escapeHtml, footerTemplate } from "../../report/note_html.ts";
import { HOUSE_FONT } from "../theme.ts";

/** The gallery page: one figure per exhibit, each kept whole on a page. */
export function galleryHtml(figures: readonly { label: string; svg: string }[]): string {
  const body = figures.map((f) => `<figure aria-label="${escapeHtml(f.label)}">${f.svg}</figure>`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${contentSecurityPolicyMeta()}
<title>mullet exhibit gallery</title>
<style>body{font-family:"${HOUSE_FONT}",sans-serif;margin:0;color:#1d2430}
h1{font-size:16pt;color:#0B2545;margin:0 0 8pt}p{font-size:9pt;color:#5C6370;margin:0 0 12pt}
figure{margin:0 0 18pt;break-inside:avoid}figure svg{max-width:100%;height:auto;display:block}</style></head>
<body><h1>mullet exhibit gallery</h1><p>Every chart builder, drawn with the data in data/.</p>
${body}
</body></html>
`;
}

async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { out: { type: "string" } } });
  const outDir = values.out ?? "reports";
  await Deno.mkdir(outDir, { recursive: true });
  const started = performance.now();
  const exhibits = await galleryExhibits();
  const figures = [];
  for (const exhibit of exhibits) figures.push({ label: exhibit.label, svg: await exhibit.svg() });
  const html = galleryHtml(figures);
  const pdf = await withBrowser((browser) =>
    browser.printPdf(html, {
      format: "A4",
      headerHtml: "<span></span>",
      footerHtml: footerTemplate("mullet exhibit gallery"),
    })
  );
  await writeFileAtomic(`${outDir}/gallery.html`, html);
  await writeFileAtomic(`${outDir}/gallery.pdf`, pdf);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `gallery: ${exhibits.length} exhibits → ${outDir}/gallery.pdf and .html (${seconds} s)`,
  );
}

if (import.meta.main) {
  try {
    await main(Deno.args);
  } catch (error) {
    console.error(
      `gallery: ${error instanceof Error ? error.stack ?? error.message : String(error)}`,
    );
    console.error("gallery: nothing was written");
    Deno.exit(1);
  }
}
