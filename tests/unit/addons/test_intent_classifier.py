"""addons/nlu/intent_classifier.py: the fast n-gram model answers alone when it is sure; a message
it is unsure of is read by its meaning too (the careful model, with addons/nlu/minilm.py)."""

from __future__ import annotations

from pathlib import Path
from typing import List

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.nlu import minilm
from addons.nlu.intent_classifier import CAREFUL_FILE_NAME, LinearIntentClassifier

EXAMPLES = {
    "ask_role_salary": ["what does a data scientist earn", "salary of a data engineer",
                        "how much do analysts make", "pay for statisticians",
                        "what is the salary of an ML engineer"],
    "ask_role_outlook": ["job outlook for data scientists", "is demand for data engineers growing",
                         "how many jobs will there be for analysts", "growth of statistician jobs",
                         "future demand for ML engineers"],
    "greet": ["hello", "hi there", "good morning", "hey", "hiya"],
}  # fmt: skip


def _trained(tmp_path: Path, **config: float) -> LinearIntentClassifier:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intent_classifier")
    component = LinearIntentClassifier.create(
        {**LinearIntentClassifier.get_default_config(), **config},
        storage,
        resource,
        ExecutionContext(GraphSchema({}), "t"),
    )
    messages = [Message(data={"text": t, "intent": i}) for i, texts in EXAMPLES.items() for t in texts]
    component.train(TrainingData(training_examples=messages))
    return LinearIntentClassifier.load(
        {**LinearIntentClassifier.get_default_config(), **config},
        storage,
        resource,
        ExecutionContext(GraphSchema({}), "t"),
    )


@pytest.fixture
def encoded(monkeypatch: pytest.MonkeyPatch) -> List[str]:
    """The texts the sentence encoder is asked for."""
    seen: List[str] = []
    original = minilm.Encoder.encode

    def encode(self: minilm.Encoder, texts: List[str]) -> np.ndarray:
        seen.extend(texts)
        return original(self, texts)

    monkeypatch.setattr(minilm.Encoder, "encode", encode)
    return seen


def _intent(component: LinearIntentClassifier, text: str) -> str:
    message = Message(data={"text": text})
    component.process([message])
    return message.get("intent")["name"]


def test_a_message_the_fast_model_is_sure_of_is_not_encoded(tmp_path: Path, encoded: List[str]) -> None:
    component = _trained(tmp_path, sure_enough=0.5)
    encoded.clear()
    assert _intent(component, "hello") == "greet"
    assert encoded == []


def test_a_message_in_other_words_is_read_by_its_meaning(tmp_path: Path, encoded: List[str]) -> None:
    # No word of the examples says hiring or market: the n-grams alone take it for a greeting
    # (test_the_n_grams_alone_miss_it), the careful model reads what the words mean.
    component = _trained(tmp_path, sure_enough=0.99)
    encoded.clear()
    assert _intent(component, "how's the hiring market looking") == "ask_role_outlook"
    assert encoded == ["how's the hiring market looking"]


def test_a_buttons_payload_is_not_encoded(tmp_path: Path, encoded: List[str]) -> None:
    # Rasa's RegexMessageHandler gives a payload its intent after the pipeline; reading its meaning
    # cost every click of the guided path 20 ms (make bench, issue 17's speed figure).
    component = _trained(tmp_path, sure_enough=0.99)
    encoded.clear()
    _intent(component, '/answer_path{"path_option": "building"}')
    assert encoded == []


def test_the_n_grams_alone_miss_it(tmp_path: Path) -> None:
    assert (
        _intent(_trained(tmp_path, sentence_vectors=0.0), "how's the hiring market looking")
        != "ask_role_outlook"
    )


def test_without_sentence_vectors_there_is_no_careful_model(tmp_path: Path, encoded: List[str]) -> None:
    component = _trained(tmp_path, sentence_vectors=0.0)
    assert component.careful is None
    assert not any(tmp_path.rglob(CAREFUL_FILE_NAME))
    _intent(component, "how's the hiring market looking")
    assert encoded == []
