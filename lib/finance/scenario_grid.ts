/**
 * Two-way scenario grids: a model evaluated over every pair of values of two inputs (the data
 * of a heat map or a sell-side sensitivity table).
 *
 * @module
 */
import { finite } from "../units/checks.ts";
import { checkBase, checkModel, run } from "./_model_runs.ts";
import type { ScalarModel } from "./tornado.ts";

/** One axis of a grid: the input varied and the values it takes. */
export interface GridAxis {
  /** Input name; must be a key of `base`. */
  readonly name: string;
  /** Values the input takes, in display order (at least one, all finite). */
  readonly values: readonly number[];
}

/** Options of {@linkcode scenarioGrid}. */
export interface ScenarioGridOptions {
  /** Input varied across columns. Required. */
  readonly x: GridAxis;
  /** Input varied across rows. Required; a different input from `x`. */
  readonly y: GridAxis;
  /** Base-case inputs; the inputs not on an axis stay here. Required. */
  readonly base: Readonly<Record<string, number>>;
}

/** One cell of a grid, for charting. */
export interface GridRow {
  /** Value of the x input. */
  readonly x: number;
  /** Value of the y input. */
  readonly y: number;
  /** Model output. */
  readonly value: number;
}

/** Result of {@linkcode scenarioGrid}. */
export interface ScenarioGrid {
  /** Name of the x input. */
  readonly xName: string;
  /** Name of the y input. */
  readonly yName: string;
  /** Column values. */
  readonly xValues: readonly number[];
  /** Row values. */
  readonly yValues: readonly number[];
  /** Outputs, row-major y by x: `values[iy * xValues.length + ix]`. */
  readonly values: Float64Array;
  /** One row per cell, in the order of `values`. */
  readonly rows: GridRow[];
}

/**
 * Evaluates `model` at every `(x, y)` pair with the other inputs at `base`.
 *
 * @example Margin over price (columns) and volume (rows)
 * ```ts
 * import { scenarioGrid } from "./scenario_grid.ts";
 * import assert from "node:assert/strict";
 *
 * const grid = scenarioGrid((x) => x.price! * x.volume! - x.cost!, {
 *   x: { name: "price", values: [8, 10, 12] },
 *   y: { name: "volume", values: [90, 110] },
 *   base: { price: 10, volume: 100, cost: 500 },
 * });
 * assert.deepEqual([...grid.values], [220, 400, 580, 380, 600, 820]);
 * assert.deepEqual(grid.rows[4], { x: 10, y: 110, value: 600 });
 * ```
 */
export function scenarioGrid(model: ScalarModel, options: ScenarioGridOptions): ScenarioGrid {
  const { x, y, base } = options;
  checkModel(model);
  checkBase(base);
  const xValues = checkAxis("x", x, base);
  const yValues = checkAxis("y", y, base);
  if (x.name === y.name) {
    throw new RangeError(`Cannot use y.name: expected an input other than x.name, got "${y.name}"`);
  }
  const values = new Float64Array(xValues.length * yValues.length);
  const rows: GridRow[] = [];
  let cell = 0;
  for (const yValue of yValues) {
    for (const xValue of xValues) {
      const inputs = { ...base, [x.name]: xValue, [y.name]: yValue };
      const value = run(model, inputs, `${x.name} = ${xValue}, ${y.name} = ${yValue}`);
      values[cell++] = value;
      rows.push({ x: xValue, y: yValue, value });
    }
  }
  return { xName: x.name, yName: y.name, xValues, yValues, values, rows };
}

function checkAxis(
  field: string,
  axis: GridAxis,
  base: Readonly<Record<string, number>>,
): number[] {
  if (axis === null || typeof axis !== "object" || !Array.isArray(axis.values)) {
    throw new TypeError(`Cannot use ${field}: expected { name, values }, got ${String(axis)}`);
  }
  if (!Object.hasOwn(base, axis.name)) {
    throw new RangeError(
      `Cannot use ${field}.name: expected an input of base (${
        Object.keys(base).join(", ")
      }), got "${axis.name}"`,
    );
  }
  if (axis.values.length === 0) {
    throw new RangeError(`Cannot use ${field}.values: expected at least one value, got 0`);
  }
  return axis.values.map((v, i) => finite(`${field}.values[${i}]`, v));
}
