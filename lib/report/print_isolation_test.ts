// A note whose cells try to run code, reach the network and show a local file, against
// listeners on 127.0.0.1: printing it runs no script and makes no connection, and its HTML,
// opened in Chromium with JavaScript on as a reader would, does neither (its Content Security
// Policy and inert markup). poppler reads both PDFs.
import assert from "node:assert/strict";
import dgram from "node:dgram";
import { withBrowser } from "./browser.ts";
import { ensureChromium } from "./chromium.ts";
import { katexCss } from "./katex_css.ts";
import { notebookNote } from "./notebook_note.ts";
import { footerTemplate, headerTemplate, renderNoteHtml } from "./note_html.ts";
import { assertFontsEmbedded } from "./_testing.ts";

/** Text only a script that ran can put on the page. */
const RAN = "SCRIPT-RAN";
/** The first line of /etc/passwd on every Linux, shown only if the file is framed. */
const PASSWD = "root:x:0:";

/** Counts TCP connections (HTTP, WebSocket, preconnect) and UDP datagrams (STUN). */
async function listeners() {
  const tcp = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const seen = { tcp: 0, udp: 0, requests: [] as string[] };
  const accepting = (async () => {
    for await (const conn of tcp) {
      seen.tcp++;
      const buffer = new Uint8Array(1024);
      conn.read(buffer).then((n) => {
        seen.requests.push(new TextDecoder().decode(buffer.subarray(0, n ?? 0)).split("\r\n")[0]!);
      }).catch(() => {}).finally(() => conn.close());
    }
  })();
  const udp = dgram.createSocket("udp4");
  udp.on("message", () => seen.udp++);
  await new Promise<void>((resolve) => udp.bind(0, "127.0.0.1", resolve));
  return {
    seen,
    tcpPort: (tcp.addr as Deno.NetAddr).port,
    udpPort: udp.address().port,
    async close() {
      tcp.close();
      await accepting;
      await new Promise<void>((resolve) => udp.close(() => resolve()));
    },
  };
}

/** The hostile note: each way a cell could run code or fetch, in markdown and in an output. */
function hostileHtml(tcpPort: number, udpPort: number, css: string) {
  const http = `http://127.0.0.1:${tcpPort}`;
  const markdown = [
    "## Cells that try to escape",
    `<script>document.title = "${RAN}"; document.body.append("${RAN} in markdown")</script>`,
    `<img alt="" src="${http}/markdown.png">`,
    `<iframe src="file:///etc/passwd" width="600" height="300"></iframe>`,
    `<link rel="preconnect" href="${http}/">`,
    `<meta http-equiv="refresh" content="0;url=${http}/refresh">`,
    "The hashprice formula $h = R / H$ still prints.",
  ].join("\n\n");
  const output = `<script>
document.body.append("${RAN} in an output");
new WebSocket("ws://127.0.0.1:${tcpPort}/socket");
const peer = new RTCPeerConnection({ iceServers: [{ urls: "stun:127.0.0.1:${udpPort}" }] });
peer.createDataChannel("leak");
peer.createOffer().then((offer) => peer.setLocalDescription(offer));
</script>
<img alt="" src="x" onerror="document.body.append('${RAN} in a handler')">
<iframe srcdoc="<meta http-equiv=refresh content='0;url=${http}/srcdoc'>"></iframe>
<p>Output text prints.</p>`;
  const note = notebookNote({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      {
        cell_type: "raw",
        metadata: {},
        source: "---\ntitle: Isolation fixture\ntakeaways: [Nothing in a cell runs]\n---",
      },
      { cell_type: "markdown", metadata: {}, source: markdown },
      {
        cell_type: "code",
        metadata: {},
        source: "display(html)",
        execution_count: 1,
        outputs: [{ output_type: "display_data", data: { "text/html": output }, metadata: {} }],
      },
    ],
  }, { file: "isolation.ipynb", date: "2026-06-01" });
  return {
    note,
    html: renderNoteHtml({ note, appendixHtml: "", disclosure: "D", extraCss: css }),
    // The same cells with no policy and nothing made inert: the printer alone must hold.
    bare: `<!doctype html><html><head><title>Bare</title></head><body>` +
      `${note.bodyHtml}</body></html>`,
  };
}

async function pdfText(pdf: string): Promise<string> {
  const out = await new Deno.Command("pdftotext", { args: ["-layout", pdf, "-"], stdout: "piped" })
    .output();
  assert.equal(out.code, 0, `pdftotext ${pdf}`);
  return new TextDecoder().decode(out.stdout);
}

/** Lets pending accepts and datagrams land before the counts are read. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

Deno.test("a note's cells run nothing and fetch nothing, printed or opened", async (t) => {
  const net = await listeners();
  const dir = await Deno.makeTempDir({ prefix: "mullet-isolation-" });
  try {
    // The listeners count: a connection and a datagram from here are seen.
    (await Deno.connect({ hostname: "127.0.0.1", port: net.tcpPort })).close();
    await new Promise((resolve) => {
      const probe = dgram.createSocket("udp4");
      probe.bind(
        0,
        "127.0.0.1",
        () =>
          probe.send(
            "check",
            net.udpPort,
            "127.0.0.1",
            () => probe.close(() => resolve(undefined)),
          ),
      );
    });
    await settle();
    assert.deepEqual([net.seen.tcp, net.seen.udp], [1, 1], "the listeners see traffic");
    net.seen.tcp = 0;
    net.seen.udp = 0;
    net.seen.requests.length = 0;

    const { note, html, bare } = hostileHtml(net.tcpPort, net.udpPort, await katexCss());

    await t.step("the PDF: no script ran, no connection, no file shown", async () => {
      const options = {
        format: "A4",
        headerHtml: headerTemplate(note),
        footerHtml: footerTemplate("D"),
      } as const;
      const [pdf, barePdf] = await withBrowser(async (browser) => [
        await browser.printPdf(html, options),
        await browser.printPdf(bare, options),
      ]);
      await Deno.writeFile(`${dir}/isolation.pdf`, pdf!);
      await Deno.writeFile(`${dir}/bare.pdf`, barePdf!);
      await settle();
      const text = await pdfText(`${dir}/isolation.pdf`);
      const bareText = await pdfText(`${dir}/bare.pdf`);
      assert.doesNotMatch(text + bareText, new RegExp(RAN));
      assert.doesNotMatch(text + bareText, new RegExp(PASSWD));
      assert.deepEqual(net.seen, { tcp: 0, udp: 0, requests: [] });
      assert.match(bareText, /Output text prints\./, "the bare page printed, not an error page");
      // The note itself still prints: text, math in KaTeX's embedded fonts, the output.
      assert.match(text, /Cells that try to escape/);
      assert.match(text, /Output text prints\./);
      await assertFontsEmbedded(`${dir}/isolation.pdf`);
      const fonts = await new Deno.Command("pdffonts", { args: [`${dir}/isolation.pdf`] })
        .output();
      assert.match(new TextDecoder().decode(fonts.stdout), /KaTeX_Math/);
    });

    await t.step("the HTML in Chromium with JavaScript on: blocked by its policy", async () => {
      await Deno.mkdir(`${dir}/reports`);
      await Deno.writeTextFile(`${dir}/reports/isolation.html`, html);
      const chromium = await ensureChromium();
      const out = await new Deno.Command(chromium, {
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          `--user-data-dir=${dir}/profile`,
          "--enable-logging=stderr",
          "--no-pdf-header-footer",
          `--print-to-pdf=${dir}/opened.pdf`,
          `file://${dir}/reports/isolation.html`,
        ],
        env: { TMPDIR: dir },
        stdout: "null",
        stderr: "piped",
      }).output();
      assert.equal(out.code, 0, "Chromium printed the opened note");
      await settle();
      const text = await pdfText(`${dir}/opened.pdf`);
      assert.doesNotMatch(text, new RegExp(RAN));
      assert.doesNotMatch(text, new RegExp(PASSWD));
      assert.deepEqual(net.seen, { tcp: 0, udp: 0, requests: [] });
      assert.match(text, /Output text prints\./);
      // The policy is what stopped them: Chromium reports each refusal.
      const log = new TextDecoder().decode(out.stderr);
      assert.match(log, /inline script violates the following Content Security Policy/);
      assert.match(log, /markdown\.png' violates the following Content Security Policy/);
    });
  } finally {
    await net.close();
    await Deno.remove(dir, { recursive: true });
  }
});
