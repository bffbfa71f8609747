/**
 * What a note's HTML may do when a reader opens it: nothing but show itself. The note carries a
 * Content Security Policy that allows inline styles, `data:` images and `data:` fonts (KaTeX's,
 * embedded) and nothing else: no script, no request, no frame. Chromium honours a policy in
 * `<meta>` for everything it governs, but a `<meta http-equiv="refresh">`, a
 * `<link rel="preconnect">` and a frame's `srcdoc` still reach the network (the refresh
 * navigates; the other two open connections before the policy is checked), so cell markup
 * carries those elements as text instead.
 *
 * @module
 */

/**
 * The policy every note carries: inline styles, `data:` images and `data:` fonts only.
 *
 * @example
 * ```ts
 * import { NOTE_CONTENT_SECURITY_POLICY } from "./content_policy.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(NOTE_CONTENT_SECURITY_POLICY, /^default-src 'none'; /);
 * assert.doesNotMatch(NOTE_CONTENT_SECURITY_POLICY, /script-src|connect-src|https?:|[*]/);
 * ```
 */
export const NOTE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "font-src data:",
  // Not covered by default-src: a <base> could redirect links, a form could post.
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/**
 * The `<meta>` element that applies {@linkcode NOTE_CONTENT_SECURITY_POLICY}; it belongs in the
 * `<head>`, before any style or content.
 *
 * @example
 * ```ts
 * import { contentSecurityPolicyMeta } from "./content_policy.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(
 *   contentSecurityPolicyMeta(),
 *   /^<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]+">$/,
 * );
 * ```
 */
export function contentSecurityPolicyMeta(): string {
  return `<meta http-equiv="Content-Security-Policy" content="${NOTE_CONTENT_SECURITY_POLICY}">`;
}

/**
 * Elements that fetch or navigate outside the policy's reach (meta refresh, link preconnect,
 * frames and their `srcdoc`), plus the embedding elements the policy already blocks.
 */
const UNGOVERNED_TAG =
  /<(?=(?:meta|link|base|iframe|frame|frameset|object|embed|portal|fencedframe)(?:[\t\n\f\r />]|$))/gi;

/**
 * Cell markup with every element the policy cannot stop turned into visible text: each `<` that
 * would open one of them becomes `&lt;`. Everything else is left as it is; scripts stay, inert
 * under the policy.
 *
 * @example
 * ```ts
 * import { inertMarkup } from "./content_policy.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(
 *   inertMarkup('<META http-equiv="refresh" content="0;url=http://x"><p>Text</p>'),
 *   '&lt;META http-equiv="refresh" content="0;url=http://x"><p>Text</p>',
 * );
 * assert.equal(inertMarkup("<iframe\nsrcdoc=x>"), "&lt;iframe\nsrcdoc=x>");
 * assert.equal(inertMarkup("<metadata/><linkage><b>bold</b>"), "<metadata/><linkage><b>bold</b>");
 * ```
 */
export function inertMarkup(html: string): string {
  return html.replace(UNGOVERNED_TAG, "&lt;");
}
