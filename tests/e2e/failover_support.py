"""Shared pieces of the failover e2e tests: the test config, the proxies on one Redis, sandbox counting."""

from __future__ import annotations

import asyncio
import time
import warnings
from dataclasses import dataclass
from typing import Any

import openai
import redis

from cailos_litellm.config import load_bundle_config
from cailos_litellm.decisions import DecisionLog
from cailos_litellm.launch import MASTER_KEY, ROOT, render_config
from cailos_litellm.proxy.facts import litellm_facts
from cailos_litellm.state import key, open_store
from cailos_litellm.types import Decision

__all__ = [
    "CLASSIFY",
    "COOLOFF_S",
    "HEALTH_CACHE_S",
    "LLAMA",
    "LOCAL_KEY",
    "STATE_DB",
    "TRUST",
    "Call",
    "Counter",
    "call",
    "decision_record",
    "failover_config",
    "failover_env",
    "reset_state",
    "settle_outcomes",
    "wait_breaker_closed",
    "sdk",
    "state_db_url",
]

STATE_DB = 12  # our own Redis db: the rest of the suite flushes db 13 while these proxies run
COOLOFF_S = 2.0
HEALTH_CACHE_S = 0.2  # each proxy reuses its ranking snapshot this long; fixtures wait it out after a flush
WRITE_BEHIND_S = 0.1  # a proxy's window samples land in the store this long after the request (BufferedStore)
LOCAL_KEY = "sk-local-sandbox"  # the on-prem deployment gets its own key, so revoking it hits only that lane
LLAMA = "llama-3.1-8b-instruct"  # what the llama-3.1-8b-local deployment sends upstream
# A classification prompt: `auto:cost` ranks llama-3.1-8b-local (lane local) first and gpt-4.1-nano (lane openai) next.
CLASSIFY = [{"role": "user", "content": "Classify this ticket: the invoice total is wrong on order 1182."}]

_CONFIG = load_bundle_config(ROOT / "proxy_config.yaml", litellm_facts, environ={})
_LANES = {4101: "openai", 4102: "azure", 4103: "anthropic", 4104: "google", 4105: "local"}


def _trust_by_upstream() -> dict[tuple[str, str], int]:
    """(upstream model, sandbox lane) -> trust level of the deployment that sends it."""
    import yaml

    raw = yaml.safe_load((ROOT / "proxy_config.yaml").read_text(encoding="utf-8"))
    out: dict[tuple[str, str], int] = {}
    for entry in raw["model_list"]:
        params = entry["litellm_params"]
        port = int(params["api_base"].split(":")[2].split("/")[0])
        dep = _CONFIG.registry.deployment(entry["model_info"]["id"])
        out[(params["model"].split("/", 1)[1], _LANES[port])] = dep.trust_level
    return out


TRUST = _trust_by_upstream()


def settle_outcomes(state_url: str, control: Any, timeout_s: float = 5.0) -> None:
    """Wait until every attempt the sandbox answered with 200 has its success sample in the store.

    LiteLLM runs the success hook from its logging worker after the response, so on a loaded machine a sample could
    land after the next test has begun, and one is enough to reorder a chain: a late gpt-4.1-nano sample gives it a
    measured latency of a few ms against llama's unmeasured tier prior (900 ms), and `auto:cost` then starts at
    nano (the likely cause of a rare full-suite failure that saw no attempt at llama). Warns if they never land."""
    served = sum(1 for r in control.requests() if r["status"] == 200)
    windows = [key("win", name) for name in _CONFIG.registry.names]

    async def wait() -> int:
        store = await open_store(state_url, fallback=False)
        try:
            deadline, recorded = time.monotonic() + timeout_s, 0
            while time.monotonic() < deadline:
                recorded = sum(w.successes for w in await store.window_read(windows, time.time()))
                if recorded >= served:
                    break
                await asyncio.sleep(0.02)
            return recorded
        finally:
            await store.close()

    recorded = asyncio.run(wait())
    if recorded < served:
        warnings.warn(f"{recorded} success samples in the store after {timeout_s:g} s for {served} answers the "
                      "sandbox served: the next test may start from a stale ranking", stacklevel=2)


def reset_state(state_url: str, control: Any) -> None:
    """Clear the sandbox's log and faults, and empty the shared state under running proxies: flush until nothing
    lands any more (failure samples arrive up to WRITE_BEHIND_S after the attempt), then wait out any ranking
    snapshot from before the flush. After a test, call `settle_outcomes` first."""
    control.reset()
    with redis.Redis.from_url(state_url) as store:
        deadline = time.monotonic() + 5
        while True:
            store.flushdb()
            time.sleep(max(HEALTH_CACHE_S, WRITE_BEHIND_S) + 0.05)
            if store.dbsize() == 0 or time.monotonic() > deadline:
                return


def wait_breaker_closed(state_url: str, deployment_id: str, timeout_s: float = 3.0) -> None:
    """A probe's success closes its breaker from LiteLLM's success hook, which runs after the client has its
    answer: wait for that before asserting what another instance does next."""
    from cailos_litellm.health.breaker import BreakerState

    with redis.Redis.from_url(state_url, decode_responses=True) as store:
        deadline = time.monotonic() + timeout_s
        while BreakerState.decode(store.get(key("breaker", deployment_id))).state != "closed":
            assert time.monotonic() < deadline, f"breaker {deployment_id} still not closed after {timeout_s}s"
            time.sleep(0.02)


def decision_record(state_url: str, decision_id: str | None, timeout_s: float = 1.0) -> Decision | None:
    """The proxy's logged decision (chain, trace, scores; no prompt text), for an assertion message. It lands
    within WRITE_BEHIND_S of the request."""
    if not decision_id:
        return None

    async def find() -> Decision | None:
        store = await open_store(state_url, fallback=False)
        try:
            log, deadline = DecisionLog(store), time.monotonic() + timeout_s
            while (found := await log.get(decision_id)) is None and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            return found[0] if found else None
        finally:
            await store.close()

    return asyncio.run(find())


def state_db_url(redis_server_url: str) -> str:
    return redis_server_url.rsplit("/", 1)[0] + f"/{STATE_DB}"


def failover_config(sandbox: Any) -> dict[str, Any]:
    """proxy_config.yaml on the sandbox, with short timeouts so a hung provider costs a test one second."""
    config = render_config(sandbox)
    for entry in config["model_list"]:
        if entry["model_name"] == "llama-3.1-8b-local":
            entry["litellm_params"]["api_key"] = LOCAL_KEY
    config["router_settings"].update({"timeout": 1, "stream_timeout": 0.5})
    return config


def failover_env(state_url: str) -> dict[str, str]:
    # A generous Redis deadline: on a loaded CI machine one slow answer would be served from process memory (by
    # design), and these tests count attempts exactly.
    return {"CAILOS_STATE_URL": state_url, "CAILOS_BREAKER_COOLOFF_S": str(COOLOFF_S),
            "CAILOS_HEALTH_CACHE_S": str(HEALTH_CACHE_S), "CAILOS_STATE_TIMEOUT_S": "1"}


def sdk(proxy: Any) -> openai.OpenAI:
    return openai.OpenAI(base_url=proxy.base_url, api_key=MASTER_KEY, max_retries=0, timeout=30)


@dataclass(frozen=True)
class Call:
    status: int
    headers: dict[str, str]
    text: str
    elapsed_s: float

    @property
    def endpoint(self) -> str | None:
        return self.headers.get("x-cailos-endpoint")


def call(client: openai.OpenAI, model: str = "auto:cost", messages: list[dict[str, Any]] = CLASSIFY,
         stream: bool = False, **kwargs: Any) -> Call:
    """One request through the SDK; errors come back as a Call with the status, not as exceptions."""
    started = time.perf_counter()
    try:
        if stream:
            with client.chat.completions.with_streaming_response.create(
                    model=model, messages=messages, stream=True, **kwargs) as raw:
                text = "".join(c.choices[0].delta.content or "" for c in raw.parse() if c.choices)
                return Call(raw.status_code, dict(raw.headers), text, time.perf_counter() - started)
        raw = client.chat.completions.with_raw_response.create(model=model, messages=messages, **kwargs)
        text = raw.parse().choices[0].message.content or ""
        return Call(raw.status_code, dict(raw.headers), text, time.perf_counter() - started)
    except openai.APIStatusError as exc:
        return Call(exc.status_code, dict(exc.response.headers), exc.message, time.perf_counter() - started)


class Counter:
    """Counts what reached the sandbox since it was made (or last `mark`ed): the ground truth of attempts."""

    def __init__(self, control: Any) -> None:
        self.control = control
        self.mark()

    def mark(self) -> None:
        last = self.control.requests(limit=1)
        self._after = last[-1]["id"] if last else 0

    def seen(self, model: str | None = None, lane: str | None = None) -> list[dict[str, Any]]:
        rows = [r for r in self.control.requests() if r["id"] > self._after]
        return [r for r in rows if (model is None or r["model"] == model) and (lane is None or r["lane"] == lane)]

    def count(self, model: str | None = None, lane: str | None = None) -> int:
        return len(self.seen(model, lane))
