"""Redis state store: what several proxy instances behind a load balancer share.

Read-modify-write operations are Lua scripts (atomic on the server). Sockets time out after ~80 ms and redis-py's
own retries are off: on the hot path a slow Redis must fail fast so the FallbackStore can serve from memory.
"""

from __future__ import annotations

from typing import Sequence

from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .window import (BUCKET_S, HORIZON_S, WindowSample, WindowStats, bucket_counts, bucket_of, cutoff_bucket,
                     stats_from_counts)

__all__ = ["OUTAGE_ERRORS", "RedisStore", "redact_url"]

# Errors that mean "Redis is not there right now" (as opposed to a bug in a command).
OUTAGE_ERRORS: tuple[type[BaseException], ...] = (RedisConnectionError, RedisTimeoutError, OSError, TimeoutError)

_INCR = """
local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if tonumber(ARGV[2]) > 0 and redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v
"""
# ARGV: expected-is-absent (1/0), expected, delete (1/0), new, ttl ms (0: none)
_CAS = """
local cur = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if cur then return 0 end
elseif cur ~= ARGV[2] then
  return 0
end
if ARGV[3] == '1' then
  redis.call('DEL', KEYS[1])
elseif tonumber(ARGV[5]) > 0 then
  redis.call('SET', KEYS[1], ARGV[4], 'PX', ARGV[5])
else
  redis.call('SET', KEYS[1], ARGV[4])
end
return 1
"""
# One hash per window, fields "<bucket>|<counter>". ARGV: bucket, cutoff bucket, ttl ms, samples, then
# (counter, amount) pairs. When a bucket starts (its first samples), fields of buckets that left the window go.
_WINDOW_ADD = """
local b = ARGV[1]
local added = tonumber(ARGV[4])
local total = redis.call('HINCRBY', KEYS[1], b .. '|n', added)
for i = 5, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], b .. '|' .. ARGV[i], ARGV[i + 1]) end
if total == added then
  local cutoff = tonumber(ARGV[2])
  for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
    local fb = tonumber(string.match(f, '^(%d+)|'))
    if fb and fb < cutoff then redis.call('HDEL', KEYS[1], f) end
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return total
"""
# ARGV: max length, ttl ms (0: none), values oldest first (LPUSH leaves the last one at the head).
_LIST_PUSH = """
redis.call('LPUSH', KEYS[1], unpack(ARGV, 3))
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if tonumber(ARGV[2]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
"""


def redact_url(url: str) -> str:
    """redis://user:secret@host:6379/0 -> redis://user:***@host:6379/0 (for messages and logs)."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, _, location = rest.rpartition("@")
    user = credentials.split(":", 1)[0] if ":" in credentials else ""
    return f"{scheme}://{user + ':' if user else ''}***@{location}"


def _ms(ttl_s: float | None) -> int:
    return max(1, int(ttl_s * 1000)) if ttl_s is not None else 0


class RedisStore:
    outage_errors = OUTAGE_ERRORS

    def __init__(self, url: str, *, timeout_s: float = 0.08) -> None:
        self.url = redact_url(url)
        self._r = Redis.from_url(
            url,
            decode_responses=True,
            socket_timeout=timeout_s,
            socket_connect_timeout=timeout_s,
            retry=Retry(NoBackoff(), 0),
            retry_on_timeout=False,
            health_check_interval=0,
        )
        self._incr = self._r.register_script(_INCR)
        self._cas = self._r.register_script(_CAS)
        self._window_add = self._r.register_script(_WINDOW_ADD)
        self._list_push = self._r.register_script(_LIST_PUSH)

    async def get(self, key: str) -> str | None:
        return await self._r.get(key)

    async def get_many(self, keys: Sequence[str]) -> list[str | None]:
        return list(await self._r.mget(keys)) if keys else []

    async def set(self, key: str, value: str, ttl_s: float | None = None) -> None:
        await self._r.set(key, value, px=_ms(ttl_s) or None)

    async def delete(self, key: str) -> None:
        await self._r.delete(key)

    async def incr(self, key: str, amount: int = 1, ttl_s: float | None = None) -> int:
        return int(await self._incr(keys=[key], args=[amount, _ms(ttl_s)]))

    async def compare_and_set(self, key: str, expected: str | None, new: str | None, ttl_s: float | None = None) -> bool:
        args = ["1" if expected is None else "0", expected or "", "1" if new is None else "0", new or "", _ms(ttl_s)]
        return bool(await self._cas(keys=[key], args=args))

    async def window_add(self, samples: Sequence[WindowSample]) -> None:
        ttl_ms = (HORIZON_S + 2 * BUCKET_S) * 1000
        batches = bucket_counts(samples)
        if not batches:
            return
        async with self._r.pipeline(transaction=False) as pipe:
            for (key, bucket), fields in batches.items():
                pairs = [x for name, n in fields.items() if name != "n" for x in (name, n)]
                args = [bucket, cutoff_bucket(bucket * BUCKET_S), ttl_ms, fields["n"], *pairs]
                await self._window_add(keys=[key], args=args, client=pipe)
            await pipe.execute()

    async def window_read(self, keys: Sequence[str], now: float) -> list[WindowStats]:
        if not keys:
            return []
        async with self._r.pipeline(transaction=False) as pipe:
            for k in keys:
                pipe.hgetall(k)
            hashes = await pipe.execute()
        cutoff, last = cutoff_bucket(now), bucket_of(now)
        result = []
        for fields in hashes:
            merged: dict[str, int] = {}
            for name, count in fields.items():
                bucket, _, counter = name.partition("|")
                if cutoff <= int(bucket) <= last:
                    merged[counter] = merged.get(counter, 0) + int(count)
            result.append(stats_from_counts(merged))
        return result

    async def list_push(self, key: str, values: Sequence[str], max_len: int, ttl_s: float | None = None) -> None:
        if values:
            await self._list_push(keys=[key], args=[max_len, _ms(ttl_s), *values])

    async def list_range(self, key: str, count: int) -> list[str]:
        return list(await self._r.lrange(key, 0, count - 1))

    async def ping(self) -> None:
        await self._r.ping()

    async def close(self) -> None:
        await self._r.aclose()
