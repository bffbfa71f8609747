/**
 * The house style: one Vega-Lite `Config` for every exhibit. Restrained sell-side colours
 * (navy, blue, teal, greys, one accent), no chart border, light horizontal gridlines only,
 * small grey axis labels, legend at the top left.
 *
 * The font is Inter (Debian `fonts-inter`, SIL OFL). Exhibits are measured and drawn by the
 * same engine with the same installed font, so labels are never clipped: in the PDF, Vega lays
 * out the chart inside the Chromium that prints it.
 *
 * @module
 */
import type { Config } from "vega-lite";

/** House colours, in the order series take them. */
export const HOUSE_COLORS = {
  navy: "#0B2545",
  blue: "#2F6DB5",
  teal: "#1B998B",
  grey: "#8D99AE",
  lightBlue: "#A9C4E4",
  darkGrey: "#4A4E57",
  accent: "#D1495B",
  gold: "#D9A441",
} as const;

/** The house font's files (Inter, Debian `fonts-inter`, SIL Open Font License) by weight: the
 * same files measure text for layout and draw it in SVG → PNG. */
export const HOUSE_FONT_FILES = {
  400: "/usr/share/fonts/opentype/inter/Inter-Regular.otf",
  500: "/usr/share/fonts/opentype/inter/Inter-Medium.otf",
  600: "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf",
  700: "/usr/share/fonts/opentype/inter/Inter-Bold.otf",
} as const;

/** The font family used to measure and draw every exhibit. */
export const HOUSE_FONT = "Inter";

/** Standard exhibit widths in CSS pixels: one column, or the full text width. */
export const EXHIBIT_WIDTH = { oneColumn: 330, twoColumn: 680 } as const;

/** The house Vega-Lite config. */
export const HOUSE_CONFIG: Config = {
  font: HOUSE_FONT,
  background: "white",
  padding: 4,
  view: { stroke: null },
  range: {
    category: [
      HOUSE_COLORS.navy,
      HOUSE_COLORS.blue,
      HOUSE_COLORS.teal,
      HOUSE_COLORS.grey,
      HOUSE_COLORS.lightBlue,
      HOUSE_COLORS.darkGrey,
      HOUSE_COLORS.gold,
      HOUSE_COLORS.accent,
    ],
  },
  axis: {
    labelColor: "#5C6370",
    labelFontSize: 10,
    titleColor: "#4A4E57",
    titleFontSize: 10,
    titleFontWeight: "normal",
    domainColor: "#8D99AE",
    tickColor: "#8D99AE",
    gridColor: "#E6E9EE",
  },
  axisX: { grid: false, labelAngle: 0, labelFlush: true },
  axisY: {
    grid: true,
    domain: false,
    ticks: false,
    titleAngle: 0,
    titleAlign: "left",
    titleY: -12,
  },
  legend: {
    orient: "top",
    direction: "horizontal",
    labelFontSize: 10,
    labelColor: "#4A4E57",
    labelLimit: 320, // Vega's default of 160 px cut longer series names short
    title: null,
    symbolSize: 80,
  },
  line: { strokeWidth: 1.6 },
  title: { anchor: "start", fontSize: 12, fontWeight: 600, color: HOUSE_COLORS.navy },
};
