"""Benchmark: `ssgraph init --examples` into a new store, with an empty validation cache
("cold") and with the cache the first run filled ("warm"); median wall and CPU time of the
child process (user + system, from wait4) over several runs, and a last SUMMARY line.

Each run is a fresh process (`python -m ssgraph`), so Python's start-up and module imports
count, as they do for a user. To time another checkout of the code, run the script with
PYTHONPATH pointing at that checkout's src folder.

Usage:
    python benchmarks/init_speed.py [--runs 5] [--workdir var/init-bench]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def one_init(store: Path, cache: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak memory (KB) of one `init --examples`."""
    shutil.rmtree(store, ignore_errors=True)
    env = {**os.environ, "SSGRAPH_VALIDATION_CACHE": str(cache)}
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "ssgraph", "--store", str(store), "init", "--examples"],
                             env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"init failed with exit code {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path("var/init-bench"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    store = args.workdir / "store"
    figures: dict[str, list[tuple[float, float, int]]] = {"cold": [], "warm": []}
    for run in range(args.runs):
        cache = args.workdir / f"cache-{run}"
        shutil.rmtree(cache, ignore_errors=True)
        for kind in ("cold", "warm"):  # the cold run fills the cache the warm one reads
            figures[kind].append(one_init(store, cache))
            wall, cpu, peak = figures[kind][-1]
            print(f"run {run + 1} {kind}: {wall:.2f} s wall, {cpu:.2f} s CPU, peak {peak / 1024:.0f} MB", flush=True)
        shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(store, ignore_errors=True)
    medians = {kind: (statistics.median(f[0] for f in runs), statistics.median(f[1] for f in runs))
               for kind, runs in figures.items()}
    for kind, (wall, cpu) in medians.items():
        print(f"{kind}: median {wall:.2f} s wall, {cpu:.2f} s CPU over {args.runs} runs")
    print(f"SUMMARY runs={args.runs} cold_wall_s={medians['cold'][0]:.2f} cold_cpu_s={medians['cold'][1]:.2f} "
          f"warm_wall_s={medians['warm'][0]:.2f} warm_cpu_s={medians['warm'][1]:.2f} "
          f"load={os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
