/**
 * The house view: one deck of the assumptions that more than one note uses (the BTC price deck,
 * the network window, power prices, fleet vintages, the AI lease terms, the cap rate, the
 * probability of signing a lease, the discount rate). It lives beside the notebooks as YAML
 * (`notebooks/house_view.yaml`); this module reads and checks it. Every value carries its source:
 * a URL, a dataset of the project (`data/<file>.csv`, optionally with a row id) or the `lib` file
 * that documents the default. A bad deck is an error naming the file, the line, the field and the
 * value.
 *
 * @module
 */
import { isMap, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { sha256Hex } from "../files/sha256.ts";

/** A value with where it comes from. */
export interface Sourced<T> {
  /** The value. */
  readonly value: T;
  /** URLs or project references (`data/x.csv ROW`, `lib/…ts`), at least one. */
  readonly source: readonly string[];
  /** What the value is, in words. */
  readonly note?: string;
}

/** A row of a dataset named by its key, with where it comes from. */
export interface RowRef {
  /** The row's key: an ASIC model name or a deal id. */
  readonly key: string;
  /** The dataset. */
  readonly source: readonly string[];
  /** What the row is, in words. */
  readonly note?: string;
}

/** The house view as read from its file. */
export interface HouseView {
  /** The file it was read from. */
  readonly file: string;
  /** The deck's text, as printed in a note's appendix. */
  readonly text: string;
  /** sha256 of the deck's bytes: part of every note's freeze key. */
  readonly sha256: string;
  /** BTC price: where paths start and the named scenarios around it. */
  readonly btcPrice: {
    readonly start: "last-close";
    readonly scenarios: "one-year-volatility-band";
  };
  /** The window the network's trends and volatilities are fitted over. */
  readonly network: {
    readonly lookbackYears: Sourced<number>;
    readonly meanDays: Sourced<number>;
  };
  /** Power prices. */
  readonly power: {
    readonly priceUsdPerKwh: Sourced<number>;
    readonly rangeUsdPerKwh: Sourced<readonly [number, number]>;
  };
  /** Bitcoin mining: the hashcentre's PUE and the fleet by vintage. */
  readonly mining: {
    readonly pue: Sourced<number>;
    readonly fleetJPerTh: Sourced<number>;
    readonly cashHashCostUsdPerThDay: Sourced<number>;
    readonly cashHashCostPowerPriceUsdPerKwh: Sourced<number>;
    readonly fleet: { readonly old: RowRef; readonly current: RowRef; readonly upgrade: RowRef };
  };
  /** The AI lease. */
  readonly ai: {
    readonly leaseDeal: RowRef;
    readonly escalator: Sourced<number>;
    readonly pue: Sourced<number>;
    readonly constructionMonths: Sourced<number>;
  };
  /** How the AI leg and cash flows are valued. */
  readonly valuation: {
    readonly capRate: Sourced<number>;
    readonly leaseSigningProbability: Sourced<number>;
    readonly discountRate: "cap-rate-plus-escalator";
  };
  /** Monte Carlo paths that values are averaged over. */
  readonly simulation: {
    readonly paths: Sourced<number>;
    readonly seed: Sourced<number>;
  };
}

/** A house view that cannot be used: names the file, line, field and value. */
export class HouseViewError extends Error {
  /** The file. */
  readonly file: string;
  /** 1-based line, or 0 when the deck cannot be located. */
  readonly line: number;
  /** Dotted path of the field, e.g. `power.priceUsdPerKwh.value`. */
  readonly field: string;

  /** Builds the error and its message, `file:line: field: reason`. */
  constructor(file: string, line: number, field: string, reason: string) {
    super(`${file}${line > 0 ? `:${line}` : ""}: ${field}: ${reason}`);
    this.name = "HouseViewError";
    this.file = file;
    this.line = line;
    this.field = field;
  }
}

const SOURCE = /^(https?:\/\/\S+|data\/[\w.-]+\.csv(?: \S+)?|lib\/[\w/.-]+\.ts)$/;

/** Reads the deck's YAML with positions, and checks fields against what it expects. */
class Reader {
  readonly #file: string;
  readonly #lines = new LineCounter();
  readonly #root: unknown;

  constructor(text: string, file: string) {
    this.#file = file;
    const doc = parseDocument(text, { lineCounter: this.#lines, prettyErrors: false });
    const problem = doc.errors[0];
    if (problem !== undefined) {
      const line = this.#lines.linePos(problem.pos[0]).line;
      throw new HouseViewError(file, line, "(document)", `not valid YAML: ${problem.message}`);
    }
    this.#root = doc.contents;
  }

  #node(path: readonly string[]): Node | undefined {
    let node: unknown = this.#root;
    for (const key of path) {
      if (!isMap(node)) return undefined;
      node = node.get(key, true);
    }
    return node as Node | undefined;
  }

  #lineOf(path: readonly string[]): number {
    for (let n = path.length; n >= 0; n--) {
      const range = this.#node(path.slice(0, n))?.range;
      if (range !== undefined && range !== null) return this.#lines.linePos(range[0]).line;
    }
    return 0;
  }

  fail(path: readonly string[], reason: string): never {
    throw new HouseViewError(
      this.#file,
      this.#lineOf(path),
      path.join(".") || "(document)",
      reason,
    );
  }

  value(path: readonly string[]): unknown {
    const node = this.#node(path);
    if (node === undefined) this.fail(path, "missing");
    return (node as { toJSON(): unknown }).toJSON();
  }

  /** Fails on any key of the map at `path` that is not in `keys`. */
  keys(path: readonly string[], keys: readonly string[]): void {
    const node = path.length === 0 ? this.#root : this.#node(path);
    if (!isMap(node)) this.fail(path, `expected a map of ${keys.join(", ")}`);
    for (const item of node.items) {
      const key = String((item.key as { value?: unknown } | null)?.value ?? item.key);
      if (!keys.includes(key)) {
        this.fail([...path, key], `unknown field; expected one of ${keys.join(", ")}`);
      }
    }
    for (const key of keys) if (!node.has(key)) this.fail([...path, key], "missing");
  }

  method<T extends string>(path: readonly string[], allowed: readonly T[]): T {
    const value = this.value(path);
    if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
      this.fail(
        path,
        `expected ${allowed.map((a) => `"${a}"`).join(" or ")}, found ${show(value)}`,
      );
    }
    return value as T;
  }

  number(path: readonly string[], min: number, max: number, whole = false): number {
    const value = this.value(path);
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
      this.fail(path, `expected a number from ${min} to ${max}, found ${show(value)}`);
    }
    if (whole && !Number.isInteger(value)) {
      this.fail(path, `expected a whole number, found ${value}`);
    }
    return value;
  }

  sources(path: readonly string[]): readonly string[] {
    const value = this.value(path);
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0) this.fail(path, "expected at least one source");
    for (const source of list) {
      if (typeof source !== "string" || !SOURCE.test(source)) {
        this.fail(
          path,
          `expected a URL, "data/<file>.csv [row]" or "lib/<file>.ts", found ${show(source)}`,
        );
      }
    }
    return list as string[];
  }

  note(path: readonly string[]): { note?: string } {
    const node = this.#node(path);
    if (node === undefined) return {};
    const value = this.value(path);
    if (typeof value !== "string") this.fail(path, `expected text, found ${show(value)}`);
    return { note: value };
  }

  sourced(path: readonly string[], min: number, max: number, whole = false): Sourced<number> {
    this.#entryKeys(path, "value");
    return {
      value: this.number([...path, "value"], min, max, whole),
      source: this.sources([...path, "source"]),
      ...this.note([...path, "note"]),
    };
  }

  range(path: readonly string[], min: number, max: number): Sourced<readonly [number, number]> {
    this.#entryKeys(path, "value");
    const value = this.value([...path, "value"]);
    if (!Array.isArray(value) || value.length !== 2) {
      this.fail([...path, "value"], `expected [low, high], found ${show(value)}`);
    }
    const [low, high] = value as unknown[];
    for (const [i, v] of [low, high].entries()) {
      if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) {
        this.fail([...path, "value"], `expected item ${i} from ${min} to ${max}, found ${show(v)}`);
      }
    }
    if ((low as number) >= (high as number)) {
      this.fail([...path, "value"], `expected low < high, found [${low}, ${high}]`);
    }
    return {
      value: [low as number, high as number],
      source: this.sources([...path, "source"]),
      ...this.note([...path, "note"]),
    };
  }

  row(path: readonly string[], keyField: "model" | "id"): RowRef {
    this.#entryKeys(path, keyField);
    const key = this.value([...path, keyField]);
    if (typeof key !== "string" || key.trim() === "") {
      this.fail([...path, keyField], `expected a row key, found ${show(key)}`);
    }
    const source = this.sources([...path, "source"]);
    if (!source.some((s) => s.startsWith("data/"))) {
      this.fail(
        [...path, "source"],
        "expected the dataset the row is in, e.g. data/asic_models.csv",
      );
    }
    return { key, source, ...this.note([...path, "note"]) };
  }

  #entryKeys(path: readonly string[], valueKey: string): void {
    const node = this.#node(path);
    if (!isMap(node)) {
      this.fail(path, `expected { ${valueKey}, source, note }, found ${show(this.value(path))}`);
    }
    for (const item of node.items) {
      const key = String((item.key as { value?: unknown } | null)?.value ?? item.key);
      if (![valueKey, "source", "note"].includes(key)) {
        this.fail([...path, key], `unknown field; expected ${valueKey}, source or note`);
      }
    }
    if (isSeq(node.get(valueKey, true)) && valueKey !== "value") {
      this.fail([...path, valueKey], "expected one value");
    }
  }
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = typeof value === "string" ? `"${value}"` : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Parses a house view from its YAML text, checking every field.
 *
 * @example
 * ```ts
 * import { parseHouseView } from "./house_view.ts";
 * import assert from "node:assert/strict";
 *
 * const text = await Deno.readTextFile(new URL("../../notebooks/house_view.yaml", import.meta.url));
 * const view = await parseHouseView(text, "house_view.yaml");
 * assert.equal(view.power.priceUsdPerKwh.value, 0.04);
 * assert.equal(view.ai.leaseDeal.key, "HUT-FLUIDSTACK-2025-12");
 * assert.match(view.sha256, /^[0-9a-f]{64}$/);
 *
 * const bad = text.replace("value: 0.04", "value: 4");
 * await assert.rejects(parseHouseView(bad, "h.yaml"),
 *   /^HouseViewError: h\.yaml:\d+: power\.priceUsdPerKwh\.value: expected a number from 0 to 1, found 4$/);
 * ```
 */
export async function parseHouseView(text: string, file: string): Promise<HouseView> {
  const r = new Reader(text, file);
  r.keys([], ["btcPrice", "network", "power", "mining", "ai", "valuation", "simulation"]);
  r.keys(["simulation"], ["paths", "seed"]);
  r.keys(["btcPrice"], ["start", "scenarios"]);
  r.keys(["network"], ["lookbackYears", "meanDays"]);
  r.keys(["power"], ["priceUsdPerKwh", "rangeUsdPerKwh"]);
  r.keys(["mining"], [
    "pue",
    "fleetJPerTh",
    "cashHashCostUsdPerThDay",
    "cashHashCostPowerPriceUsdPerKwh",
    "fleet",
  ]);
  r.keys(["mining", "fleet"], ["old", "current", "upgrade"]);
  r.keys(["ai"], ["leaseDeal", "escalator", "pue", "constructionMonths"]);
  r.keys(["valuation"], ["capRate", "leaseSigningProbability", "discountRate"]);
  return {
    file,
    text,
    sha256: await sha256Hex(text),
    btcPrice: {
      start: r.method(["btcPrice", "start"], ["last-close"] as const),
      scenarios: r.method(["btcPrice", "scenarios"], ["one-year-volatility-band"] as const),
    },
    network: {
      lookbackYears: r.sourced(["network", "lookbackYears"], 0.5, 15),
      meanDays: r.sourced(["network", "meanDays"], 1, 365, true),
    },
    power: {
      priceUsdPerKwh: r.sourced(["power", "priceUsdPerKwh"], 0, 1),
      rangeUsdPerKwh: r.range(["power", "rangeUsdPerKwh"], 0, 1),
    },
    mining: {
      pue: r.sourced(["mining", "pue"], 1, 3),
      fleetJPerTh: r.sourced(["mining", "fleetJPerTh"], 1, 200),
      cashHashCostUsdPerThDay: r.sourced(["mining", "cashHashCostUsdPerThDay"], 0, 1),
      cashHashCostPowerPriceUsdPerKwh: r.sourced(
        ["mining", "cashHashCostPowerPriceUsdPerKwh"],
        0,
        1,
      ),
      fleet: {
        old: r.row(["mining", "fleet", "old"], "model"),
        current: r.row(["mining", "fleet", "current"], "model"),
        upgrade: r.row(["mining", "fleet", "upgrade"], "model"),
      },
    },
    ai: {
      leaseDeal: r.row(["ai", "leaseDeal"], "id"),
      escalator: r.sourced(["ai", "escalator"], -0.1, 0.2),
      pue: r.sourced(["ai", "pue"], 1, 3),
      constructionMonths: r.sourced(["ai", "constructionMonths"], 0, 120, true),
    },
    valuation: {
      capRate: r.sourced(["valuation", "capRate"], 0.005, 0.5),
      leaseSigningProbability: r.sourced(["valuation", "leaseSigningProbability"], 0, 1),
      discountRate: r.method(["valuation", "discountRate"], ["cap-rate-plus-escalator"] as const),
    },
    simulation: {
      paths: r.sourced(["simulation", "paths"], 1, 1_000_000, true),
      seed: r.sourced(["simulation", "seed"], 0, 2 ** 32 - 1, true),
    },
  };
}

/** The deck notebooks read when a run names none: `notebooks/house_view.yaml`. */
export const DEFAULT_HOUSE_VIEW: URL = new URL("../../notebooks/house_view.yaml", import.meta.url);

/**
 * Reads and checks a house view file.
 *
 * @example
 * ```ts
 * import { loadHouseView } from "./house_view.ts";
 * import assert from "node:assert/strict";
 *
 * const view = await loadHouseView();
 * assert.equal(view.network.lookbackYears.value, 4);
 * await assert.rejects(loadHouseView("/nonexistent/house.yaml"), /Cannot read the house view/);
 * ```
 */
export async function loadHouseView(path: string | URL = DEFAULT_HOUSE_VIEW): Promise<HouseView> {
  const file = path instanceof URL ? path.pathname : path;
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(`Cannot read the house view ${file}: no such file`);
    }
    throw error;
  }
  return await parseHouseView(text, file);
}
