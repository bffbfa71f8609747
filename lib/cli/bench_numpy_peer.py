"""The numpy peer of lib/cli/bench_numpy.ts: the same site Monte Carlo written the way a numpy
user would, vectorised over paths (BTC price by GBM, network hashrate as a lognormal walk,
hashprice from both, the site's mining margin with switch-off at a loss, cash flow, NPV per path,
then the mean, P5/P50/P95 and the loss probability), and the generators and percentile bands
alone.

Reads one JSON line of model inputs, then one JSON command a line, and answers each with one
JSON line. `--memory CASE PATHS on|off` instead runs one case in this fresh process and prints
its peak resident memory. Run with Debian's /usr/bin/python3 and python3-numpy.
"""
import json
import sys
import time

import numpy as np


def peak_kib():
    # VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec, so a child would report its parent's
    # peak.
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def set_hugepages(enabled):
    # numpy advises the kernel to back large arrays with transparent huge pages (THP "madvise"
    # mode); this switches that advice for arrays allocated from now on.
    np.core.multiarray._set_madvise_hugepage(bool(enabled))


def log_walk(rng, paths, months, start, drift, sigma):
    z = rng.standard_normal((paths, months))
    z *= sigma
    z += drift
    np.cumsum(z, axis=1, out=z)
    z += np.log(start)
    np.exp(z, out=z)
    return z


def btc_price(cfg, paths):
    g = cfg["gbm"]
    dt = g["stepYears"]
    drift = (g["driftAnnual"] - g["volAnnual"] ** 2 / 2) * dt
    rng = np.random.default_rng(g["seed"])
    return log_walk(rng, paths, cfg["months"], g["start"], drift, g["volAnnual"] * dt**0.5)


def network_hashrate(cfg, paths):
    h = cfg["hashrate"]
    dt = h["stepYears"]
    rng = np.random.default_rng(h["seed"])
    drift = np.log1p(h["growthAnnual"]) * dt
    return log_walk(rng, paths, cfg["months"], h["start"], drift, h["volAnnual"] * dt**0.5)


def site_npvs(cfg, hashprice):
    """NPV per path of the site at one split, from hashprice paths (USD/PH/day)."""
    s = cfg["site"]
    months = cfg["months"]
    revenue = hashprice * (s["phsPerGrossMw"] * s["daysPerMonth"] * s["running"] * s["payout"])
    if s["switchOff"]:
        on = revenue - s["powerPerMw"] - s["runningOpex"] + s["creditPerMw"] >= 0
    else:
        on = np.ones(revenue.shape, dtype=bool)
    margin = np.where(on, revenue - s["powerPerMw"] + s["creditPerMw"], 0.0)
    if s["opexWhileOff"]:
        margin -= s["opexPerMw"]
    else:
        margin -= np.where(on, s["opexPerMw"], 0.0)
    margin *= s["miningGrossMw"]
    margin += np.asarray(s["aiEbitda"]) - np.asarray(s["miningCapex"]) - np.asarray(s["aiCapex"])
    factors = (1 + s["discountRate"]) ** (-(np.arange(months) + 1) / 12)
    npvs = margin @ factors
    trough = np.minimum(np.cumsum(margin, axis=1).min(axis=1), 0.0)
    return npvs, -trough


def site_monte_carlo(cfg, paths):
    price = btc_price(cfg, paths)
    hashrate = network_hashrate(cfg, paths)
    reward = cfg["blocksPerDay"] * (np.asarray(cfg["subsidy"]) + cfg["feesBtcPerBlock"])
    price *= reward
    hashrate /= 1000
    price /= hashrate  # hashprice, USD per PH/s per day
    del hashrate
    npvs, funding = site_npvs(cfg, price)
    p5, p50, p95 = np.percentile(npvs, [5, 50, 95])
    return {
        "mean": float(npvs.mean()),
        "p5": float(p5),
        "p50": float(p50),
        "p95": float(p95),
        "loss": float((npvs < 0).mean()),
        "funding": float(funding.mean()),
    }


def run(cfg, case, paths):
    if case == "site":
        return site_monte_carlo(cfg, paths)
    if case == "gbm":
        price = btc_price(cfg, paths)
        return {"last": float(price[0, -1])}
    if case == "hashrate":
        hashrate = network_hashrate(cfg, paths)
        return {"last": float(hashrate[0, -1])}
    raise ValueError(f"unknown case {case}")


def answer(cfg, command):
    op = command["op"]
    set_hugepages(command.get("hugepages", True))
    if op == "bands":
        price = btc_price(cfg, command["paths"])
        t0 = time.perf_counter()
        bands = np.percentile(price, command["percentiles"], axis=0)
        ms = (time.perf_counter() - t0) * 1000
        return {"ms": ms, "p50last": float(bands[len(command["percentiles"]) // 2, -1])}
    if op == "npv":
        hashprice = np.asarray(command["hashprice"], dtype=np.float64)
        hashprice = hashprice.reshape(command["paths"], cfg["months"])
        npvs, funding = site_npvs(cfg, hashprice)
        return {"npvs": npvs.tolist(), "funding": funding.tolist()}
    t0 = time.perf_counter()
    out = run(cfg, op, command["paths"])
    out["ms"] = (time.perf_counter() - t0) * 1000
    return out


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "--memory":
        case, paths, huge = sys.argv[2], int(sys.argv[3]), sys.argv[4] == "on"
        cfg = json.loads(sys.stdin.readline())
        set_hugepages(huge)
        before = peak_kib()
        t0 = time.perf_counter()
        run(cfg, case, paths)
        ms = (time.perf_counter() - t0) * 1000
        peak = peak_kib()
        print(json.dumps({"ms": ms, "beforeMib": before / 1024, "peakMib": peak / 1024}), flush=True)
        return
    cfg = json.loads(sys.stdin.readline())
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as f:
            thp = f.read().strip()
    except OSError as error:
        thp = f"unreadable ({error})"
    print(json.dumps({"numpy": np.__version__, "thp": thp}), flush=True)
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(answer(cfg, json.loads(line))), flush=True)


main()
