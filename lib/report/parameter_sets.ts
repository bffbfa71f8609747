/**
 * Parameter sets: one notebook rendered once per set of parameter values, each set to its own
 * note `<notebook>-<label>`. `--each name=v1,v2` gives one set per value (several `--each` give
 * their cross product); a grid file lists sets by hand (`parameter_grid.ts`). A set's label is
 * stable and safe as a file name: its values joined with `-`. Two sets that would share a file
 * are an error before anything runs.
 *
 * @module
 */
import { type Parameter, type ParameterValue, parseParameterArgs } from "../notebook/parameters.ts";

/** One set of values for a notebook's parameters, rendered as one note. */
export interface ParameterSet {
  /** Safe as a file name, e.g. `MARA`; the note is `<notebook>-<label>`. */
  readonly label: string;
  /** The values injected for this set, by parameter name. */
  readonly values: Readonly<Record<string, ParameterValue>>;
  /** Where the set was given, for messages, e.g. `--each ticker=MARA` or `params.yaml:3`. */
  readonly origin: string;
}

/** Longest label, in characters: the note's file name must stay well inside 255 bytes. */
export const MAX_LABEL_LENGTH = 100;

const SAFE_LABEL = /^[A-Za-z0-9._+-]+$/;

/**
 * The label part for one value: its text (JSON for arrays and objects), every run of
 * characters other than letters, digits, `.`, `_`, `+` and `-` replaced by `_`.
 *
 * @example
 * ```ts
 * import { labelPart } from "./parameter_sets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(labelPart("MARA"), "MARA");
 * assert.equal(labelPart(90000), "90000");
 * assert.equal(labelPart("Hut 8 / USBTC"), "Hut_8_USBTC");
 * assert.equal(labelPart([10, 25]), "_10_25_");
 * assert.equal(labelPart(""), "_");
 * ```
 */
export function labelPart(value: ParameterValue): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.replace(/[^A-Za-z0-9._+-]+/g, "_") || "_";
}

/**
 * What is wrong with a label given by hand, or `undefined`: it may use letters, digits, `.`,
 * `_`, `+` and `-`, at most {@linkcode MAX_LABEL_LENGTH} characters.
 *
 * @example
 * ```ts
 * import { labelProblem } from "./parameter_sets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(labelProblem("MARA-bull"), undefined);
 * assert.equal(labelProblem("MARA/bull"),
 *   'label "MARA/bull": use only letters, digits, ., _, + and - (it names the note\'s files)');
 * ```
 */
export function labelProblem(label: string): string | undefined {
  if (!SAFE_LABEL.test(label)) {
    return `label "${label}": use only letters, digits, ., _, + and - (it names the note's files)`;
  }
  if (label.length > MAX_LABEL_LENGTH) {
    return `label "${label.slice(0, 20)}…" has ${label.length} characters; ` +
      `at most ${MAX_LABEL_LENGTH} (it names the note's files)`;
  }
  return undefined;
}

/**
 * The label of a set from its values, in order, joined with `-`.
 *
 * @example
 * ```ts
 * import { labelOf } from "./parameter_sets.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(labelOf(["MARA", 90000], "--each"), "MARA-90000");
 * ```
 */
export function labelOf(values: readonly ParameterValue[], where: string): string {
  const label = values.map(labelPart).join("-");
  if (label.length > MAX_LABEL_LENGTH) {
    throw new TypeError(
      `${where}: the label made of its values has ${label.length} characters, over ` +
        `${MAX_LABEL_LENGTH}: list the set in a grid file (--grid) with a short "label"`,
    );
  }
  return label;
}

/** Splits `v1,v2,…` at the commas outside JSON arrays and objects (and their strings). */
function splitValues(text: string): string[] {
  const values: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"' && depth > 0) quoted = true;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      values.push(text.slice(start, i));
      start = i + 1;
    }
  }
  values.push(text.slice(start));
  return values;
}

/**
 * The sets that `--each name=v1,v2,…` options give: one per value, and the cross product of
 * several options (the first varies slowest). Each value is parsed by the type of the
 * parameter's default, as `--param` parses it; arrays and objects are JSON (commas inside them
 * do not split). An unknown name suggests the nearest declared one.
 *
 * @example
 * ```ts
 * import { eachParameterSets } from "./parameter_sets.ts";
 * import assert from "node:assert/strict";
 *
 * const declared = [
 *   { name: "ticker", defaultSource: '"MARA"', type: "string" as const },
 *   { name: "btcPriceUsd", defaultSource: "90_000", type: "number" as const },
 * ];
 * const sets = eachParameterSets(["ticker=MARA,RIOT", "btcPriceUsd=60000,120000"], declared, "n.ipynb");
 * assert.deepEqual(sets.map((s) => s.label), ["MARA-60000", "MARA-120000", "RIOT-60000", "RIOT-120000"]);
 * assert.deepEqual(sets[1]!.values, { ticker: "MARA", btcPriceUsd: 120000 });
 * assert.equal(sets[1]!.origin, "--each ticker=MARA --each btcPriceUsd=120000");
 * assert.throws(() => eachParameterSets(["btcPriceUsd=60000,lots"], declared, "n.ipynb"),
 *   /Cannot use --each btcPriceUsd=lots: expected a number/);
 * assert.throws(() => eachParameterSets(["tickr=MARA"], declared, "n.ipynb"),
 *   /n\.ipynb has no parameter "tickr" \(did you mean "ticker"\?\)/);
 * ```
 */
export function eachParameterSets(
  args: readonly string[],
  declared: readonly Parameter[],
  file: string,
): ParameterSet[] {
  const axes = args.map((arg) => {
    const eq = arg.indexOf("=");
    if (eq <= 0 || eq === arg.length - 1) {
      throw new TypeError(`Cannot read --each ${arg}: expected name=value1,value2,…`);
    }
    const name = arg.slice(0, eq);
    return {
      name,
      values: splitValues(arg.slice(eq + 1)).map((raw) => {
        try {
          return { raw, value: parseParameterArgs([`${name}=${raw}`], declared, file)[name]! };
        } catch (error) {
          if (!(error instanceof TypeError)) throw error;
          throw new TypeError(error.message.replace("--param ", "--each "));
        }
      }),
    };
  });
  const names = new Set<string>();
  for (const { name } of axes) {
    if (names.has(name)) {
      throw new TypeError(`Cannot use --each ${name} twice: list all its values in one --each`);
    }
    names.add(name);
  }
  let sets: { picks: { name: string; raw: string; value: ParameterValue }[] }[] = [{ picks: [] }];
  for (const axis of axes) {
    sets = sets.flatMap((set) =>
      axis.values.map((v) => ({ picks: [...set.picks, { name: axis.name, ...v }] }))
    );
  }
  return sets.map(({ picks }) => {
    const origin = picks.map((p) => `--each ${p.name}=${p.raw}`).join(" ");
    return {
      label: labelOf(picks.map((p) => p.value), origin),
      values: Object.fromEntries(picks.map((p) => [p.name, p.value])),
      origin,
    };
  });
}

/**
 * The cross product of two lists of sets (the first varies slowest): values merged, labels
 * joined with `-`. A parameter given by both is an error.
 *
 * @example
 * ```ts
 * import { crossParameterSets } from "./parameter_sets.ts";
 * import assert from "node:assert/strict";
 *
 * const grid = [{ label: "bull", values: { btcPriceUsd: 150000 }, origin: "g.yaml:1" }];
 * const each = [{ label: "MARA", values: { ticker: "MARA" }, origin: "--each ticker=MARA" }];
 * assert.deepEqual(crossParameterSets(grid, each), [{ label: "bull-MARA",
 *   values: { btcPriceUsd: 150000, ticker: "MARA" }, origin: "g.yaml:1 with --each ticker=MARA" }]);
 * ```
 */
export function crossParameterSets(
  first: readonly ParameterSet[],
  second: readonly ParameterSet[],
): ParameterSet[] {
  return first.flatMap((a) =>
    second.map((b) => {
      const both = Object.keys(a.values).find((name) => Object.hasOwn(b.values, name));
      if (both !== undefined) {
        throw new TypeError(
          `Cannot set parameter "${both}" in both ${a.origin} and ${b.origin}: give it in one place`,
        );
      }
      return {
        label: `${a.label}-${b.label}`,
        values: { ...a.values, ...b.values },
        origin: `${a.origin} with ${b.origin}`,
      };
    })
  );
}

/**
 * Checks that a parameter fixed for the whole run (`--param`) is not also varied by a set.
 *
 * @example
 * ```ts
 * import { checkFixedParameters } from "./parameter_sets.ts";
 * import assert from "node:assert/strict";
 *
 * const sets = [{ label: "MARA", values: { ticker: "MARA" }, origin: "--each ticker=MARA" }];
 * checkFixedParameters(sets, { seed: 7 });
 * assert.throws(() => checkFixedParameters(sets, { ticker: "RIOT" }),
 *   /Cannot set parameter "ticker" with --param and in --each ticker=MARA/);
 * ```
 */
export function checkFixedParameters(
  sets: readonly ParameterSet[],
  fixed: Readonly<Record<string, ParameterValue>>,
): void {
  for (const set of sets) {
    const both = Object.keys(set.values).find((name) => Object.hasOwn(fixed, name));
    if (both !== undefined) {
      throw new TypeError(
        `Cannot set parameter "${both}" with --param and in ${set.origin}: a --param value is ` +
          `the same for every set; give it in one place`,
      );
    }
  }
}

/**
 * Checks that no two sets share a label, ignoring case (two such notes would be one file on
 * macOS and Windows, and one would overwrite the other); the error names both sets.
 *
 * @example
 * ```ts
 * import { checkDistinctLabels } from "./parameter_sets.ts";
 * import assert from "node:assert/strict";
 *
 * const set = (label: string, origin: string) => ({ label, values: {}, origin });
 * checkDistinctLabels([set("MARA", "a"), set("RIOT", "b")], "08_company");
 * assert.throws(() => checkDistinctLabels([set("A_B", "--each tag=A/B"), set("a_b", "--each tag=a_b")], "08_company"),
 *   /^TypeError: Cannot render both --each tag=A\/B and --each tag=a_b: both would be the note 08_company-A_B/);
 * ```
 */
export function checkDistinctLabels(sets: readonly ParameterSet[], notebookName: string): void {
  const seen = new Map<string, ParameterSet>();
  for (const set of sets) {
    const key = set.label.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const names = earlier.label === set.label
        ? `${notebookName}-${set.label}`
        : `${notebookName}-${earlier.label} (${notebookName}-${set.label} differs only in case)`;
      throw new TypeError(
        `Cannot render both ${earlier.origin} and ${set.origin}: both would be the note ${names}; ` +
          `give each set a distinct label in a grid file (--grid)`,
      );
    }
    seen.set(key, set);
  }
}
