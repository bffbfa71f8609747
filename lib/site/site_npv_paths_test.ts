import assert from "node:assert/strict";
import { gbmPaths } from "../finance/gbm_paths.ts";
import { hashratePaths } from "../finance/hashrate_paths.ts";
import type { PathSet } from "../finance/path_set.ts";
import { ehs, type UsdPerKwh } from "../units/mod.ts";
import { coreScientificSite, H100_CLOUD } from "./_testing.ts";
import { hashpriceScenarios } from "./hashprice_scenarios.ts";
import { siteCashFlows } from "./site_cash_flows.ts";
import { siteNpv } from "./site_npv.ts";
import { siteNpvPaths, type SiteNpvPathsOptions } from "./site_npv_paths.ts";
import type { SitePlan } from "./site_plan.ts";
import { siteReturns } from "./site_returns.ts";
import { assertAlmostEquals } from "../testing/assert_almost_equals.ts";

/** 1e-9 of the expected value, or 1e-9 absolute below 1. */
const TOLERANCE = { absolute: 1e-9, relative: 1e-9 };

const MONTHS = 72;
const PATHS = 40;

/** Seeded hashprice paths (BTC by GBM, hashrate growing), `steps` months each. */
function simulated(steps: number, volAnnual = 0.7): PathSet {
  const common = { steps, stepYears: 1 / 12, paths: PATHS } as const;
  return hashpriceScenarios({
    btcPrice: gbmPaths({ ...common, start: 90_000, driftAnnual: 0, volAnnual, seed: 3 }),
    networkHashrate: hashratePaths({
      ...common,
      start: ehs(950),
      growthAnnual: 0.3,
      volAnnual: 0.15,
      seed: 4,
    }),
    startHeight: 940_000,
    feesBtcPerBlock: 0.02,
  });
}

/** GPU rental price paths around $2 an hour. */
function gpuPrices(steps: number): PathSet {
  return gbmPaths({
    start: 2,
    driftAnnual: -0.1,
    volAnnual: 0.3,
    steps,
    stepYears: 1 / 12,
    paths: PATHS,
    seed: 5,
  });
}

function row(set: PathSet, p: number): Float64Array {
  return set.paths.subarray(p * set.steps, (p + 1) * set.steps);
}

/** Every path through siteCashFlows + siteNpv, as bestSplit did before the vectorised form. */
function perPath(plan: SitePlan, options: SiteNpvPathsOptions) {
  const count = options.hashprice?.pathCount ?? options.gpuPrice?.pathCount ?? 1;
  return Array.from({ length: count }, (_, p) => {
    let next = plan;
    if (options.hashprice) {
      next = { ...next, mining: { ...next.mining, hashprice: row(options.hashprice, p) } };
    }
    if (options.gpuPrice && next.ai.kind === "gpu cloud") {
      next = { ...next, ai: { ...next.ai, priceUsdPerGpuHour: row(options.gpuPrice, p) } };
    }
    return siteCashFlows(next, { aiShare: options.aiShare });
  });
}

function assertSame(plan: SitePlan, options: SiteNpvPathsOptions, label: string): number {
  const run = siteNpvPaths(plan, { ...options, cumulativeCash: true });
  const flows = perPath(plan, options);
  assert.equal(run.pathCount, flows.length, label);
  let off = 0;
  let sum = 0;
  let losses = 0;
  for (const [p, f] of flows.entries()) {
    const npv = siteNpv(f, options);
    assertAlmostEquals(
      run.npvsUsd[p]!,
      npv,
      TOLERANCE,
      `${label}, path ${p}: ${run.npvsUsd[p]} vs ${npv}`,
    );
    // The same operations in the same order: bit for bit.
    assert.equal(run.npvsUsd[p], npv, `${label}, path ${p}`);
    // Peak funding of the horizon's cash (no terminal value): siteReturns' (lib/finance
    // peakFundingNeed on dated flows).
    const returns = siteReturns(f, { discountRate: options.discountRate });
    assertAlmostEquals(
      run.peakFundingUsd[p]!,
      returns.peakFundingUsd,
      TOLERANCE,
      `${label}, funding ${p}`,
    );
    assertAlmostEquals(
      run.capexUsd,
      returns.capexUsd,
      TOLERANCE,
      `${label}, capex`,
    );
    let cumulative = 0;
    for (let m = 0; m < plan.horizonMonths; m++) {
      cumulative += f.cashFlow[m]!;
      assert.equal(run.cumulativeCashUsd!.paths[p * plan.horizonMonths + m], cumulative);
    }
    off += f.miningRunning.filter((on) => on === 0).length;
    sum += npv;
    if (npv < 0) losses++;
  }
  assert.equal(run.npvMeanUsd, sum / flows.length, label);
  assert.equal(run.lossProbability, losses / flows.length, label);
  return off;
}

Deno.test("siteNpvPaths equals siteCashFlows + siteNpv on every path, over varied plans", async (t) => {
  const hashprice = simulated(MONTHS);
  const colocation = coreScientificSite(MONTHS, 45);
  const cloud: SitePlan = { ...colocation, ai: H100_CLOUD };
  const terminal = { miningEbitdaMultiple: 4, aiEbitdaMultiple: 10 };
  let belowMean = 0;

  await t.step("colocation, switch-off at a loss, fixed opex paid while off", () => {
    for (const aiShare of [0, 0.35, 1]) {
      belowMean += assertSame(
        colocation,
        { aiShare, hashprice, discountRate: 0.1 },
        `${aiShare}`,
      );
    }
  });
  await t.step("colocation with a terminal value and capex phasing", () => {
    const phased: SitePlan = {
      ...colocation,
      mining: { ...colocation.mining, capexUsdPerMw: 4e5 },
      ai: { ...colocation.ai, capexPhasing: [0.2, 0.3, 0.5] },
    };
    assertSame(phased, { aiShare: 0.5, hashprice, discountRate: 0.12, terminal }, "terminal");
  });
  await t.step("running at a loss (switchOffAtLoss false)", () => {
    const literal: SitePlan = {
      ...colocation,
      mining: { ...colocation.mining, switchOffAtLoss: false },
    };
    assertSame(literal, { aiShare: 0.2, hashprice, discountRate: 0.1, terminal }, "literal");
  });
  await t.step("opex paid only while hashing (otherOpexWhileOff false)", () => {
    const perTh: SitePlan = {
      ...colocation,
      mining: { ...colocation.mining, otherOpexUsdPerMwMonth: 8_000, otherOpexWhileOff: false },
    };
    belowMean += assertSame(perTh, { aiShare: 0.1, hashprice, discountRate: 0.09 }, "per TH");
  });
  await t.step("curtailment with credits, tax, uptime and a pool fee", () => {
    const curtailed: SitePlan = {
      ...colocation,
      mining: {
        ...colocation.mining,
        uptime: 0.97,
        curtailedShare: 0.08,
        curtailmentCreditUsdPerKwh: 0.03,
        taxUsdPerKwh: 0.01,
        poolFee: 0.02,
      },
    };
    belowMean += assertSame(
      curtailed,
      { aiShare: 0.4, hashprice, discountRate: 0.1, terminal },
      "curtailed",
    );
  });
  await t.step("GPU cloud: the plan's price, then GPU price paths", () => {
    assertSame(cloud, { aiShare: 0.3, hashprice, discountRate: 0.1, terminal }, "cloud");
    const gpuPrice = gpuPrices(MONTHS);
    assertSame(cloud, { aiShare: 0.3, hashprice, gpuPrice, discountRate: 0.1, terminal }, "gpu");
    // GPU paths alone: the plan's hashprice on every path.
    assertSame(cloud, { aiShare: 0.6, gpuPrice, discountRate: 0.1 }, "gpu only");
  });
  await t.step("the plan's own hashprice as one path; a horizon under a year", () => {
    assertSame(colocation, { aiShare: 0.5, discountRate: 0.1, terminal }, "own");
    const short = coreScientificSite(7, Array.from({ length: 7 }, (_, m) => 20 + 3 * m));
    assertSame(short, { aiShare: 0.5, discountRate: 0.1, terminal }, "short");
  });
  await t.step("paths longer than the horizon: the first horizonMonths of each", () => {
    assertSame(
      colocation,
      { aiShare: 0.25, hashprice: simulated(MONTHS + 5), discountRate: 0.1 },
      "long",
    );
  });
  assert.ok(belowMean > 0); // the switch-off is exercised
});

Deno.test("siteNpvPaths rejects bad paths and options, naming them", () => {
  const plan = coreScientificSite(MONTHS, 45);
  const hashprice = simulated(MONTHS);
  const bad = (cell: number, value: number): PathSet => {
    const paths = hashprice.paths.slice();
    paths[cell] = value;
    return { ...hashprice, paths };
  };
  assert.throws(
    () => siteNpvPaths(plan, { aiShare: 0, discountRate: 0.1, hashprice: bad(MONTHS + 3, -1) }),
    /Cannot use hashprice.paths\[75\] \(path 1, month 3\): expected a finite value >= 0, got -1/,
  );
  assert.throws(
    () => siteNpvPaths(plan, { aiShare: 0, discountRate: 0.1, hashprice: bad(0, Infinity) }),
    /hashprice.paths\[0\] \(path 0, month 0\): expected a finite value >= 0, got Infinity/,
  );
  assert.throws(
    () => siteNpvPaths(plan, { aiShare: 0, discountRate: 0.1, hashprice: simulated(MONTHS - 1) }),
    /Cannot use hashprice: expected at least 72 monthly values per path, got 71/,
  );
  assert.throws(
    () =>
      siteNpvPaths(plan, {
        aiShare: 0,
        discountRate: 0.1,
        hashprice: { ...hashprice, pathCount: PATHS + 1 },
      }),
    /Cannot use paths: expected pathCount × steps = 2952 values, got 2880/,
  );
  const cloud: SitePlan = { ...plan, ai: H100_CLOUD };
  const fewer = gbmPaths({
    start: 2,
    driftAnnual: 0,
    volAnnual: 0.3,
    steps: MONTHS,
    stepYears: 1 / 12,
    paths: 3,
  });
  assert.throws(
    () => siteNpvPaths(cloud, { aiShare: 0.5, discountRate: 0.1, hashprice, gpuPrice: fewer }),
    /Cannot pair scenarios: hashprice has 40 paths, gpuPrice 3/,
  );
  assert.throws(
    () => siteNpvPaths(plan, { aiShare: 0.5, discountRate: 0.1, gpuPrice: fewer }),
    /Cannot use gpuPrice: the plan's AI segment is not a GPU cloud/,
  );
  assert.throws(
    () => siteNpvPaths(plan, { aiShare: 1.2, discountRate: 0.1 }),
    /aiShare: expected a fraction between 0 and 1, got 1.2/,
  );
  assert.throws(
    () => siteNpvPaths(plan, { aiShare: 0, discountRate: -1 }),
    /discountRate: expected a rate > -1, got -1/,
  );
  assert.throws(
    () => siteNpvPaths(plan, { aiShare: 0, discountRate: 0.1, terminal: { aiEbitdaMultiple: -2 } }),
    /terminal.aiEbitdaMultiple/,
  );
  assert.throws(
    () =>
      siteNpvPaths({ ...plan, mining: { ...plan.mining, powerPrice: -0.01 as UsdPerKwh } }, {
        aiShare: 0,
        discountRate: 0.1,
        hashprice,
      }),
    /mining.powerPrice/,
  );
  assert.throws(
    () => siteNpvPaths({ ...plan, horizonMonths: 0 }, { aiShare: 0, discountRate: 0.1 }),
    /horizonMonths/,
  );
});

Deno.test("siteNpvPaths on price and hashrate models equals it on their stored paths", async (t) => {
  // 600 paths: two full blocks of 256 and a part block, so block edges are crossed.
  const paths = 600;
  const months = 96;
  const model = {
    btcPrice: {
      start: 90_000,
      driftAnnual: 0,
      volAnnual: 0.7,
      steps: months,
      stepYears: 1 / 12,
      paths,
      seed: 3,
    },
    networkHashrate: {
      start: ehs(950),
      growthAnnual: 0.3,
      volAnnual: 0.15,
      steps: months,
      stepYears: 1 / 12,
      paths,
      seed: 4,
    },
    startHeight: 940_000,
    feesBtcPerBlock: 0.02,
  };
  const hashprice = hashpriceScenarios({
    btcPrice: gbmPaths(model.btcPrice),
    networkHashrate: hashratePaths(model.networkHashrate),
    startHeight: model.startHeight,
    feesBtcPerBlock: model.feesBtcPerBlock,
  });
  const colocation = coreScientificSite(MONTHS, 45);
  const terminal = { miningEbitdaMultiple: 4, aiEbitdaMultiple: 10 };
  const gpuPrice = gbmPaths({
    start: 2,
    driftAnnual: -0.1,
    volAnnual: 0.3,
    steps: months,
    stepYears: 1 / 12,
    paths,
    seed: 5,
  });
  const cases: [string, SitePlan, Omit<SiteNpvPathsOptions, "hashprice" | "hashpriceModel">][] = [
    ["colocation with a terminal value", colocation, { aiShare: 0.3, discountRate: 0.1, terminal }],
    ["all mining, running at a loss", {
      ...colocation,
      mining: { ...colocation.mining, switchOffAtLoss: false },
    }, { aiShare: 0, discountRate: 0.08 }],
    ["GPU cloud on paired GPU price paths", { ...colocation, ai: H100_CLOUD }, {
      aiShare: 0.5,
      discountRate: 0.12,
      gpuPrice,
    }],
  ];
  for (const [label, plan, options] of cases) {
    await t.step(label, () => {
      const drawn = siteNpvPaths(plan, { ...options, hashpriceModel: model, cumulativeCash: true });
      const stored = siteNpvPaths(plan, { ...options, hashprice, cumulativeCash: true });
      assert.equal(drawn.pathCount, paths);
      assert.equal(drawn.cumulativeCashUsd!.seed, hashprice.seed);
      // Hashprice differs in the last bits (one exponential of a difference for a quotient of
      // two): 1e-9 of the largest NPV is far above that and far below any dollar that matters.
      const scale = stored.npvsUsd.reduce((most, v) => Math.max(most, Math.abs(v)), 0);
      const tolerance = { absolute: 1e-9 * scale };
      let belowMean = 0;
      for (let p = 0; p < paths; p++) {
        assertAlmostEquals(drawn.npvsUsd[p]!, stored.npvsUsd[p]!, tolerance, `${label}, path ${p}`);
        assertAlmostEquals(drawn.peakFundingUsd[p]!, stored.peakFundingUsd[p]!, tolerance);
        const last = (p + 1) * MONTHS - 1;
        assertAlmostEquals(
          drawn.cumulativeCashUsd!.paths[last]!,
          stored.cumulativeCashUsd!.paths[last]!,
          tolerance,
        );
        if (stored.npvsUsd[p]! < stored.npvMeanUsd) belowMean++;
      }
      assert.ok(belowMean > 0 && belowMean < paths); // the paths spread on both sides
      assertAlmostEquals(drawn.npvMeanUsd, stored.npvMeanUsd, tolerance);
      assert.equal(drawn.lossProbability, stored.lossProbability);
      assert.equal(drawn.capexUsd, stored.capexUsd);
    });
  }
  await t.step("bad models and options are named", () => {
    const options = { aiShare: 0.3, discountRate: 0.1 };
    assert.throws(
      () => siteNpvPaths(colocation, { ...options, hashprice, hashpriceModel: model }),
      /Cannot use both hashprice and hashpriceModel: give one/,
    );
    const short = {
      ...model,
      btcPrice: { ...model.btcPrice, steps: 60 },
      networkHashrate: { ...model.networkHashrate, steps: 60 },
    };
    assert.throws(
      () => siteNpvPaths(colocation, { ...options, hashpriceModel: short }),
      /Cannot use hashpriceModel: expected at least 72 monthly values per path, got 60/,
    );
    assert.throws(
      () =>
        siteNpvPaths(colocation, {
          ...options,
          hashpriceModel: { ...model, networkHashrate: { ...model.networkHashrate, paths: 10 } },
        }),
      /Cannot combine paths: btcPrice is 600×96, networkHashrate is 10×96/,
    );
    assert.throws(
      () =>
        siteNpvPaths(colocation, {
          ...options,
          hashpriceModel: { ...model, btcPrice: { ...model.btcPrice, volAnnual: -0.2 } },
        }),
      /Cannot use volAnnual: expected a value >= 0, got -0.2/,
    );
    // A price path that overflows is named by path and month, as a stored one would be.
    const explosive = {
      ...model,
      btcPrice: { ...model.btcPrice, start: 1e300, driftAnnual: 1_000, volAnnual: 0 },
    };
    assert.throws(
      () => siteNpvPaths(colocation, { ...options, hashpriceModel: explosive }),
      /Cannot use hashprice.paths\[0\] \(path 0, month 0\): expected a finite value >= 0, got Infinity/,
    );
  });
});
