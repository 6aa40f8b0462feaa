"""The shipped suggestion model: weights over the features, learned from our labelled set.

``data/base_model.json`` is written by ``bench/train_suggest.py`` (multinomial logistic
regression on the dev split of ``bench/data/suggest_eval.jsonl``, with its temperature fitted
on held-out folds) and read once here. Without the file (a broken install) the rules' own cue
weights stand in, so suggestions never fail.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from reader.core.suggest._linear import LinearWeights
from reader.core.suggest._types import KINDS

DATA = Path(__file__).with_name("data") / "base_model.json"
FORMAT = "source-reader/suggest-base"
VERSION = 1


@dataclass(frozen=True)
class BaseModel:
    """Weights per feature (one per kind, in KINDS order), the calibration temperature, and
    what it was trained on."""

    weights: Mapping[str, tuple[float, float, float]]
    temperature: float
    trained_on: str

    @cached_property
    def linear(self) -> LinearWeights:
        """The weights split for scoring (named values apart from words)."""
        return LinearWeights.split(self.weights)

    def to_json(self) -> str:
        """The model as JSON (what ``bench/train_suggest.py`` writes)."""
        return json.dumps({"format": FORMAT, "version": VERSION, "classes": list(KINDS),
                           "temperature": self.temperature, "trained_on": self.trained_on,
                           "weights": {k: list(v) for k, v in sorted(self.weights.items())}},
                          indent=0, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: str) -> "BaseModel":
        """Read ``to_json`` output; raises ValueError for anything else."""
        try:
            raw: Any = json.loads(data)
            if raw.get("format") != FORMAT or raw.get("version") != VERSION:
                raise ValueError("not a suggestion model of this version")
            if tuple(raw["classes"]) != KINDS:
                raise ValueError("unexpected classes")
            weights = {str(k): (float(v[0]), float(v[1]), float(v[2]))
                       for k, v in raw["weights"].items()}
            # A plain dict: looked up ~70 times per statement (MappingProxyType is slower).
            return cls(weights, float(raw["temperature"]),
                       str(raw.get("trained_on", "")))
        except (TypeError, KeyError, IndexError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a suggestion model: {exc}") from None


def rules_only_model() -> BaseModel:
    """The rules' cue totals as a model: what suggestions fall back to without the data file."""
    weights = {"rule:opinion": (4.0, 0.0, 0.0), "rule:claim": (0.0, 4.0, 0.0),
               "rule:quotation": (0.0, 0.0, 4.0)}
    return BaseModel(MappingProxyType(weights), 1.0, "rules only")


@lru_cache(maxsize=1)
def base_model() -> BaseModel:
    """The shipped model (read once), or the rules alone if its file is missing or damaged."""
    try:
        return BaseModel.from_json(DATA.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return rules_only_model()
