"""Sandbox throughput and latency on loopback, against a bare uvicorn "hello" app on the same HTTP stack.

    PYTHONPATH=. python bench/bench_sandbox.py [--seconds 5] [--connections 16]

Runs the sandbox (latency_scale=0) and a baseline ASGI app that returns a fixed JSON body, each in its own
subprocess (one core), and drives both with the same raw keep-alive asyncio client (the other core).
Prints requests/s and p50/p95/p99 client latency, the ratio sandbox/baseline, and the sandbox's in-app time
per request (responded_at - received_at from its recordings).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time

import httpx
import orjson

from cailos_litellm.sandbox import run_sandbox

BODY = orjson.dumps({"model": "gpt-4o-mini", "messages": [
    {"role": "system", "content": "You are a helpful assistant."},
    {"role": "user", "content": "Summarize the meeting notes from Tuesday in three bullet points please."}]})
BASELINE = r'''
import asyncio, sys, uvicorn
BODY = b'{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"ok"}}]}'
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]})
    await send({"type": "http.response.body", "body": BODY})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), loop="uvloop", lifespan="off", access_log=False,
            log_level="warning", server_header=False, date_header=False)
'''


def _request(host: str, port: int) -> bytes:
    head = (f"POST /v1/chat/completions HTTP/1.1\r\nhost: {host}:{port}\r\ncontent-type: application/json\r\n"
            f"authorization: Bearer sk-bench\r\ncontent-length: {len(BODY)}\r\n\r\n")
    return head.encode() + BODY


async def _worker(host: str, port: int, deadline: float, lat: list[float]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    req = _request(host, port)
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        writer.write(req)
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
        await reader.readexactly(length)
        lat.append(time.perf_counter() - start)
    writer.close()


def load(host: str, port: int, seconds: float, connections: int) -> tuple[float, list[float]]:
    async def main() -> list[float]:
        lat: list[float] = []
        deadline = time.perf_counter() + seconds
        await asyncio.gather(*(_worker(host, port, deadline, lat) for _ in range(connections)))
        return lat

    import uvloop

    lat = uvloop.run(main())
    return len(lat) / seconds, lat


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=1000)[int(q * 10) - 1] * 1000


def report(name: str, rps: float, lat: list[float]) -> None:
    print(f"{name:9s} {rps:9.0f} req/s   p50 {_pct(lat, 50):6.2f} ms  p95 {_pct(lat, 95):6.2f} ms  "
          f"p99 {_pct(lat, 99):6.2f} ms   ({len(lat)} requests)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()

    port = 47811
    base = subprocess.Popen([sys.executable, "-c", BASELINE, str(port)])
    try:
        for _ in range(100):
            try:
                httpx.post(f"http://127.0.0.1:{port}/", content=b"{}")
                break
            except httpx.TransportError:
                time.sleep(0.05)
        load("127.0.0.1", port, 1.0, args.connections)  # warm-up
        base_rps, base_lat = load("127.0.0.1", port, args.seconds, args.connections)
    finally:
        base.terminate()
        base.wait()

    with run_sandbox(seed=0, latency_scale=0) as sb:
        lane_port = sb.port + 1
        load("127.0.0.1", lane_port, 1.0, args.connections)  # warm-up
        sb.control.reset()
        sbx_rps, sbx_lat = load("127.0.0.1", lane_port, args.seconds, args.connections)
        rec = sb.control.requests(limit=500)
        in_app = [(r["responded_at"] - r["received_at"]) * 1000 for r in rec]

    print(f"loopback, {args.connections} keep-alive connections, {args.seconds:g} s, non-streaming chat completion")
    report("baseline", base_rps, base_lat)
    report("sandbox", sbx_rps, sbx_lat)
    print(f"ratio     sandbox/baseline throughput {sbx_rps / base_rps:.2f}, "
          f"p50 latency {_pct(sbx_lat, 50) / _pct(base_lat, 50):.2f}x")
    print(f"in-app    p50 {statistics.median(in_app):.3f} ms  p99 {_pct([v / 1000 for v in in_app], 99):.3f} ms "
          f"(last {len(in_app)} requests; body parse to last byte handed to uvicorn)")


if __name__ == "__main__":
    main()
