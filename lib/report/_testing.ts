// Shared by the report tests: what poppler says of a printed PDF.
import assert from "node:assert/strict";

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
