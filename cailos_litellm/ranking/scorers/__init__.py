"""Ranking scorers, one aspect per module; each rates an endpoint 0-1 (1 is best)."""

from .cost import CostScorer
from .latency import LatencyScorer
from .quality import QualityScorer
from .reliability import ReliabilityScorer
from .satisfaction import SatisfactionScorer

__all__ = ["CostScorer", "LatencyScorer", "QualityScorer", "ReliabilityScorer", "SatisfactionScorer"]
