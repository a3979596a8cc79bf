"""PII shield detector: API keys, tokens, passwords and other secrets (known prefixes, assignments, high entropy)."""

from __future__ import annotations

import math
import re
from collections import Counter

from cailos_litellm.pii.detectors.base import Detector, Rx

__all__ = ["SecretDetector", "entropy"]

_KEY_WORDS = (
    r"api[_\-\s]?key|apikey|secret(?:[_\-\s]?key)?|client[_\-\s]?secret|access[_\-\s]?(?:key|token)|auth[_\-\s]?token"
    r"|token|password|passwd|pwd|passphrase|private[_\-\s]?key|credentials?"
)


_IDENTIFIER = re.compile(r"[A-Z][A-Z0-9_]*|(?:os|process|self|this|config|settings|env|cfg)\.[\w.\[]*|[a-z_]+\(.*|\$\{?\w+\}?")


def entropy(value: str) -> float:
    """Shannon entropy in bits per character."""
    counts = Counter(value)
    n = len(value)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


class SecretDetector(Detector):
    entity = "SECRET"
    PATTERNS = (
        # Known prefixes: OpenAI/Anthropic, GitHub, Slack, AWS, Google, GitLab, Stripe, JWT, PEM blocks.
        Rx(r"(?<![\w\-])sk-(?:proj-|ant-(?:api\d\d-)?|svcacct-)?[A-Za-z0-9_\-]{20,}", lead="sk-"),
        Rx(r"(?<![\w])(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|(?<![\w])github_pat_[A-Za-z0-9_]{22,}", lead="gh[pousr]_|github_pat_"),
        Rx(r"(?<![\w\-])xox[abposr]-[A-Za-z0-9\-]{10,}", lead="xox"),
        Rx(r"(?<![\w])(?:AKIA|ASIA)[0-9A-Z]{16}(?![\w])", lead="AKIA|ASIA"),
        Rx(r"(?<![\w])AIza[0-9A-Za-z_\-]{35}", lead="AIza"),
        Rx(r"(?<![\w\-])glpat-[A-Za-z0-9_\-]{20,}", lead="glpat-"),
        Rx(r"(?<![\w])(?:sk|rk|pk|whsec)_(?:live|test)_[A-Za-z0-9]{16,}", lead="sk_|rk_|pk_|whsec_"),
        Rx(r"(?<![\w\-])eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}", lead="eyJ"),
        Rx(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]+?-----END (?:[A-Z]+ )?PRIVATE KEY-----", lead="-----BEGIN "),
        # Authorization: Bearer <token>
        Rx(r"(?i:bearer)\s+(?P<value>[A-Za-z0-9\-._~+/]{16,}=*)", lead="bearer", folded=True),
        # key = "value", key: value, KEY=value (env files, JSON, YAML, prose "password is x").
        Rx(
            rf"(?i:{_KEY_WORDS})[\"']?\s*(?:[:=]|\bis\b)\s*[\"']?(?P<value>[^\s\"',;<>()]{{6,}})",
            lead=rf"(?:{_KEY_WORDS})[\"']?\s*(?:[:=]|is\b)",
            folded=True,
        ),
        # Long random-looking strings with upper case, lower case and digits.
        Rx(r"(?<![\w/+=\-.])(?P<value>[A-Za-z0-9_\-+/]{24,}={0,2})(?![\w/+=\-])", lead=r"[A-Za-z0-9_\-+/]{24,}", whole_hits=True),
    )

    def validate(self, value: str, text: str, start: int, end: int) -> bool:
        if value.startswith("<") or value.lower() in ("required", "optional", "redacted", "changeme", "********"):
            return False
        # The last two patterns have no prefix to vouch for them: ask for randomness.
        prefixed = re.match(r"(sk-|gh[pousr]_|github_pat_|xox|AKIA|ASIA|AIza|glpat-|sk_|rk_|pk_|whsec_|eyJ|-----)", value)
        if prefixed:
            return True
        before = text[max(0, start - 40) : start].lower()
        assigned = re.search(rf"(?:{_KEY_WORDS}|bearer)[\"']?\s*(?:[:=]|\bis\b)?\s*[\"']?$", before) is not None
        if assigned and _IDENTIFIER.fullmatch(value):
            return False  # api_key=API_KEY, token: os.environ[...]: a reference, not the secret
        if assigned:
            # Passwords may be words: ask only that it is not a plain lower-case word or a placeholder.
            return not re.fullmatch(r"[a-z]+", value) or len(value) >= 12
        has_classes = bool(re.search(r"[a-z]", value) and re.search(r"[A-Z]", value) and re.search(r"\d", value))
        return has_classes and len(value) >= 24 and entropy(value) >= 4.0 and "/" not in value.strip("/")
