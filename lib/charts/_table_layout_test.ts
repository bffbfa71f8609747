import assert from "node:assert/strict";
import { fitColumns, tableLayout } from "./_table_layout.ts";

const MONO = (s: string) => [...s].length * 6;
const OPTIONS = {
  width: 200,
  columnGap: 16,
  rowHeight: 18,
  lineHeight: 12,
  maxLines: 3,
  measure: MONO,
  measureTitle: MONO,
};

Deno.test("fitColumns: the widest column gives first; numbers keep their width", () => {
  // Two text columns want 300 and 120 px, a number column 50 px, in 300 px: the 300 px column
  // narrows to 130 px, the 120 px one keeps its width.
  assert.deepEqual(fitColumns([300, 120, 50], [40, 40, 50], 300), [130, 120, 50]);
  // Two equally wide columns share the narrowing.
  assert.deepEqual(fitColumns([200, 200], [40, 40], 300), [150, 150]);
  // Never below a minimum, even when the cap would take a column lower.
  assert.deepEqual(fitColumns([300, 300], [200, 40], 300), [200, 100]);
  assert.throws(() => fitColumns([1, 2], [1], 10), /2 natural widths but 1 minimums/);
});

Deno.test("tableLayout: a long word is split so one word cannot widen its column past 120 px", () => {
  const url = "https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/x.htm";
  const layout = tableLayout([{ title: "Source", texts: [url], wraps: true }], {
    ...OPTIONS,
    width: 100,
  });
  // The minimum is the header or the widest word up to 120 px: 120 px, wider than asked.
  assert.deepEqual(layout.widths, [120]);
  assert.equal(layout.width, 120);
  assert.equal(layout.needed, 120);
  const { lines, truncated } = layout.wrapped[0]![0]!;
  assert.equal(lines.length, 3);
  assert.ok(truncated);
  assert.ok(lines.every((line) => MONO(line) <= 120), lines.join(" | "));
});

Deno.test("tableLayout: numbers never wrap; a table that fits keeps one line a row and spreads the gaps", () => {
  const layout = tableLayout([
    { title: "Miner", texts: ["IREN"], wraps: true },
    { title: "Value", texts: ["$9.70B"], wraps: false },
  ], OPTIONS);
  assert.deepEqual(layout.widths, [30, 36]);
  assert.deepEqual(layout.lefts, [0, 200 - 36]);
  assert.deepEqual(layout.tops, [18, 36]);
  const narrow = tableLayout([
    { title: "Value", texts: ["$9.70B", "$10,000,000,000"], wraps: false },
  ], { ...OPTIONS, width: 40 });
  assert.deepEqual(narrow.wrapped[0]!.map((w) => w.lines), [["$9.70B"], ["$10,000,000,000"]]);
  assert.equal(narrow.width, MONO("$10,000,000,000"));
});
