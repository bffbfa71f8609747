// Shared by the report tests: the report command line, and what poppler says of a printed PDF.
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

const ROOT = new URL("../../", import.meta.url).pathname;

/** `deno task report`'s command line, writing only to `dir` and /tmp. */
export function reportArgs(dir: string, args: readonly string[]): string[] {
  return [
    "run",
    "--allow-read",
    `--allow-write=${dir},/tmp`,
    "--allow-env",
    "--allow-run",
    "--allow-net=127.0.0.1",
    "--allow-sys",
    "--allow-ffi",
    "lib/cli/report.ts",
    "--out",
    dir,
    ...args,
  ];
}

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
