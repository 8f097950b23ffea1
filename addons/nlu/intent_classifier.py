"""NLU component: intents from a linear model over word and character n-grams (no TensorFlow).

Why not DIET: on this data a TF-IDF + logistic regression classifier is as accurate on held-out
phrasings (BENCHMARKS.md), trains in seconds instead of minutes, loads in milliseconds instead of
building a TensorFlow graph, classifies a message in well under a millisecond and keeps the
server's memory about 0.5 GB smaller. It reads the text itself, so the pipeline needs no
featurizer: word 1-2 grams carry the phrasing, character 2-4 grams carry typos and unseen word
forms ("engineeers", "salaries").

The model is stored with skops, which refuses to load any type not listed in `TRUSTED_TYPES`
(no pickle: a model file must not be able to run code).
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List

import numpy as np
import skops.io as sio
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from addons.nlu.base import Component
from careers import clauses, reading

logger = logging.getLogger(__name__)

FILE_NAME = "intent_classifier.skops"
TRUSTED_TYPES = [
    "numpy.float64",
    "numpy.int64",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(Component, IntentClassifier):
    """Sets `intent` and `intent_ranking` on each message."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # C: little regularisation, chosen by held-out F1 (BENCHMARKS.md); the training set is
        # small and clean, and FallbackClassifier handles the low-confidence cases.
        return {"C": 100.0, "ranking_length": 10, "random_state": 42}

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Pipeline | None = None,
    ) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self.model = model

    @classmethod
    def from_config(
        cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource
    ) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    def _new_model(self) -> Pipeline:
        features = FeatureUnion(
            [
                ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)),
            ]
        )
        classifier = LogisticRegression(
            C=self.config["C"],
            class_weight="balanced",
            max_iter=5000,
            random_state=self.config["random_state"],
        )
        return Pipeline([("features", features), ("classifier", classifier)])

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(TEXT) and e.get(INTENT)]
        if len({e.get(INTENT) for e in examples}) < 2:
            logger.warning("LinearIntentClassifier needs at least two intents; it will not classify.")
            return self._resource
        self.model = self._new_model().fit([e.get(TEXT) for e in examples], [e.get(INTENT) for e in examples])
        with self._model_storage.write_to(self._resource) as directory:
            sio.dump(self.model, directory / FILE_NAME)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        config = cls.configured(config)
        try:
            with model_storage.read_from(resource) as directory:
                model = sio.load(directory / FILE_NAME, trusted=TRUSTED_TYPES)
        except ValueError:
            # No stored model: trained without intents (an NLU-less model).
            return cls(config, model_storage, resource)
        return cls(config, model_storage, resource, model)

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        texts = [m.get(TEXT) or "" for m in messages]
        labels = self.model.classes_
        for message, probabilities in zip(messages, self.model.predict_proba(texts), strict=True):
            order = np.argsort(-probabilities)[: self.config["ranking_length"]]
            ranking = [{"name": str(labels[i]), "confidence": float(probabilities[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        self._classify_clauses(messages)
        return messages

    def _classify_clauses(self, messages: List[Message]) -> None:
        """Each clause of a message of several (careers/clauses.py) classified on its own, with
        the same model: read by addons/nlu/reading.py, corrected by addons/nlu/intent_rules.py."""
        spans = {id(m): clauses.clauses(m.get(TEXT) or "") for m in messages if m.get(TEXT)}
        several = [(m, spans[id(m)]) for m in messages if len(spans.get(id(m), [])) > 1]
        texts = [(m.get(TEXT) or "")[b:e] for m, found in several for b, e in found]
        if not texts:
            return
        labels = self.model.classes_  # type: ignore[union-attr]
        probabilities = iter(self.model.predict_proba(texts))  # type: ignore[union-attr]
        for message, found in several:
            read = []
            for begin, end in found:
                row = next(probabilities)
                ranked = [(str(labels[i]), float(row[i])) for i in np.argsort(-row)[: reading.CLAUSE_RANKING]]
                text = (message.get(TEXT) or "")[begin:end]
                read.append(reading.Clause(begin, end, text, ranked[0][0], ranked[0][1], tuple(ranked)))
            message.set(reading.CLAUSES, read)
