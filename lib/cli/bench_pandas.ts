/**
 * Side-by-side timing: mullet's parse-and-validate of `data/btc_daily.csv` against
 * `pandas.read_csv` of the same file (Debian's python3-pandas), best of N runs each.
 *
 * @module
 */
import { btcDailyFromCsv } from "../data/btc_daily.ts";

const RUNS = 30;
const path = new URL("../../data/btc_daily.csv", import.meta.url).pathname;

function bestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const ours = bestOf(RUNS, () => btcDailyFromCsv(Deno.readTextFileSync(path)));
const script = `
import time, pandas
best = min((lambda t0: (pandas.read_csv(${
  JSON.stringify(path)
}), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(${RUNS}))
print(best * 1000)
`;
const python = new Deno.Command("/usr/bin/python3", { args: ["-c", script], stderr: "piped" });
const { code, stdout, stderr } = await python.output();
console.log(
  `mullet btcDailyFromCsv (read + parse + validate): ${ours.toFixed(2)} ms (best of ${RUNS})`,
);
if (code === 0) {
  const theirs = Number(new TextDecoder().decode(stdout).trim());
  console.log(
    `pandas.read_csv (read + parse, no validation):  ${theirs.toFixed(2)} ms (best of ${RUNS})`,
  );
  console.log(`ratio mullet / pandas: ${(ours / theirs).toFixed(2)}`);
} else {
  console.log(
    `pandas unavailable (${new TextDecoder().decode(stderr).trim().split("\n").at(-1)});` +
      " install Debian's python3-pandas to compare",
  );
}
