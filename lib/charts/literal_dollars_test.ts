import assert from "node:assert/strict";
import { renderMarkdown } from "../report/markdown.ts";
import { LITERAL_DOLLAR as D, literalDollars } from "./literal_dollars.ts";

Deno.test("literalDollars: amounts become literal dollars, maths stays maths", () => {
  const cases: [string, string][] = [
    [
      "Hashprice fell from $1.91k to $36.4 per PH/s per day",
      `Hashprice fell from ${D}1.91k to ${D}36.4 per PH/s per day`,
    ],
    ["A lone $ sign", `A lone ${D} sign`],
    ["Escaped \\$5 and \\$10", `Escaped ${D}5 and ${D}10`],
    ["$1.91k–$36.4", `${D}1.91k–${D}36.4`],
    ["| Price | $70,000 to $80,000 |", `| Price | ${D}70,000 to ${D}80,000 |`],
    ["where $h = R / H$ and $$\\sum_i x_i$$", "where $h = R / H$ and $$\\sum_i x_i$$"],
    ["`$PATH` and ``a ` $b``", "`$PATH` and ``a ` $b``"],
    ["```sh\necho $HOME $USER\n```\n$5", `\`\`\`sh\necho $HOME $USER\n\`\`\`\n${D}5`],
    ['<abbr title="$5">five</abbr> $5', `<abbr title="$5">five</abbr> ${D}5`],
    ["No dollars at all.", "No dollars at all."],
  ];
  for (const [markdown, expected] of cases) assert.equal(literalDollars(markdown), expected);
});

Deno.test("literalDollars: the note renderer shows the amounts as text and typesets the maths", () => {
  const html = renderMarkdown(literalDollars("From $1.91k to $36.4, where $h = R / H$."));
  const text = html.replace(/<span class="katex[\s\S]*<\/span>(?=\.)/, "MATH").replace(
    /<[^>]+>/g,
    "",
  )
    .replace(/&#36;/g, "$");
  assert.equal(text, "From $1.91k to $36.4, where MATH.\n");
  assert.match(html, /class="katex"/);
});
