// The brand behind every unit type: a number tagged at compile time with its unit, free at run
// time. Only this folder creates branded values; everything else uses the converters.
declare const unitTag: unique symbol;

/** A number tagged with its unit `U` at compile time. */
export type Quantity<U extends string> = number & { readonly [unitTag]: U };

/** Tags `value` with a unit; internal to `lib/units`. */
export function tag<U extends string>(value: number): Quantity<U> {
  return value as Quantity<U>;
}
