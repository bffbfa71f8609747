/**
 * Adjusting the house theme for one exhibit without breaking it: overrides are merged over
 * {@linkcode HOUSE_CONFIG}; a key Vega-Lite's `Config` does not know is cosmetic noise, so it
 * is reported with `console.warn` and left out rather than failing the chart.
 *
 * @module
 */
import type { Config } from "vega-lite";
import schema from "vega-lite/build/vega-lite-schema.json" with { type: "json" };
import { message } from "./_messages.ts";
import { HOUSE_CONFIG } from "./theme.ts";

/** Every top-level key of Vega-Lite 5's `Config`, from its published JSON schema. */
const CONFIG_KEYS: ReadonlySet<string> = new Set(
  Object.keys(
    (schema as { definitions: { Config: { properties: object } } }).definitions.Config.properties,
  ),
);

/** Options of {@linkcode houseTheme}. */
export interface HouseThemeOptions {
  /**
   * Receives one message per unknown key.
   *
   * @default console.warn
   */
  readonly warn?: (message: string) => void;
}

/**
 * The house config with `overrides` merged in (one level deep for object-valued keys).
 *
 * @example
 * ```ts
 * import { houseTheme } from "./house_theme.ts";
 * import assert from "node:assert/strict";
 *
 * const warnings: string[] = [];
 * const config = houseTheme({ axis: { labelFontSize: 9 }, colour: "red" } as object, { warn: (m) => warnings.push(m) });
 * assert.equal((config.axis as { labelFontSize: number }).labelFontSize, 9);
 * assert.equal((config.axis as { labelColor: string }).labelColor, "#5C6370"); // kept from the house
 * assert.equal("colour" in config, false);
 * assert.match(warnings[0]!, /unknown theme key "colour"/);
 * ```
 */
export function houseTheme(overrides: Config, options: HouseThemeOptions = {}): Config {
  const warn = options.warn ?? console.warn;
  const merged: Record<string, unknown> = { ...HOUSE_CONFIG };
  for (const [key, value] of Object.entries(overrides)) {
    if (!CONFIG_KEYS.has(key)) {
      warn(message.unknownThemeKey(key));
      continue;
    }
    const base = merged[key];
    merged[key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
  }
  return merged as Config;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
