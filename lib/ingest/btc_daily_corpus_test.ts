/**
 * The malformed-input corpus: the committed Coin Metrics export (and its API extension) with one
 * defect each, placed on a line in the middle and on one near the end, built through
 * `buildBtcDaily` (what `deno task data --from` runs) into a copy of `data/`. Every variant must
 * be rejected with the file, line, column and value of its defect and leave the copy
 * byte-identical; the valid variants (other line endings, quoting, column order, a partial
 * extension) must build the same `btc_daily.csv` as the plain export. Variants are made in
 * memory from one read of each input and written to a temp dir.
 */
import assert from "node:assert/strict";
import { DEFAULT_BTC_INPUTS } from "../cli/data.ts";
import { buildBtcDaily, type InputSource } from "./btc_daily_ingest.ts";
import { CsvError } from "../data/csv.ts";
import { sha256Hex } from "../files/sha256.ts";
import { fileExists, quiet, withTempDir } from "./_testing.ts";

const ROOT = new URL("../../", import.meta.url);
const [EXPORT, EXTENSION] = DEFAULT_BTC_INPUTS.map((input) =>
  new URL(input.location, ROOT).pathname
) as [string, string];
const DATA = new URL("data/", ROOT).pathname;

/** A CSV file held as lines (without their newlines), so a variant changes only what it must. */
class Lines {
  readonly header: string[];
  constructor(readonly lines: readonly string[]) {
    this.header = lines[0]!.split(",");
  }
  static of(text: string): Lines {
    return new Lines(text.replace(/\n$/, "").split("\n"));
  }
  column(name: string): number {
    const index = this.header.indexOf(name);
    assert.ok(index >= 0, `no column ${name}`);
    return index;
  }
  /** The cell of `column` on 1-based `line`. */
  cell(line: number, column: string): string {
    return this.lines[line - 1]!.split(",")[this.column(column)]!;
  }
  /** A copy with `change` applied to the cells of `columns` on the lines `which` picks. */
  withCells(
    which: (line: number) => boolean,
    columns: readonly string[],
    change: (cell: string) => string,
  ): Lines {
    const indexes = columns.map((c) => this.column(c));
    return new Lines(this.lines.map((text, i) => {
      if (i === 0 || !which(i + 1)) return text;
      const cells = text.split(",");
      for (const c of indexes) cells[c] = change(cells[c]!);
      return cells.join(",");
    }));
  }
  /** A copy whose every line is `change(cells)` joined again. */
  mapRows(change: (cells: string[]) => string[]): Lines {
    return new Lines(this.lines.map((text) => change(text.split(",")).join(",")));
  }
  text(eol = "\n"): string {
    return this.lines.join(eol) + eol;
  }
}

const times = (factor: number) => (cell: string) => String(Number(cell) * factor);

/** What a rejection must say: where, which column, and text its message must contain. */
interface Expected {
  readonly line: number;
  readonly column: string | undefined;
  readonly says: readonly (string | RegExp)[];
}

interface RejectedCase {
  readonly name: string;
  /** The inputs' texts (or bytes) for a defect placed on `line` of the input it corrupts. */
  readonly inputs: (line: number) => (string | Uint8Array)[];
  readonly expected: (line: number) => Expected;
  /** Lines to place the defect on; default the middle and the end of the export. */
  readonly lines?: readonly number[];
}

/** Each file in `dir` by name, with its sha256: a mismatch then prints a short diff. */
async function dirState(dir: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  const names = await Array.fromAsync(Deno.readDir(dir), (e) => e.name);
  for (const name of names.sort()) {
    state[name] = await sha256Hex(await Deno.readFile(`${dir}/${name}`));
  }
  return state;
}

/** A fresh temp dir holding a copy of the files directly in `data/`. */
async function copyOfData(dir: string): Promise<string> {
  await Deno.mkdir(dir);
  for await (const entry of Deno.readDir(DATA)) {
    if (entry.isFile) await Deno.copyFile(`${DATA}${entry.name}`, `${dir}/${entry.name}`);
  }
  return dir;
}

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

Deno.test({
  name: "the malformed-input corpus from the Coin Metrics export",
  ignore: !fileExists(EXPORT) || !fileExists(EXTENSION),
  async fn(t) {
    const plain = Lines.of(await Deno.readTextFile(EXPORT));
    const ext = Lines.of(await Deno.readTextFile(EXTENSION));
    const last = plain.lines.length; // the reference-rate-only day, skipped by design
    const MIDDLE = Math.floor(last / 2);
    const END = last - 10;
    const EXT_LINES = [Math.floor(ext.lines.length / 2), ext.lines.length - 10];

    await withTempDir("mullet_btc_corpus_", async (dir) => {
      const outDir = await copyOfData(`${dir}/out`);
      const pristine = await dirState(outDir);
      const restore = async (out: string) => {
        if (JSON.stringify(await dirState(out)) === JSON.stringify(pristine)) return;
        await Deno.remove(out, { recursive: true });
        await copyOfData(out);
      };
      let written = 0;
      const write = async (content: string | Uint8Array): Promise<string> => {
        const path = `${dir}/input_${written++}.csv`;
        if (typeof content === "string") await Deno.writeTextFile(path, content);
        else await Deno.writeFile(path, content);
        return path;
      };
      const build = (paths: readonly string[], out: string) =>
        buildBtcDaily(paths.map((location): InputSource => ({ location })), {
          outDir: out,
          log: quiet,
        });

      const cell = (line: number, column: string) => plain.cell(line, column);
      const oneDay = (line: number, columns: string[], change: (c: string) => string) =>
        plain.withCells((l) => l === line, columns, change).text();
      const cases: RejectedCase[] = [
        {
          name: "fees in satoshis from one day on (FeeTotNtv × 1e8)",
          inputs: (line) => [plain.withCells((l) => l >= line, ["FeeTotNtv"], times(1e8)).text()],
          expected: (line) => ({
            line,
            column: "FeeTotNtv",
            says: [`${times(1e8)(cell(line, "FeeTotNtv"))} BTC of fees`, "in satoshis"],
          }),
        },
        {
          name: "one day's fees × 1000",
          inputs: (line) => [oneDay(line, ["FeeTotNtv"], times(1000))],
          expected: (line) => ({
            line,
            column: "FeeTotNtv",
            says: [
              `${times(1000)(cell(line, "FeeTotNtv"))} BTC of fees`,
              "check the unit or a typo",
            ],
          }),
        },
        {
          name: "one day's hashrate × 5",
          inputs: (line) => [oneDay(line, ["HashRate"], times(5))],
          expected: (line) => ({
            line,
            column: "HashRate",
            says: [`${times(5)(cell(line, "HashRate"))} TH/s`, "imply a difficulty of"],
          }),
        },
        {
          name: "one day's price × 9",
          inputs: (line) => [oneDay(line, ["PriceUSD"], times(9))],
          expected: (line) => ({
            line,
            column: "PriceUSD",
            says: [`: ${times(9)(cell(line, "PriceUSD"))} is `, "× above the median"],
          }),
        },
        {
          name: "a blank BlkCnt cell",
          inputs: (line) => [oneDay(line, ["BlkCnt"], () => "")],
          expected: (line) => ({
            line,
            column: "BlkCnt",
            says: ["expected a whole number, found an empty cell"],
          }),
        },
        {
          name: "a blank IssTotNtv cell",
          inputs: (line) => [oneDay(line, ["IssTotNtv"], () => "")],
          expected: (line) => ({
            line,
            column: "IssTotNtv",
            says: ["expected a number, found an empty cell"],
          }),
        },
        {
          name: "blank BlkCnt and IssTotNtv cells",
          inputs: (line) => [oneDay(line, ["BlkCnt", "IssTotNtv"], () => "")],
          expected: (line) => ({ line, column: "BlkCnt", says: ["found an empty cell"] }),
        },
        {
          name: "one day's blocks and issuance both doubled",
          inputs: (line) => [oneDay(line, ["BlkCnt", "IssTotNtv"], times(2))],
          expected: (line) => ({
            line,
            column: "BlkCnt",
            says: [`: ${2 * Number(cell(line, "BlkCnt"))} blocks at`, "imply a difficulty of"],
          }),
        },
        {
          name: "a gap (a day's line deleted)",
          inputs: (line) => [new Lines(plain.lines.toSpliced(line - 1, 1)).text()],
          expected: (line) => ({
            line,
            column: "time",
            says: [`${cell(line + 1, "time")} leaves a gap: expected ${cell(line, "time")}`],
          }),
        },
        {
          name: "a duplicate date (a day's line repeated)",
          inputs: (line) => [
            new Lines(plain.lines.toSpliced(line, 0, plain.lines[line - 1]!)).text(),
          ],
          expected: (line) => ({
            line: line + 1,
            column: "time",
            says: [`${cell(line, "time")} repeats the previous date`],
          }),
        },
        {
          name: "dates out of order (two lines swapped)",
          inputs: (line) => [
            new Lines(
              plain.lines.toSpliced(line - 1, 2, plain.lines[line]!, plain.lines[line - 1]!),
            ).text(),
          ],
          expected: (line) => ({
            line,
            column: "time",
            says: [`${cell(line + 1, "time")} is out of order: expected ${cell(line, "time")}`],
          }),
        },
        {
          name: "NaN",
          inputs: (line) => [oneDay(line, ["HashRate"], () => "NaN")],
          expected: (line) => ({
            line,
            column: "HashRate",
            says: ['expected a finite number, found "NaN"'],
          }),
        },
        {
          name: "Inf",
          inputs: (line) => [oneDay(line, ["FeeTotNtv"], () => "Inf")],
          expected: (line) => ({
            line,
            column: "FeeTotNtv",
            says: ['expected a finite number, found "Inf"'],
          }),
        },
        {
          name: "a non-numeric cell",
          inputs: (line) => [oneDay(line, ["PriceUSD"], () => "n/a")],
          expected: (line) => ({
            line,
            column: "PriceUSD",
            says: ['expected a number, found "n/a"'],
          }),
        },
        {
          name: "a truncated last line (the file cut mid-row)",
          inputs: (line) => {
            const cut = plain.lines[line - 1]!.slice(0, 60);
            return [plain.lines.slice(0, line - 1).join("\n") + "\n" + cut];
          },
          expected: (line) => {
            const cut = plain.lines[line - 1]!.slice(0, 60).split(",");
            return {
              line,
              column: plain.header[cut.length - 1],
              says: [`found ${cut.length}, the last "${cut.at(-1)}"`, "cut off mid-row"],
            };
          },
        },
        {
          name: "an unterminated quote",
          inputs: (line) => [oneDay(line, ["PriceUSD"], (c) => `"${c}`)],
          expected: (line) => ({
            line,
            column: "PriceUSD",
            says: ["Quoted field unterminated", `"${cell(line, "PriceUSD").slice(0, 12)}`],
          }),
        },
        {
          name: "a renamed column (PriceUSD → Price USD)",
          lines: [1],
          inputs: () => [plain.text().replace(",PriceUSD,", ",Price USD,")],
          expected: () => ({
            line: 1,
            column: "PriceUSD",
            says: ['missing from the header (is "Price USD" it, renamed?)'],
          }),
        },
        {
          name: "a dropped column (HashRate)",
          lines: [1],
          inputs: () => [
            plain.mapRows((cells) => cells.toSpliced(plain.column("HashRate"), 1)).text(),
          ],
          expected: () => ({ line: 1, column: "HashRate", says: ["missing from the header"] }),
        },
        {
          name: "the native-issuance columns dropped (BlkCnt, IssTotNtv)",
          lines: [1],
          inputs: () => [
            plain.mapRows((cells) =>
              cells.filter((_, i) =>
                i !== plain.column("BlkCnt") && i !== plain.column("IssTotNtv")
              )
            ).text(),
          ],
          expected: () => ({
            line: 1,
            column: "BlkCnt",
            says: ['neither "BlkCnt" nor "IssTotNtv"'],
          }),
        },
        {
          name: "a semicolon-separated export",
          lines: [1],
          inputs: () => [plain.text().replaceAll(",", ";")],
          expected: () => ({
            line: 1,
            column: undefined,
            says: ['separated by ";", not ","', '"time;AdrActCnt;'],
          }),
        },
        {
          name: "a 0-byte file",
          lines: [0],
          inputs: () => [""],
          expected: () => ({ line: 0, column: undefined, says: ["the file is empty"] }),
        },
        {
          name: "a binary file (the export gzipped)",
          lines: [1],
          inputs: () => [gzipped],
          expected: () => ({ line: 1, column: undefined, says: ["not a text file", "gzip"] }),
        },
        {
          name: "an extension whose price is × 1000",
          lines: EXT_LINES,
          inputs: (line) => [
            plain.text(),
            ext.withCells((l) => l === line, ["PriceUSD"], times(1000)).text(),
          ],
          expected: (line) => ({
            line,
            column: "PriceUSD",
            says: [`: ${times(1000)(ext.cell(line, "PriceUSD"))} is `, "× above the median"],
          }),
        },
      ];
      const gzipped = await gzip(plain.text());

      for (const c of cases) {
        for (const line of c.lines ?? [MIDDLE, END]) {
          await t.step(`${c.name}, line ${line}`, async () => {
            const paths: string[] = [];
            for (const input of c.inputs(line)) paths.push(await write(input));
            const culprit = paths.at(-1)!;
            const expected = c.expected(line);
            // A case that is wrongly accepted writes the out dir: the next cases start afresh.
            try {
              await assert.rejects(() => build(paths, outDir), (e) => {
                assert.ok(e instanceof CsvError, `expected a CsvError, got ${e}`);
                assert.equal(e.file, culprit, e.message);
                assert.equal(e.line, expected.line, e.message);
                assert.equal(e.column, expected.column, e.message);
                for (const text of expected.says) {
                  if (typeof text === "string") assert.ok(e.message.includes(text), e.message);
                  else assert.match(e.message, text);
                }
                return true;
              });
              assert.deepEqual(await dirState(outDir), pristine);
            } finally {
              await restore(outDir);
            }
          });
        }
      }

      const reference = `${dir}/reference`;
      await Deno.mkdir(reference);
      await build([await write(plain.text())], reference);
      const expectedCsv = await Deno.readFile(`${reference}/btc_daily.csv`);
      const shuffled = plain.header.map((_, i) => i).reverse();
      const valid: { name: string; inputs: () => (string | Uint8Array)[] }[] = [
        {
          name: "a UTF-8 BOM and CRLF line endings",
          inputs: () => ["\ufeff" + plain.text("\r\n")],
        },
        { name: "CR line endings", inputs: () => [plain.text("\r")] },
        {
          name: "every cell quoted",
          inputs: () => [plain.mapRows((cells) => cells.map((c) => `"${c}"`)).text()],
        },
        {
          name: "an extra column",
          inputs: () => [
            plain.mapRows((cells) => [...cells, cells[0] === "time" ? "Extra" : "1"]).text(),
          ],
        },
        {
          name: "the columns shuffled",
          inputs: () => [plain.mapRows((cells) => shuffled.map((i) => cells[i]!)).text()],
        },
        {
          name: "a full export extended by a newer partial one",
          inputs: () => [
            new Lines(plain.lines.slice(0, MIDDLE)).text(),
            new Lines([plain.lines[0]!, ...plain.lines.slice(MIDDLE - 30)]).text(),
          ],
        },
      ];
      for (const v of valid) {
        await t.step(`accepted: ${v.name}`, async () => {
          const out = `${dir}/valid_${written}`;
          await Deno.mkdir(out);
          const paths: string[] = [];
          for (const input of v.inputs()) paths.push(await write(input));
          await build(paths, out);
          assert.deepEqual(await Deno.readFile(`${out}/btc_daily.csv`), expectedCsv);
        });
      }
      assert.deepEqual(await dirState(outDir), pristine);
    });
  },
});
