import assert from "node:assert/strict";
import { exportText, recordsFromExport } from "./coinmetrics.ts";
import { CsvError } from "../data/csv.ts";

const HEADER = "time,BlkCnt,HashRate,IssTotNtv,FeeTotNtv,PriceUSD";
const ROW = "2024-04-20,130,5.6e8,406.25,1206.5,64907.99";

function assertCsvError(fn: () => unknown, message: string): void {
  assert.throws(fn, (e) => e instanceof CsvError && e.message === message);
}

Deno.test("exportText names where a file stops being UTF-8 text", async (t) => {
  await t.step("a Latin-1 byte on line 3", () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${HEADER}\n${ROW}\n2024-04-21,caf`),
      0xe9,
      0x0a,
    ]);
    const offset = bytes.length - 2;
    assertCsvError(
      () => exportText(bytes, "btc.csv"),
      `btc.csv:3: not a text file: byte 0xe9 at offset ${offset} is not UTF-8`,
    );
  });
  await t.step("a NUL byte, and a zip archive", () => {
    assertCsvError(
      () => exportText(new Uint8Array([0x50, 0x4b, 3, 4, 0x0a, 0]), "btc.xlsx"),
      "btc.xlsx:2: not a text file: byte 0x00 at offset 5 is NUL (a zip archive or " +
        "spreadsheet: export it as CSV)",
    );
  });
  await t.step("a file ending inside a UTF-8 character", () => {
    assertCsvError(
      () => exportText(new Uint8Array([0x61, 0xe2, 0x82]), "btc.csv"),
      "btc.csv:1: not a text file: it ends inside a UTF-8 character",
    );
  });
  await t.step("multi-byte UTF-8 and a BOM are text", () => {
    assert.equal(exportText(new TextEncoder().encode("\ufeffé€𝄞\n"), "btc.csv"), "é€𝄞\n");
  });
});

Deno.test("recordsFromExport: header problems are named at line 1", async (t) => {
  await t.step("CR line endings: the header is the first line", () => {
    const records = recordsFromExport(`${HEADER}\r${ROW}\r`, "btc.csv");
    assert.equal(records[0]!.cells.PriceUSD, "64907.99");
  });
  await t.step("a semicolon-separated export", () => {
    assertCsvError(
      () => recordsFromExport(`${HEADER}\n${ROW}\n`.replaceAll(",", ";"), "btc.csv"),
      'btc.csv:1: the header is separated by ";", not ",": found "time;BlkCnt;HashRate;' +
        'IssTotNtv;FeeTotNtv…"; Coin Metrics exports separate fields with commas ' +
        "(export again, or replace the separator)",
    );
  });
  await t.step("a renamed column is suggested; an unrelated one is not", () => {
    assertCsvError(
      () => recordsFromExport(`${HEADER.replace("FeeTotNtv", "feetotntv")}\n${ROW}\n`, "b.csv"),
      'b.csv:1: column "FeeTotNtv": missing from the header (is "feetotntv" it, renamed?)',
    );
    assertCsvError(
      () => recordsFromExport(`${HEADER.replace("FeeTotNtv", "Fees")}\n${ROW}\n`, "b.csv"),
      'b.csv:1: column "FeeTotNtv": missing from the header',
    );
  });
  await t.step("blank native cells stay absent, and the layout says which columns count", () => {
    const [record] = recordsFromExport(`${HEADER}\n2024-04-20,,5.6e8,,1206.5,64907.99\n`, "b.csv");
    assert.deepEqual(record!.cells, {
      HashRate: "5.6e8",
      FeeTotNtv: "1206.5",
      PriceUSD: "64907.99",
    });
    assert.equal(record!.layout, "native");
  });
});
