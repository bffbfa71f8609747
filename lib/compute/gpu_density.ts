/**
 * GPU density: all-in power per GPU from a system's power, and GPUs per IT megawatt
 * (F8: GPUs per IT MW = 1000 ÷ (system kW ÷ GPUs per system)).
 *
 * @module
 */
import { positive, wholeNumber } from "../units/checks.ts";
import { type ItPower, type Power, toKw } from "../units/power.ts";
import { kw } from "../units/power.ts";

/** A GPU server or rack: its maximum power and how many GPUs it holds. */
export interface GpuSystem {
  /** Product name. */
  readonly name: string;
  /** Maximum system power, all components included. */
  readonly systemPower: Power;
  /** GPUs in one system. */
  readonly gpusPerSystem: number;
  /** Where the figures come from. */
  readonly source: string;
}

/** NVIDIA DGX H100: 8 GPUs, 10.2 kW maximum [S40]. */
export const DGX_H100: GpuSystem = {
  name: "DGX H100",
  systemPower: kw(10.2),
  gpusPerSystem: 8,
  source: "https://www.supercluster.blog/p/6-ai-supercluster-nvidia-dgx-h100",
};
/** NVIDIA DGX B200: 8 GPUs, 14.3 kW maximum [S41]. */
export const DGX_B200: GpuSystem = {
  name: "DGX B200",
  systemPower: kw(14.3),
  gpusPerSystem: 8,
  source: "https://thedailyscout.com/s/mS-qfkbCluI",
};
/** NVIDIA GB200 NVL72 rack: 72 GPUs, ~120 kW [S42]. */
export const GB200_NVL72: GpuSystem = {
  name: "GB200 NVL72",
  systemPower: kw(120),
  gpusPerSystem: 72,
  source: "https://introl.com/blog/gb200-nvl72-deployment-72-gpu-liquid-cooled",
};

/**
 * All-in power per GPU of a system.
 *
 * @example DGX H100: 10.2 kW ÷ 8 = 1.275 kW per GPU
 * ```ts
 * import { DGX_H100, powerPerGpu } from "./gpu_density.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(powerPerGpu(DGX_H100), 1275);
 * ```
 */
export function powerPerGpu(system: Pick<GpuSystem, "systemPower" | "gpusPerSystem">): Power {
  const gpus = wholeNumber("gpusPerSystem", system.gpusPerSystem, 1);
  return (positive("systemPower", system.systemPower) / gpus) as Power;
}

/**
 * GPUs that one IT megawatt powers (F8), or that `itPower` powers when given.
 *
 * @example DGX H100 ≈ 784 per MW; DGX B200 ≈ 559; GB200 NVL72 = 600 (F8 on the systems above)
 * ```ts
 * import { DGX_B200, DGX_H100, GB200_NVL72, gpusPerItMw } from "./gpu_density.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(Math.round(gpusPerItMw(DGX_H100)), 784);
 * assert.equal(Math.round(gpusPerItMw(DGX_B200)), 559);
 * assert.equal(Math.round(gpusPerItMw(GB200_NVL72)), 600);
 * ```
 */
export function gpusPerItMw(system: Pick<GpuSystem, "systemPower" | "gpusPerSystem">): number {
  return 1000 / toKw(powerPerGpu(system));
}

/**
 * GPUs a site's IT capacity powers, rounded down to whole systems.
 *
 * @example 200 IT MW of GB200 NVL72 racks: 1,666 racks, 119,952 GPUs
 * ```ts
 * import { GB200_NVL72, gpusForItPower } from "./gpu_density.ts";
 * import { itMw } from "../units/power.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(gpusForItPower(itMw(200), GB200_NVL72), { systems: 1666, gpus: 119_952 });
 * ```
 */
export function gpusForItPower(
  itPower: ItPower,
  system: Pick<GpuSystem, "systemPower" | "gpusPerSystem">,
): { systems: number; gpus: number } {
  const systems = Math.floor(
    positive("itPower", itPower) / positive("systemPower", system.systemPower) + 1e-9,
  );
  return { systems, gpus: systems * wholeNumber("gpusPerSystem", system.gpusPerSystem, 1) };
}
