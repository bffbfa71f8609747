/**
 * The exhibit gallery: every chart builder drawn once with real data from `data/`, for review.
 * Figures come from the datasets and the models; where a chart needs an assumption the data do
 * not hold (a discount rate, a multiple), its subtitle says "illustrative".
 *
 * @module
 */
import { type Exhibit, exhibitNumbering } from "../exhibit.ts";
import { galleryContext } from "./context.ts";
import { dealExhibits, marketExhibits } from "./deals.ts";
import { networkExhibits, priceFanExhibit } from "./network.ts";
import { siteExhibits } from "./site.ts";

/** Builds the gallery's exhibits, numbered in order. */
export async function galleryExhibits(): Promise<Exhibit[]> {
  const ctx = await galleryContext();
  const exhibit = exhibitNumbering();
  return [
    ...networkExhibits(ctx, exhibit),
    ...marketExhibits(ctx, exhibit),
    ...siteExhibits(ctx, exhibit),
    ...priceFanExhibit(ctx, exhibit),
    ...dealExhibits(ctx, exhibit),
  ];
}
