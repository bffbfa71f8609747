// Shared by the report tests: running the report, and what poppler says of a printed PDF.
import assert from "node:assert/strict";
import { reportArgs } from "../cli/report_args.ts";

/** Asserts the PDF has text fonts and embeds every one of them (`pdffonts`). */
export async function assertFontsEmbedded(pdf: string): Promise<void> {
  const out = await new Deno.Command("pdffonts", { args: [pdf], stdout: "piped" }).output();
  const rows = new TextDecoder().decode(out.stdout).trim().split("\n").slice(2);
  assert.ok(rows.length > 0, `${pdf} has no text fonts`);
  for (const row of rows) {
    // Columns: name, type, encoding, emb, sub, uni, object, id; "emb" is 5th from the end.
    assert.equal(row.trim().split(/\s+/).at(-5), "yes", `font not embedded in ${pdf}: ${row}`);
  }
}

const ROOT = new URL("../../", import.meta.url).pathname;

/** Runs `deno task report` from the project root with `args`, writing to `dir`. */
export async function runReport(
  dir: string,
  args: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: reportArgs(dir, args),
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}
