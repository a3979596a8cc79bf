"""Proxy overhead: a bare LiteLLM proxy vs the same proxy with the cailos bundle, side by side in one run.

Same sandbox (zero added latency), same model_list, same load generator and concurrency. Both proxies run side by
side for the whole run and take turns in short bursts (the order flips every round), so drift on a shared or
virtualised machine — CPU steal, a neighbour's job — hits both alike. The last line is the summary:

    overhead: bundle/bare throughput=<ratio> p50_added_ms=<x> p95_added_ms=<y>

Usage: python bench/overhead.py [--requests 150] [--concurrency 16] [--rounds 40] [--model gpt-4o-mini]
                                [--bundle full|passthrough] [--state-url sqlite:///… | memory:// | redis://…]

--bundle passthrough runs the bundle with CAILOS_BYPASS=true (every stage a pass-through): the cost of merely
having it installed. --bundle full (default) runs every stage: ranking, PII shield, guard, breakers, state store.
With --model auto…, the bare proxy is sent the named endpoint that auto serves the benchmark message from (asked
once before the rounds), so both proxies do the same provider work.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

import httpx

from cailos_litellm.launch import MASTER_KEY, render_config, run_proxy
from cailos_litellm.sandbox.process import run_sandbox

WARMUP = 20  # requests per burst before timing starts: connections, caches, first-call imports
MESSAGES = [{"role": "user", "content": "Classify this ticket: the invoice total is wrong on order 1182."}]


def bare_config(config: dict) -> dict:
    bare = copy.deepcopy(config)
    bare["litellm_settings"].pop("callbacks", None)
    bare.pop("cailos_settings", None)
    return bare


async def served_by(url: str, model: str) -> str:
    """The endpoint the bundle serves `model` from for the benchmark message (x-cailos-endpoint)."""
    async with httpx.AsyncClient(base_url=url, timeout=30, headers={"Authorization": f"Bearer {MASTER_KEY}"}) as c:
        response = await c.post("/v1/chat/completions", json={"model": model, "messages": MESSAGES})
        response.raise_for_status()
        return response.headers["x-cailos-endpoint"]


async def load(url: str, model: str, requests: int, concurrency: int) -> tuple[float, list[float]]:
    """Send `requests` requests at `concurrency` after a short warm-up: (seconds taken, latencies in ms)."""
    latencies: list[float] = []
    queue = iter(range(requests))
    body = {"model": model, "messages": MESSAGES}
    headers = {"Authorization": f"Bearer {MASTER_KEY}"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30, headers=headers) as client:
        async def worker() -> None:
            for _ in queue:
                start = time.perf_counter()
                response = await client.post("/v1/chat/completions", json=body)
                latencies.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {response.status_code}: {response.text[:300]}")

        for _ in range(WARMUP):
            await client.post("/v1/chat/completions", json=body)
        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return elapsed, latencies


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pin(pid: int, cpus: set[int]) -> None:
    """Every thread of a process onto `cpus` (threads started later inherit it)."""
    for tid in os.listdir(f"/proc/{pid}/task"):
        os.sched_setaffinity(int(tid), cpus)


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=150, help="per proxy per round")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--model", default="gpt-4o-mini", help="named model (transparent gateway) or e.g. auto")
    parser.add_argument("--bundle", choices=("full", "passthrough"), default="full")
    parser.add_argument("--state-url", default=None, help="CAILOS_STATE_URL for the bundle (default: its own)")
    args = parser.parse_args()
    if args.rounds < 2:
        parser.error("--rounds must be at least 2 (the order of the two proxies flips every round)")
    if args.bundle == "passthrough" and args.model.startswith("auto"):
        parser.error("a pass-through bundle does not route: use a named model with --bundle passthrough")
    bundle_env = {"CAILOS_BYPASS": "true"} if args.bundle == "passthrough" else {}
    if args.state_url:
        bundle_env["CAILOS_STATE_URL"] = args.state_url

    elapsed: dict[str, float] = {"bare": 0.0, "bundle": 0.0}
    cpu: dict[str, float] = {"bare": 0.0, "bundle": 0.0}
    round_ratios: list[float] = []  # bundle/bare throughput of each round's two bursts, adjacent in time
    latencies: dict[str, list[float]] = {"bare": [], "bundle": []}
    with run_sandbox(seed=0, latency_scale=0) as sandbox, tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        config = render_config(sandbox)
        bundle = stack.enter_context(run_proxy(config, Path(tmp) / "bundle", env=bundle_env))
        bare_model = args.model
        if args.model.startswith("auto"):  # bare LiteLLM gets the endpoint the bundle picks, so both do the same work
            bare_model = asyncio.run(served_by(bundle.url, args.model))
        bare = stack.enter_context(run_proxy(bare_config(config), Path(tmp) / "bare"))
        variants = {"bare": (bare, bare_model), "bundle": (bundle, args.model)}
        cores = sorted(os.sched_getaffinity(0))
        if len(cores) >= 2:  # the proxy under load gets a core of its own; load generator and sandbox the rest
            for proxy in (bare, bundle):
                pin(proxy.process.pid, {cores[-1]})
            for pid in (os.getpid(), sandbox.process.pid):
                pin(pid, set(cores[:-1]))
        print(f"{args.rounds} rounds of {args.requests} requests per proxy, concurrency {args.concurrency}; bare model "
              f"{bare_model}, bundle model {args.model}", file=sys.stderr, flush=True)
        for round_no in range(args.rounds):
            order = ["bare", "bundle"] if round_no % 2 == 0 else ["bundle", "bare"]
            line, burst_rps = [], {}
            for name in order:
                proxy, model = variants[name]
                before = cpu_seconds(proxy.process.pid)
                took, lat = asyncio.run(load(proxy.url, model, args.requests, args.concurrency))
                used = cpu_seconds(proxy.process.pid) - before
                elapsed[name] += took
                cpu[name] += used
                latencies[name] += lat
                burst_rps[name] = args.requests / took
                line.append(f"{name} {burst_rps[name]:6.1f} req/s "
                            f"{1000 * used / (args.requests + WARMUP):5.2f} cpu-ms/req")
            round_ratios.append(burst_rps["bundle"] / burst_rps["bare"])
            print(f"  round {round_no + 1:2d}/{args.rounds}: " + "  ".join(line), file=sys.stderr, flush=True)

    summary = {}
    for name in ("bare", "bundle"):
        rps = len(latencies[name]) / elapsed[name]
        summary[name] = (rps, pct(latencies[name], 50), pct(latencies[name], 95))
        cpu_ms = 1000 * cpu[name] / (args.rounds * (args.requests + WARMUP))  # the proxy served the warm-up too
        print(f"{name:6s} total: {rps:7.1f} req/s  p50 {summary[name][1]:6.2f} ms  p95 {summary[name][2]:6.2f} ms  "
              f"proxy CPU {cpu_ms:5.2f} ms/request ({len(latencies[name])} requests, concurrency {args.concurrency})")
    print(f"bundle: {args.bundle}, model {args.model}, bare model {bare_model}, state {args.state_url or 'default'}")
    quartiles = statistics.quantiles(round_ratios, n=4)
    print(f"per-round throughput ratio: median {quartiles[1]:.3f}, quartiles {quartiles[0]:.3f}-{quartiles[2]:.3f} "
          f"({len(round_ratios)} rounds)")
    (b_rps, b50, b95), (c_rps, c50, c95) = summary["bare"], summary["bundle"]
    print(f"overhead: bundle/bare throughput={c_rps / b_rps:.3f} p50_added_ms={c50 - b50:.2f} "
          f"p95_added_ms={c95 - b95:.2f}")


if __name__ == "__main__":
    main()
