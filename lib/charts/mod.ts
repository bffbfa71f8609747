/**
 * Exhibits in the house style.
 *
 * @module
 */
export { EXHIBIT_WIDTH, HOUSE_COLORS, HOUSE_CONFIG, HOUSE_FONT } from "./theme.ts";
export * from "./time_series.ts";
export * from "./render.ts";
export * from "./exhibit.ts";
export * from "./house_theme.ts";
export * from "./column.ts";
export * from "./stacked_area.ts";
export * from "./waterfall.ts";
export * from "./table.ts";
export * from "./tornado.ts";
export * from "./heatmap.ts";
export * from "./fan_chart.ts";
export * from "./scatter.ts";
export * from "./shaded_periods.ts";
export * from "./halving_marks.ts";
export * from "./show.ts";
export * from "./literal_dollars.ts";
export { type QuantityFormat, statedQuantities, type StatedQuantity } from "./stated_quantities.ts";
export * from "./frame_display.ts";
export * from "./markdown_table.ts";
