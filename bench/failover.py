"""Failover through the real proxy, timed and counted at the sandbox.

(a) Failover latency: the primary (llama-3.1-8b-local, first in auto:cost's chain for a classification prompt)
    answers 500; the time from the sandbox sending that failure (responded_at) to the next endpoint receiving the
    request (received_at), p50/p95/p99 over --latency-requests sequential requests. The shared state is flushed
    before each request so every one starts on the primary (otherwise its breaker opens after 3). Baseline in the
    same run: a bare LiteLLM proxy (no bundle) with the same chain as a static fallback and the same router settings.
(b) A --load-requests run at --concurrency in which the primary starts failing half-way (--fault 500, refuse or
    hang): requests lost (non-200 at the client), primary attempts after the fault, throughput.

The last line is the summary:

    failover: p50_ms=<x> p95_ms=<y> p99_ms=<z> bare_p95_ms=<b> lost=<n>/<total>

Usage: python bench/failover.py [--latency-requests 200] [--load-requests 1000] [--concurrency 16] [--fault 500]
Needs Redis (--state-url, default redis://127.0.0.1:6379/11; the db is flushed).
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
from pathlib import Path
from typing import Any

import httpx
import redis

from cailos_litellm.launch import MASTER_KEY, render_config, run_proxy
from cailos_litellm.sandbox.process import run_sandbox

PROMPT = [{"role": "user", "content": "Classify this ticket: the invoice total is wrong on order 1182."}]
PRIMARY, PRIMARY_UPSTREAM, LOCAL_LANE = "llama-3.1-8b-local", "llama-3.1-8b-instruct", "local"
SECOND, SECOND_UPSTREAM = "gpt-4.1-nano", "gpt-4.1-nano"


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def bundle_config(sandbox: Any, timeout_s: float) -> dict[str, Any]:
    config = render_config(sandbox)
    config["router_settings"]["timeout"] = timeout_s
    return config


def bare_config(config: dict[str, Any]) -> dict[str, Any]:
    """No bundle: LiteLLM alone, the same router settings, the chain's first hop as a static fallback."""
    bare = copy.deepcopy(config)
    bare["litellm_settings"].pop("callbacks", None)
    bare.pop("cailos_settings", None)
    bare["router_settings"]["fallbacks"] = [{PRIMARY: [SECOND]}]
    return bare


def gaps(control: Any, after_id: int) -> list[float]:
    """Per failed primary attempt: ms from its failure leaving the sandbox to the retried request arriving."""
    rows = [r for r in control.requests() if r["id"] > after_id]
    out = []
    for failed, nxt in zip(rows, rows[1:]):
        if failed["model"] == PRIMARY_UPSTREAM and failed["status"] == 500 and nxt["model"] == SECOND_UPSTREAM:
            out.append((nxt["received_at"] - failed["responded_at"]) * 1000)
    return out


def last_id(control: Any) -> int:
    last = control.requests(limit=1)
    return last[-1]["id"] if last else 0


def measure_latency(url: str, model: str, n: int, control: Any, store: redis.Redis | None) -> tuple[list[float], int]:
    """Sequential requests against a failing primary; (failover gaps in ms, non-200 count)."""
    control.reset()
    control.add_fault(model=PRIMARY_UPSTREAM, error_status=500)
    headers = {"Authorization": f"Bearer {MASTER_KEY}"}
    out: list[float] = []
    bad = 0
    with httpx.Client(base_url=url, timeout=30, headers=headers) as client:
        for i in range(n + 5):  # 5 warm-up requests
            if store is not None:
                time.sleep(0.03)  # the previous request's outcomes are written after its answer went out
                store.flushdb()  # closed breaker, empty windows: the primary stays first
            mark = last_id(control)
            response = client.post("/v1/chat/completions", json={"model": model, "messages": PROMPT})
            if i < 5:
                continue
            bad += response.status_code != 200
            out.extend(gaps(control, mark))
    control.reset()
    return out, bad


async def load_run(url: str, n: int, concurrency: int, control: Any, fault: str) -> dict[str, Any]:
    """n requests; after n/2 have been sent, the primary starts failing."""
    control.reset()
    headers = {"Authorization": f"Bearer {MASTER_KEY}"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    statuses: list[int] = []
    sent = 0
    at_fault: dict[str, Any] = {}
    lock = asyncio.Lock()

    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60, headers=headers) as client:
        async def worker() -> None:
            nonlocal sent, at_fault
            while True:
                async with lock:
                    if sent >= n:
                        return
                    sent += 1
                    if sent == n // 2 + 1:  # the fault lands between two requests of the same run
                        at_fault = (await asyncio.to_thread(control.stats))["models"]
                        await asyncio.to_thread(inject, control, fault)
                try:
                    response = await client.post("/v1/chat/completions",
                                                 json={"model": "auto:cost", "messages": PROMPT})
                    statuses.append(response.status_code)
                except httpx.HTTPError:
                    statuses.append(0)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    stats = control.stats()["models"]
    served_after = {}  # answers (200) per upstream model after the fault, from the sandbox's counters
    for model, lanes in stats.items():
        ok = sum(c.get("ok", 0) for c in lanes.values())
        ok -= sum(c.get("ok", 0) for c in at_fault.get(model, {}).values())
        if ok:
            served_after[model] = ok
    control.reset()
    lanes_primary = stats.get(PRIMARY_UPSTREAM, {}).get(LOCAL_LANE, {})
    return {
        "lost": sum(s != 200 for s in statuses), "total": len(statuses), "rps": n / elapsed,
        "primary_failures": sum(v for k, v in lanes_primary.items() if k != "ok"),
        "primary_ok": lanes_primary.get("ok", 0),
        "served_after_fault": served_after,
    }


def inject(control: Any, fault: str) -> None:
    if fault == "500":
        control.add_fault(model=PRIMARY_UPSTREAM, error_status=500)
    elif fault == "refuse":
        control.refuse_lane(LOCAL_LANE)
    elif fault == "hang":
        control.add_fault(model=PRIMARY_UPSTREAM, blackhole="hang")
    else:
        raise SystemExit(f"unknown fault {fault!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-requests", type=int, default=200)
    parser.add_argument("--load-requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--fault", choices=["500", "refuse", "hang"], default="500")
    parser.add_argument("--timeout", type=float, default=2.0, help="router timeout (s): what a hang costs")
    parser.add_argument("--state-url", default="redis://127.0.0.1:6379/11")
    args = parser.parse_args()
    store = redis.Redis.from_url(args.state_url)
    store.ping()
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores", flush=True)

    # (a) flushes the state before each request, so the proxy must not rank on a snapshot cached from before
    env = {"CAILOS_STATE_URL": args.state_url, "CAILOS_BREAKER_COOLOFF_S": "5", "CAILOS_HEALTH_CACHE_S": "0"}
    with run_sandbox(seed=0, latency_scale=0) as sandbox, tempfile.TemporaryDirectory() as tmp:
        control = sandbox.control
        config = bundle_config(sandbox, args.timeout)
        print("starting bare proxy…", file=sys.stderr, flush=True)
        with run_proxy(bare_config(config), Path(tmp) / "bare") as bare:
            bare_gaps, bare_bad = measure_latency(bare.url, PRIMARY, args.latency_requests, control, None)
        print("starting bundle proxy…", file=sys.stderr, flush=True)
        with run_proxy(config, Path(tmp) / "bundle", env=env) as proxy:
            bundle_gaps, bundle_bad = measure_latency(proxy.url, "auto:cost", args.latency_requests, control, store)
            store.flushdb()
            result = asyncio.run(load_run(proxy.url, args.load_requests, args.concurrency, control, args.fault))
        store.flushdb()

    for name, values, bad in (("bare  ", bare_gaps, bare_bad), ("bundle", bundle_gaps, bundle_bad)):
        print(f"(a) {name} failover gap: p50 {pct(values, 50):6.2f} ms  p95 {pct(values, 95):6.2f} ms  "
              f"p99 {pct(values, 99):6.2f} ms  ({len(values)} failovers, {bad} non-200)")
    print(f"(b) {result['total']} requests, concurrency {args.concurrency}, primary fails ({args.fault}) from "
          f"request {args.load_requests // 2 + 1}: lost {result['lost']}, {result['rps']:.0f} req/s; primary "
          f"{result['primary_ok']} ok / {result['primary_failures']} failed attempts; served after the fault: "
          f"{result['served_after_fault']}")
    print(f"failover: p50_ms={pct(bundle_gaps, 50):.2f} p95_ms={pct(bundle_gaps, 95):.2f} "
          f"p99_ms={pct(bundle_gaps, 99):.2f} bare_p95_ms={pct(bare_gaps, 95):.2f} "
          f"lost={result['lost']}/{result['total']}")


if __name__ == "__main__":
    main()
