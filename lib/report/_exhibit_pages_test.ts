import assert from "node:assert/strict";
import { exhibitPageProblems, exhibitTitles } from "./_exhibit_pages.ts";

const TITLES = [
  "Exhibit 1: The best split puts 70% of the site in AI",
  "Exhibit 2: At 20% AI, the lease carries the site",
];
const SOURCE = "          Source: Coin Metrics; mullet analysis. Data as of 2026-06-01.";

Deno.test("exhibitTitles reads the figures' labels, entities decoded", () => {
  const html =
    '<p>Exhibit 9: prose</p><figure class="exhibit" aria-label="Exhibit 1: The mullet&#39;s NPV &amp; more"><svg/></figure>' +
    '<figure class="exhibit" aria-label="Exhibit 2: &quot;hold all&quot;"></figure>';
  assert.deepEqual(exhibitTitles(html), [
    "Exhibit 1: The mullet's NPV & more",
    'Exhibit 2: "hold all"',
  ]);
});

Deno.test("prose that mentions an exhibit is not an exhibit title", async (t) => {
  const pages = [
    [
      "The site's value sits behind Exhibit 1: the site's split, read with the lease.",
      "Exhibit 1: The best split puts 70% of the site in AI",
      "Mean NPV over 1,000 paths",
      SOURCE,
      // A wrapped paragraph can start a line with the words too.
      "Exhibit 2: the lease, as the text explains, carries it.",
    ].join("\n"),
    ["Exhibit 2: At 20% AI, the lease carries the site", SOURCE].join("\n"),
  ];
  await t.step("the old count (every 'Exhibit N:' against source lines) saw a split", () => {
    const titles = pages[0]!.match(/Exhibit \d+:/g)?.length ?? 0;
    const sources = pages[0]!.match(/Source: .*Data as of/g)?.length ?? 0;
    assert.notEqual(titles, sources);
  });
  await t.step("by title and source line, nothing is split", () => {
    assert.deepEqual(exhibitPageProblems(pages, TITLES), []);
  });
});

Deno.test("an exhibit whose source falls on the next page is split; a missing one is named", () => {
  const pages = [
    ["Exhibit 1: The best split puts 70% of the site in AI", "  $1,000"].join("\n"),
    [SOURCE, "Exhibit 2: At 20% AI, the lease carries the site"].join("\n"),
  ];
  assert.deepEqual(exhibitPageProblems(pages, [...TITLES, "Exhibit 3: Year-one rent"]), [
    '"Exhibit 1: The best split puts 70% of the site in AI" is split across pages: its title on page 1, its source on page 2',
    '"Exhibit 2: At 20% AI, the lease carries the site" (page 2) has no source line',
    '"Exhibit 3: Year-one rent" is not printed',
  ]);
});

Deno.test("a title wrapped over two lines, and pdftotext's ligatures, still match", () => {
  const pages = [
    [
      " Exhibit 1: The best split puts 70% of the site",
      "in AI",
      SOURCE,
      "Exhibit 2: At 20% AI, the lease carries the site",
      SOURCE,
    ].join("\n"),
  ];
  assert.deepEqual(exhibitPageProblems(pages, TITLES), []);
  assert.deepEqual(
    exhibitPageProblems(["Exhibit 1: The ﬁrst\n" + SOURCE], ["Exhibit 1: The first"]),
    [],
  );
});
