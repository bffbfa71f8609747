/**
 * The part of papaparse 5.7 that `csv.ts` uses: parsing a whole string into rows of cells.
 * Declared here rather than taken from `@types/papaparse`, which pulls in all of `@types/node`
 * (and a warning for each of its files in `deno doc`) for the sake of its streaming API.
 *
 * @module
 */

declare namespace Papa {
  /** One problem papaparse found in the text. */
  interface ParseError {
    /** Its code. */
    code:
      | "MissingQuotes"
      | "UndetectableDelimiter"
      | "TooFewFields"
      | "TooManyFields"
      | "InvalidQuotes";
    /** What went wrong, in words. */
    message: string;
    /** The record (0-based) where it was found. */
    row?: number | undefined;
  }

  /** The options `csv.ts` passes: no header row, every line kept, a fixed delimiter. */
  interface ParseConfig {
    header?: false | undefined;
    skipEmptyLines?: boolean | undefined;
    delimiter?: string | undefined;
  }

  /** The records (each an array of cells, as text) and any problems found. */
  interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
  }

  /** Parses `text` at once (no worker, no download, no streaming). */
  function parse<T>(text: string, config: ParseConfig): ParseResult<T>;
}

export default Papa;
