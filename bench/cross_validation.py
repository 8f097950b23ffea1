"""5-fold cross-validation of the NLU pipeline (config.yml) over data/nlu: intent macro-F1.

Each fold trains the real pipeline with Rasa on four fifths of the examples (stratified by
intent, fixed seed) and scores the fifth it never saw, through the same parse as the servers
(so the FallbackClassifier counts: a fallback where an intent was expected is a miss). The
held-out set measures people's own words; this measures how stable the pipeline is on ours.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rasa.core.agent import Agent
from rasa.model_training import train_nlu
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from harness.understanding import ROOT, parse_all, quiet


@dataclass(frozen=True)
class CrossValidation:
    folds: tuple[float, ...]
    examples: int

    @property
    def mean(self) -> float:
        return statistics.mean(self.folds)

    @property
    def std(self) -> float:
        return statistics.stdev(self.folds) if len(self.folds) > 1 else 0.0


def cross_validate(folds: int = 5, seed: int = 42, config: Path = ROOT / "config.yml") -> CrossValidation:
    quiet()
    data = load_data(str(ROOT / "data" / "nlu"))
    messages = [m for m in data.intent_examples if m.get("text")]
    intents = [m.get("intent") for m in messages]
    scores = []
    previous_cache = os.environ.get("RASA_CACHE_DIRECTORY")
    with tempfile.TemporaryDirectory(prefix="cv-") as tmp:
        # A cache of its own: folds must not reuse each other's components or the project's.
        os.environ["RASA_CACHE_DIRECTORY"] = str(Path(tmp) / "cache")
        try:
            splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
            for fold, (train, test) in enumerate(splitter.split(messages, intents)):
                model = _train_fold(config, Path(tmp), fold, TrainingData([messages[i] for i in train]))
                parses = asyncio.run(parse_all(Agent.load(model), [messages[i].get("text") for i in test]))
                expected = [intents[i] for i in test]
                predicted = [p["intent"]["name"] for p in parses]
                labels = sorted(set(expected))
                scores.append(
                    float(f1_score(expected, predicted, average="macro", labels=labels, zero_division=0))
                )
        finally:
            if previous_cache is None:
                os.environ.pop("RASA_CACHE_DIRECTORY", None)
            else:
                os.environ["RASA_CACHE_DIRECTORY"] = previous_cache
    return CrossValidation(folds=tuple(scores), examples=len(messages))


def _train_fold(config: Path, tmp: Path, fold: int, data: TrainingData) -> str:
    nlu = tmp / f"fold{fold}.yml"
    nlu.write_text(data.nlu_as_yaml(), encoding="utf-8")
    model = train_nlu(str(config), str(nlu), str(tmp / "models"), fixed_model_name=f"fold{fold}")
    if model is None:
        raise RuntimeError(f"fold {fold}: training failed")
    return model


if __name__ == "__main__":
    result = cross_validate()
    size = f"{len(result.folds)}-fold intent macro-F1 over {result.examples} examples"
    print(f"{size}: {result.mean:.3f} ± {result.std:.3f}")
    print("folds:", ", ".join(f"{f:.3f}" for f in result.folds))
