/**
 * Dollar amounts in computed markdown that every front end shows as text. Jupyter front ends run
 * MathJax over markdown outputs and take any two `$` in a paragraph as inline maths, so
 * "from $1.91k to $36.4" loses its amounts. `\$` is no cure: classic Notebook 6.4 hands it to
 * marked, which unescapes it before MathJax looks, and nbconvert's HTML shows the backslash when
 * MathJax is not loaded.
 *
 * The rule: maths is what the note's renderer (`lib/report/markdown.ts`, pandoc's rule) takes for
 * maths — `$$…$$`, and `$…$` whose opening `$` is followed by a non-space and whose closing `$`
 * follows a non-space and is not followed by a digit. Every other `$`, a lone one included, and
 * every `\$`, is a literal dollar and is written `<span>&#36;</span>`: no markdown renderer
 * sees a `$` there, and each dollar sits alone in its element, where MathJax (2 and 3) never
 * pairs it with another. Code spans, fenced code and HTML tags are left as they are.
 *
 * @module
 */

/** How a literal dollar is written: see the module docs. */
export const LITERAL_DOLLAR = "<span>&#36;</span>";

// The note renderer's inline maths (lib/report/markdown.ts), anchored at a `$`.
const INLINE_MATH = /^\$(?![\s$])(?:\\.|[^\\$\n])+?(?<!\s)\$(?!\d)/;
const DISPLAY_MATH = /^\$\$[\s\S]+?\$\$/;
const FENCE = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:\n {0,3}\2[`~]*[ \t]*(?=\n|$)|$)/;
const CODE_SPAN = /^(`+)[\s\S]*?[^`]\1(?!`)|^(`+)\2(?!`)/;
const HTML_TAG = /^<\/?[A-Za-z][^<>]*>|^<!--[\s\S]*?-->/;

/**
 * `markdown` with every dollar that is not maths written so that no front end typesets it.
 *
 * @example
 * ```ts
 * import { LITERAL_DOLLAR as D, literalDollars } from "./literal_dollars.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(literalDollars("from $1.91k to $36.4"), `from ${D}1.91k to ${D}36.4`);
 * assert.equal(literalDollars("Hashprice is $h = R / H$."), "Hashprice is $h = R / H$.");
 * assert.equal(literalDollars("| \\$5 | `$PATH` |"), `| ${D}5 | \`$PATH\` |`);
 * assert.equal(literalDollars("$5/$6 a day"), `${D}5/${D}6 a day`); // closing $ before a digit
 * ```
 */
export function literalDollars(markdown: string): string {
  let out = "";
  let i = 0;
  while (i < markdown.length) {
    const rest = markdown.slice(i);
    const char = markdown[i]!;
    const atLineStart = i === 0 || markdown[i - 1] === "\n";
    const verbatim = (atLineStart ? FENCE.exec(rest) : null) ??
      (char === "`" ? CODE_SPAN.exec(rest) : null) ??
      (char === "<" ? HTML_TAG.exec(rest) : null) ??
      (char === "$" ? DISPLAY_MATH.exec(rest) ?? INLINE_MATH.exec(rest) : null);
    if (verbatim !== null) {
      out += verbatim[0];
      i += verbatim[0].length;
    } else if (rest.startsWith("\\$")) {
      out += LITERAL_DOLLAR;
      i += 2;
    } else if (char === "\\") {
      out += rest.slice(0, 2);
      i += 2;
    } else if (char === "`") {
      const run = /^`+/.exec(rest)![0];
      out += run;
      i += run.length;
    } else {
      out += char === "$" ? LITERAL_DOLLAR : char;
      i += 1;
    }
  }
  return out;
}
