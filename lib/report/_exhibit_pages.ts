// Shared by the report tests: whether a printed note keeps each exhibit on one page. An exhibit
// is found by its title as the note lays it out — a line that starts "Exhibit N:" and reads as
// the start of one of the note's exhibit titles (from its HTML) — and paired with the source
// line below it. Prose that mentions "Exhibit 1: …" is neither.

/** The exhibit titles of a note's HTML (`<figure class="exhibit" aria-label="Exhibit N: …">`). */
export function exhibitTitles(html: string): string[] {
  return [...html.matchAll(/<figure class="exhibit" aria-label="([^"]*)"/g)].map((m) =>
    decodeEntities(m[1]!)
  );
}

/**
 * The problems in `pages` (a PDF's text, one string a page, from `pdftotext -layout`): an exhibit
 * whose title and source line fall on different pages, a title without a source line, an
 * exhibit of `titles` that is not printed.
 */
export function exhibitPageProblems(pages: readonly string[], titles: readonly string[]): string[] {
  const problems: string[] = [];
  const printed = new Set<string>();
  let open: { title: string; page: number } | undefined;
  for (const [p, page] of pages.entries()) {
    for (const line of page.split("\n")) {
      const title = titleOf(line, titles);
      if (title !== undefined) {
        if (open !== undefined) {
          problems.push(`"${open.title}" (page ${open.page + 1}) has no source line`);
        }
        open = { title, page: p };
        printed.add(title);
      } else if (/^\s*Source: .*Data as of/.test(line) && open !== undefined) {
        if (open.page !== p) {
          problems.push(
            `"${open.title}" is split across pages: its title on page ${
              open.page + 1
            }, its source on page ${p + 1}`,
          );
        }
        open = undefined;
      }
    }
  }
  if (open !== undefined) {
    problems.push(`"${open.title}" (page ${open.page + 1}) has no source line`);
  }
  for (const title of titles) {
    if (!printed.has(title)) problems.push(`"${title}" is not printed`);
  }
  return problems;
}

/** The title in `titles` that `line` starts, if it is an exhibit title line. */
function titleOf(line: string, titles: readonly string[]): string | undefined {
  const text = line.trim();
  const number = /^Exhibit (\d+):/.exec(text)?.[1];
  if (number === undefined) return undefined;
  const start = comparable(text);
  return titles.find((title) =>
    title.startsWith(`Exhibit ${number}:`) && comparable(title).startsWith(start)
  );
}

/** Letters and digits only, lower case, ligatures split: pdftotext and HTML differ in the rest. */
function comparable(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (_, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower]!;
  });
}
