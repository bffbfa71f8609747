/**
 * Reading stated text for `miner_ai_deals.csv`: announcement dates only where the text states
 * them, and the qualifier before a stated figure.
 */
import assert from "node:assert/strict";
import { announcementDate, statedFigure } from "./_miner_ai_deals_text.ts";

Deno.test("announcementDate reads a day only when the text states one", async (t) => {
  const cases: [string, string][] = [
    ["contract entered into with CoreWeave on June 3, 2024", "2024-06-03"],
    ["Oct. 22, 2024", "2024-10-22"],
    ["Sept. 5, 2025", "2025-09-05"],
    ["3 June 2024", "2024-06-03"],
    ["announced Thursday (page URL date 2025/09/25)", "2025-09-25"], // a Thursday
    ["announced on Monday (page dated 2024-12-23)", "2024-12-23"], // a Monday
    ["announced on Tuesday (page dated 2024-12-23)", ""], // the weekday contradicts the day
    ["June 2024 operational update", "2024-06"],
    ["date 2024-11-25 (einpresswire); businesswire URL 20241118", "2024-11"], // two days
    ["June 30, 2024 or July 1, 2024", ""], // two months
    ["filed 2024-11", "2024-11"],
    ["2024-02-30", ""], // not a real day
    ["special meeting held Thursday; announced Friday (date not in excerpt)", ""],
    ["expected to close Q4 2025", ""],
    // A bracketed year is the compiler's clarification and reads as written.
    ["announced on May 6 [2026]", "2026-05-06"],
    ["In March [2025]", "2025-03"],
    ["with Q1 [2026] update (exact date not in excerpt)", ""],
    ["announced in February [2025]; site deal later (facility live by July 2025)", ""],
    ["", ""],
  ];
  for (const [text, expected] of cases) {
    await t.step(JSON.stringify(text), () => assert.equal(announcementDate(text), expected));
  }
});

Deno.test("statedFigure finds the figure and the word before it", async (t) => {
  const cases: [string, number, "MW" | "USD", string | undefined][] = [
    ["up to 16 megawatts of capacity", 16, "MW", "up to"],
    ["over 70 megawatts (MW)", 70, "MW", "at least"],
    ["roughly 200 MW of critical IT capacity", 200, "MW", "approximately"],
    ["approximately 120 incremental MW of critical IT load", 120, "MW", "approximately"],
    ["100-megawatt facility ... approximately 70 MW", 100, "MW", ""],
    ["100-megawatt facility ... approximately 70 MW", 70, "MW", "approximately"],
    ["245MW of IT capacity", 245, "MW", ""],
    ["ROFO up to 1,000MW additional", 1000, "MW", "up to"],
    ["approximately 1.3 gigawatts", 1300, "MW", "approximately"],
    ["incremental 160 MW of critical IT load", 160, "MW", ""],
    ["~$3.7 billion in contracted revenue", 3.7e9, "USD", "approximately"],
    ["approximately USD 9.7 billion", 9.7e9, "USD", "approximately"],
    ["the potential to bring in $1.225 billion", 1.225e9, "USD", ""],
    ["approximately $830 million", 830e6, "USD", "approximately"],
    ["over $100 million in revenue", 100e6, "USD", "at least"],
    ["roughly 1.2 billion dollars in revenue", 1.2e9, "USD", "approximately"],
    ["$9.8B in base-term contract value", 9.8e9, "USD", ""],
    ["a colocation lease for a 180-megawatt AI data center", 180, "MW", ""],
    ["an additional 260 MW and an exercised option for 133 MW", 133, "MW", ""],
    ["1.2 billion people", 1.2e9, "USD", undefined], // no currency
    ["$6.7 billion in contracted revenue", 6.7e9, "MW", undefined], // not a MW figure
    ["$6.7 billion in contracted revenue", 6.8e9, "USD", undefined],
  ];
  for (const [text, value, unit, expected] of cases) {
    await t.step(`${value} ${unit} in ${JSON.stringify(text)}`, () => {
      assert.equal(statedFigure(text, { value, unit }), expected);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The real input
// ---------------------------------------------------------------------------------------------
