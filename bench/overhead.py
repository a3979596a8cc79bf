"""Proxy overhead: a bare LiteLLM proxy vs the same proxy with the cailos bundle, side by side in one run.

Same sandbox (zero added latency), same model_list, same load generator and concurrency. Rounds alternate
bare/bundle so drift on a shared machine hits both. The last line is the summary:

    overhead: bundle/bare throughput=<ratio> p50_added_ms=<x> p95_added_ms=<y>

Usage: python bench/overhead.py [--requests 1500] [--concurrency 16] [--rounds 2] [--model gpt-4o-mini]
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
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from cailos_litellm.launch import MASTER_KEY, render_config, run_proxy
from cailos_litellm.sandbox.process import run_sandbox

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

        for _ in range(20):  # warm-up: connections, caches, first-call imports
            await client.post("/v1/chat/completions", json=body)
        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return requests / elapsed, latencies


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--model", default="gpt-4o-mini", help="named model (transparent gateway) or e.g. auto")
    parser.add_argument("--bundle", choices=("full", "passthrough"), default="full")
    parser.add_argument("--state-url", default=None, help="CAILOS_STATE_URL for the bundle (default: its own)")
    args = parser.parse_args()
    if args.bundle == "passthrough" and args.model.startswith("auto"):
        parser.error("a pass-through bundle does not route: use a named model with --bundle passthrough")
    bundle_env = {"CAILOS_BYPASS": "true"} if args.bundle == "passthrough" else {}
    if args.state_url:
        bundle_env["CAILOS_STATE_URL"] = args.state_url

    results: dict[str, list[tuple[float, list[float]]]] = {"bare": [], "bundle": []}
    with run_sandbox(seed=0, latency_scale=0) as sandbox, tempfile.TemporaryDirectory() as tmp:
        config = render_config(sandbox)
        bare_model = args.model
        if args.model.startswith("auto"):  # bare LiteLLM gets the endpoint the bundle picks, so both do the same work
            with run_proxy(config, Path(tmp) / "probe", env=bundle_env) as proxy:
                bare_model = asyncio.run(served_by(proxy.url, args.model))
        variants = {"bare": (bare_config(config), bare_model, {}), "bundle": (config, args.model, bundle_env)}
        for round_no in range(1, args.rounds + 1):
            for name, (cfg, model, env) in variants.items():
                print(f"round {round_no}/{args.rounds}: starting {name} proxy…", file=sys.stderr, flush=True)
                with run_proxy(cfg, Path(tmp) / f"{name}{round_no}", env=env) as proxy:
                    rps, lat = asyncio.run(load(proxy.url, model, args.requests, args.concurrency))
                results[name].append((rps, lat))
                print(f"  {name:6s} model={model:18s} {rps:7.1f} req/s  p50 {pct(lat, 50):6.2f} ms  "
                      f"p95 {pct(lat, 95):6.2f} ms", flush=True)

    summary = {}
    for name, runs in results.items():
        rps = statistics.mean(r for r, _ in runs)
        lat = [x for _, xs in runs for x in xs]
        summary[name] = (rps, pct(lat, 50), pct(lat, 95))
        print(f"{name:6s} total: {rps:7.1f} req/s  p50 {summary[name][1]:6.2f} ms  p95 {summary[name][2]:6.2f} ms "
              f"({len(lat)} requests, concurrency {args.concurrency})")
    print(f"bundle: {args.bundle}, model {args.model}, bare model {bare_model}, state {args.state_url or 'default'}")
    (b_rps, b50, b95), (c_rps, c50, c95) = summary["bare"], summary["bundle"]
    print(f"overhead: bundle/bare throughput={c_rps / b_rps:.3f} p50_added_ms={c50 - b50:.2f} p95_added_ms={c95 - b95:.2f}")


if __name__ == "__main__":
    main()
