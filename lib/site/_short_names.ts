/** An ASIC model's name without its maker's brand, as tables and labels print it: "S21". */
export function shortAsicName(model: string): string {
  return model.replace("Antminer ", "");
}
