/**
 * danfo DataFrames for notebooks: {@linkcode toDataFrame} of typed columns or rows, and
 * {@linkcode loadDataFrame} of a dataset by name; both display as tables in a cell.
 *
 * @module
 */
export * from "./to_data_frame.ts";
export * from "./load_data_frame.ts";
