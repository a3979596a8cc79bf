"""Everything the hooks need, built once at proxy start-up from the proxy's own config file."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..config import BundleConfig, load_bundle_config
from ..decisions import DecisionLog
from ..errors import ConfigError
from ..health import BreakerPolicy, Health
from ..intent import IntentClassifier, load_classifier
from ..pii import Shield, ShieldPolicy, load_shield
from ..ranking import Pipeline, build_pipeline
from ..state import BufferedStore, StateStore, open_store_sync
from .facts import litellm_facts
from .snapshots import SnapshotCache

__all__ = ["Runtime", "find_config_path"]


def find_config_path() -> Path:
    """CAILOS_CONFIG, else the file the running proxy was started with, else CONFIG_FILE_PATH."""
    explicit = os.environ.get("CAILOS_CONFIG")
    if explicit:
        return Path(explicit)
    proxy_server = sys.modules.get("litellm.proxy.proxy_server")
    started_with = getattr(proxy_server, "user_config_file_path", None)
    if started_with:
        return Path(started_with)
    if os.environ.get("CONFIG_FILE_PATH"):
        return Path(os.environ["CONFIG_FILE_PATH"])
    raise ConfigError("cannot find the proxy config: start litellm with --config, or set CAILOS_CONFIG")


@dataclass(frozen=True, slots=True)
class Runtime:
    config: BundleConfig
    store: StateStore | None = None
    health: Health | None = None
    decisions: DecisionLog | None = None
    pipeline: Pipeline | None = None
    shield: Shield | None = None  # None: the policy cloaks nothing
    classifier: IntentClassifier | None = None
    snapshots: SnapshotCache | None = None  # the ranking's health snapshot, reused for health_cache_s
    _team_shields: dict[tuple[Any, ...], Shield] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Runtime:
        config = load_bundle_config(path or find_config_path(), litellm_facts)
        settings = config.settings
        if settings.bypass:  # a pass-through needs nothing else (and must not fail on a missing Redis)
            return cls(config=config)
        # windows and decisions are written behind (batched every 0.1 s); everything else goes straight through
        store = BufferedStore(open_store_sync(settings.state_url, timeout_s=settings.state_timeout_s))
        health = Health(store, policy=BreakerPolicy(cooloff_s=settings.breaker_cooloff_s))
        return cls(
            config=config,
            store=store,
            health=health,
            snapshots=SnapshotCache(health, config.registry, settings.health_cache_s),
            decisions=DecisionLog(store),
            pipeline=build_pipeline(),
            shield=load_shield(settings.pii) if settings.pii.entities else None,
            classifier=load_classifier(),
        )

    def shield_for(self, team_policy: Mapping[str, Any] | None) -> Shield | None:
        """The team's own PII policy (key or team metadata `cailos.pii`) when it has one, else the bundle's."""
        if not team_policy:
            return self.shield
        policy = ShieldPolicy.from_dict(team_policy)
        if not policy.entities:
            return None
        cached = self._team_shields.get(policy.fingerprint() + (policy.fail_open, policy.timeout))
        if cached is None:
            cached = self.shield.with_policy(policy) if self.shield else load_shield(policy)
            self._team_shields[policy.fingerprint() + (policy.fail_open, policy.timeout)] = cached
        return cached
