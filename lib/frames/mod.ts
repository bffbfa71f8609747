/**
 * DataFrames of the datasets for notebooks: {@linkcode loadDataFrame} by dataset name.
 *
 * @module
 */
export * from "./load_data_frame.ts";
