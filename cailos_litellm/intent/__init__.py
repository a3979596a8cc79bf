"""Intent classifier: reads an `auto` request and predicts task class, strategy and complexity.

Load once with `load_classifier()`; call `IntentClassifier.classify(messages, tools, stream)` per request.
`build_record()` makes the text-free decision-log record that `cailos classifier train --from-feedback` reads.
"""

from __future__ import annotations

from cailos_litellm.intent.classifier import DEFAULT_MODEL_PATH, Intent, IntentClassifier, load_classifier
from cailos_litellm.intent.feedback import DecisionRecord, build_record, read_records, write_record
from cailos_litellm.intent.policy import default_strategy

__all__ = [
    "DEFAULT_MODEL_PATH",
    "DecisionRecord",
    "Intent",
    "IntentClassifier",
    "build_record",
    "default_strategy",
    "load_classifier",
    "read_records",
    "write_record",
]
