from __future__ import annotations

import pytest

from cailos_litellm.config import parse_settings
from cailos_litellm.errors import ConfigError


@pytest.mark.parametrize(
    "raw, env, expected",
    [({}, {}, 30.0), ({"breaker_cooloff_s": 5}, {}, 5.0), ({"breaker_cooloff_s": 5}, {"CAILOS_BREAKER_COOLOFF_S": "2.5"}, 2.5)],
)
def test_breaker_cooloff_setting(raw, env, expected):
    assert parse_settings(raw, env).breaker_cooloff_s == expected


@pytest.mark.parametrize("bad", [0, -1, "soon", 99999])
def test_breaker_cooloff_rejects_nonsense(bad):
    with pytest.raises(ConfigError, match="breaker_cooloff_s"):
        parse_settings({"breaker_cooloff_s": bad}, {})


@pytest.mark.parametrize("raw, env, expected", [({}, {}, 0.08), ({"state_timeout_s": 0.5}, {}, 0.5),
                                                ({}, {"CAILOS_STATE_TIMEOUT_S": "1"}, 1.0)])
def test_state_timeout_setting(raw, env, expected):
    assert parse_settings(raw, env).state_timeout_s == expected


@pytest.mark.parametrize("bad", [0, 0.001, "fast", 60])
def test_state_timeout_rejects_nonsense(bad):
    with pytest.raises(ConfigError, match="state_timeout_s"):
        parse_settings({"state_timeout_s": bad}, {})
