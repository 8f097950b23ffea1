"""NLU component: intents from a linear model over word and character n-grams (no TensorFlow).

Why not DIET: on this data a TF-IDF + logistic regression classifier is as accurate on held-out
phrasings (BENCHMARKS.md), trains in seconds instead of minutes, loads in milliseconds instead of
building a TensorFlow graph, classifies a message in well under a millisecond and keeps the
server's memory about 0.5 GB smaller. It reads the text itself, so the pipeline needs no
featurizer: word 1-2 grams carry the phrasing, character 2-4 grams carry typos and unseen word
forms ("engineeers", "salaries").

Two models (issue 17): the fast one above, and a careful one that also reads each text's meaning
as a sentence vector (addons/nlu/minilm.py), so that a question in words no example uses is
understood ("how's the hiring market looking" is the outlook). The careful one costs about 20 ms
a text, so it is asked only about the texts the fast one is unsure of: short questions like
those of the examples rarely, the clauses of long whole messages mostly. Measured in
bench/NOTES.md ("Sentence vectors"): every held-out figure rose, the untouched set most.

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
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from addons.nlu import minilm
from addons.nlu.base import Component
from careers import clauses, reading

logger = logging.getLogger(__name__)

FILE_NAME = "intent_classifier.skops"
CAREFUL_FILE_NAME = "intent_classifier_careful.skops"
TRUSTED_TYPES = [
    "addons.nlu.intent_classifier.SentenceVectors",
    "numpy.float64",
    "numpy.int64",
    "scipy.sparse._csr.csr_matrix",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.pipeline.Pipeline",
]


class SentenceVectors(BaseEstimator, TransformerMixin):
    """The meaning of each text (addons/nlu/minilm.py), scaled against the n-gram features."""

    def __init__(self, weight: float = 1.0) -> None:
        self.weight = weight

    def fit(self, texts: List[str], labels: Any = None) -> SentenceVectors:
        return self

    def transform(self, texts: List[str]) -> np.ndarray:
        return minilm.encoder().encode(list(texts)) * self.weight


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(Component, IntentClassifier):
    """Sets `intent` and `intent_ranking` on each message."""

    @staticmethod
    def get_default_config() -> Dict[str, Any]:
        # C: little regularisation, chosen by held-out F1 (BENCHMARKS.md); the training set is
        # small and clean, and FallbackClassifier handles the low-confidence cases.
        # sentence_vectors: the weight of the meaning beside the n-grams in the careful model (0:
        # no careful model; 0.5 and 2 measured about the same as 1); sure_enough: the fast
        # model's confidence from which it is trusted alone (0.9 read every held-out set as
        # asking the careful model about everything did; 0.7 a little worse).
        return {
            "C": 100.0, "ranking_length": 10, "random_state": 42,
            "sentence_vectors": 1.0, "sure_enough": 0.9,
        }  # fmt: skip

    def __init__(
        self,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Pipeline | None = None,
        careful: Pipeline | None = None,
    ) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self.model = model
        self.careful = careful

    @classmethod
    def from_config(
        cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource
    ) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    def _new_model(self, meaning: float = 0.0) -> Pipeline:
        features = FeatureUnion(
            [
                ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
                ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True)),
            ]
            + ([("meaning", SentenceVectors(meaning))] if meaning else [])
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
        texts, intents = [e.get(TEXT) for e in examples], [e.get(INTENT) for e in examples]
        self.model = self._new_model().fit(texts, intents)
        with self._model_storage.write_to(self._resource) as directory:
            sio.dump(self.model, directory / FILE_NAME)
            if self.config["sentence_vectors"]:
                self.careful = self._new_model(self.config["sentence_vectors"]).fit(texts, intents)
                sio.dump(self.careful, directory / CAREFUL_FILE_NAME)
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
                careful = directory / CAREFUL_FILE_NAME
                careful_model = sio.load(careful, trusted=TRUSTED_TYPES) if careful.exists() else None
        except ValueError:
            # No stored model: trained without intents (an NLU-less model).
            return cls(config, model_storage, resource)
        if careful_model is not None:
            minilm.encoder()  # loaded now, not on the first unsure message of a conversation
        return cls(config, model_storage, resource, model, careful_model)

    def _probabilities(self, texts: List[str]) -> np.ndarray:
        """One row of intent probabilities per text. The fast model (n-grams) answers alone when
        it is sure; the texts it is unsure of are asked of the careful one, which also reads their
        meaning: about 20 ms a text on this machine's CPU, paid only where it helps."""
        rows = self.model.predict_proba(texts)  # type: ignore[union-attr]
        # A button's payload ("/answer_path{...}") gets its intent from Rasa's RegexMessageHandler
        # after the pipeline: reading its meaning would only cost time (20 ms a click, issue 17).
        unsure = [
            k for k, row in enumerate(rows)
            if row.max() < self.config["sure_enough"] and not texts[k].startswith(INTENT_MESSAGE_PREFIX)
        ]  # fmt: skip
        if unsure and self.careful is not None:
            rows[unsure] = self.careful.predict_proba([texts[k] for k in unsure])
        return rows

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        texts = [m.get(TEXT) or "" for m in messages]
        labels = self.model.classes_
        for message, probabilities in zip(messages, self._probabilities(texts), strict=True):
            order = np.argsort(-probabilities)[: self.config["ranking_length"]]
            ranking = [{"name": str(labels[i]), "confidence": float(probabilities[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        self._classify_clauses(messages)
        return messages

    def _classify_clauses(self, messages: List[Message]) -> None:
        """Each clause of a message of several (careers/clauses.py) classified on its own, with
        the same model: read by addons/nlu/reading.py, corrected by addons/nlu/intent_rules.py."""
        texts = {id(m): m.get(TEXT) or "" for m in messages}
        spans = {
            k: clauses.clauses(t) for k, t in texts.items() if t and not t.startswith(INTENT_MESSAGE_PREFIX)
        }
        several = [(m, spans[id(m)]) for m in messages if len(spans.get(id(m), [])) > 1]
        pieces = [texts[id(m)][b:e] for m, found in several for b, e in found]
        if not pieces:
            return
        labels = self.model.classes_  # type: ignore[union-attr]
        probabilities = iter(self._probabilities(pieces))
        for message, found in several:
            read = []
            for begin, end in found:
                row = next(probabilities)
                ranked = [(str(labels[i]), float(row[i])) for i in np.argsort(-row)[: reading.CLAUSE_RANKING]]
                text = texts[id(message)][begin:end]
                read.append(reading.Clause(begin, end, text, ranked[0][0], ranked[0][1], tuple(ranked)))
            message.set(reading.CLAUSES, read)
