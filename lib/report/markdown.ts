/**
 * Markdown as a note prints it: GitHub-flavoured markdown (tables included) with TeX math,
 * `$…$` inline and `$$…$$` on their own lines, typeset by KaTeX at render time, so the note
 * needs no script and no network. The inline rule is pandoc's: the opening `$` is followed by
 * a non-space, the closing one preceded by a non-space and not followed by a digit, so prices
 * such as "$5 and $10" stay text.
 *
 * @module
 */
import katex from "katex";
import { Marked, type TokenizerAndRendererExtension } from "marked";

/** Markdown or math that cannot be rendered; the message quotes the formula. */
export class MarkdownError extends Error {
  /** Always `"MarkdownError"`. */
  override name = "MarkdownError";
}

function typeset(tex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(tex, { displayMode, throwOnError: true, output: "html" });
  } catch (error) {
    throw new MarkdownError(
      `Cannot typeset the formula ${JSON.stringify(tex)}: ${(error as Error).message}`,
    );
  }
}

const BLOCK_MATH = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/;
const INLINE_MATH = /^\$(?![\s$])((?:\\.|[^\\$\n])+?)(?<!\s)\$(?!\d)/;

const blockMath: TokenizerAndRendererExtension = {
  name: "blockMath",
  level: "block",
  start: (src) => src.match(/^\$\$/m)?.index,
  tokenizer(src) {
    const match = BLOCK_MATH.exec(src);
    return match === null
      ? undefined
      : { type: "blockMath", raw: match[0], text: match[1]!.trim() };
  },
  renderer: (token) => `<div class="math">${typeset(token["text"] as string, true)}</div>\n`,
};

const inlineMath: TokenizerAndRendererExtension = {
  name: "inlineMath",
  level: "inline",
  start: (src) => {
    const at = src.indexOf("$");
    return at === -1 ? undefined : at;
  },
  tokenizer(src) {
    const match = INLINE_MATH.exec(src);
    return match === null ? undefined : { type: "inlineMath", raw: match[0], text: match[1]! };
  },
  renderer: (token) => typeset(token["text"] as string, false),
};

const markdown = new Marked({ gfm: true, async: false }, { extensions: [blockMath, inlineMath] });

/**
 * Renders markdown to HTML, typesetting math with KaTeX.
 *
 * @example
 * ```ts
 * import { renderMarkdown } from "./markdown.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(renderMarkdown("Revenue **per MW**"), "<p>Revenue <strong>per MW</strong></p>\n");
 * assert.match(renderMarkdown("| a | b |\n|---|---|\n| 1 | 2 |"), /<table>[\s\S]*<td>2<\/td>/);
 * assert.match(renderMarkdown("Hashprice is $h = R / H$."), /class="katex"/);
 * assert.doesNotMatch(renderMarkdown("From $5 to $10 a day"), /katex/);
 * assert.throws(() => renderMarkdown("$\\frac{1$"), /Cannot typeset the formula "\\\\frac\{1"/);
 * ```
 */
export function renderMarkdown(text: string): string {
  return markdown.parse(text) as string;
}

/**
 * Whether rendered HTML contains typeset math (the note then embeds KaTeX's stylesheet).
 *
 * @example
 * ```ts
 * import { hasMath, renderMarkdown } from "./markdown.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(hasMath(renderMarkdown("$$x^2$$")), true);
 * assert.equal(hasMath(renderMarkdown("x squared")), false);
 * ```
 */
export function hasMath(html: string): boolean {
  return html.includes('class="katex');
}
