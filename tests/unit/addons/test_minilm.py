"""The NumPy sentence encoder (addons/nlu/minilm.py) gives what the reference implementation gives.

minilm_reference.json was made once with transformers + PyTorch on the same model files (the
pieces and the unit vector of five texts: plain, German, slang, a whole message with
punctuation, accents and Chinese characters). If the package's files or our code change, these
fail before any figure in BENCHMARKS.md quietly moves.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from addons.nlu import minilm

REFERENCE = json.loads((Path(__file__).parent / "minilm_reference.json").read_text(encoding="utf-8"))["texts"]


@pytest.fixture(scope="module")
def encoder() -> minilm.Encoder:
    return minilm.encoder()


@pytest.mark.parametrize("case", REFERENCE, ids=lambda case: case["text"][:30])
def test_pieces_are_those_of_the_reference_tokenizer(encoder: minilm.Encoder, case: dict) -> None:
    assert encoder.tokenizer.encode(case["text"]) == case["ids"]


@pytest.mark.parametrize("case", REFERENCE, ids=lambda case: case["text"][:30])
def test_vector_is_that_of_the_reference_model(encoder: minilm.Encoder, case: dict) -> None:
    vector = encoder.encode([case["text"]])[0]
    assert vector.shape == (minilm.DIMENSIONS,)
    assert np.abs(vector - np.array(case["vector"])).max() < 1e-4


def test_texts_encoded_together_are_encoded_as_alone(encoder: minilm.Encoder) -> None:
    # Padding to the longest of a batch must not change a shorter text's vector.
    texts = [case["text"] for case in REFERENCE] + ["hi"]
    together = encoder.encode(texts)
    alone = np.stack([encoder.encode([text])[0] for text in texts])
    assert np.abs(together - alone).max() < 1e-5


def test_a_question_in_other_words_is_nearer_than_another_question(encoder: minilm.Encoder) -> None:
    # What the careful intent model relies on: no word of the second is in the first.
    salary, other_words, outlook = encoder.encode(
        [
            "how much does a data scientist earn?",
            "what kind of money do they take home",
            "is there demand for them?",
        ]
    )
    assert float(salary @ other_words) > float(salary @ outlook)


def test_a_very_long_text_is_cut_at_the_model_limit(encoder: minilm.Encoder) -> None:
    pieces = encoder.tokenizer.encode("data " * 1000)
    assert len(pieces) == minilm.MAX_TOKENS
    assert encoder.encode(["data " * 1000]).shape == (1, minilm.DIMENSIONS)


def test_empty_text_gives_a_unit_vector(encoder: minilm.Encoder) -> None:
    assert abs(float(np.linalg.norm(encoder.encode([""])[0])) - 1.0) < 1e-5


# The two files read, as published upstream (sentence-transformers/all-MiniLM-L6-v2 on Hugging
# Face; the package repackages them, compared once by a reviewer on 2026-12-02).
UPSTREAM_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
}


@pytest.mark.parametrize("name", sorted(UPSTREAM_SHA256))
def test_the_installed_files_are_the_upstream_model(name: str) -> None:
    assert hashlib.sha256((minilm.model_dir() / name).read_bytes()).hexdigest() == UPSTREAM_SHA256[name]


def test_a_missing_package_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minilm.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(RuntimeError, match=r"make install.*--no-deps"):
        minilm.model_dir()


def test_one_long_text_never_pads_many_short_ones(
    encoder: minilm.Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A pasted essay among short clauses: each batch stays within BATCH_PIECES padded pieces.
    sizes = []
    forward = minilm.Encoder._forward

    def recorded(self: minilm.Encoder, rows: list) -> np.ndarray:
        sizes.append(len(rows) * max(len(row) for row in rows))
        return forward(self, rows)

    monkeypatch.setattr(minilm.Encoder, "_forward", recorded)
    texts = ["what does a data scientist earn?"] * 63 + ["data " * 500]
    vectors = encoder.encode(texts)
    assert max(sizes) <= minilm.BATCH_PIECES and len(sizes) == 2
    assert np.abs(vectors[-1] - encoder.encode(["data " * 500])[0]).max() < 1e-5
