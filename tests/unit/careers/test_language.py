"""careers/language.py: another language is recognised, English never taken for one."""

from __future__ import annotations

import pytest

from careers import language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Was verdient ein Datenwissenschaftler in Berlin?", "de"),
        ("¿Cuánto gana un ingeniero de datos en España?", "es"),
        ("数据科学家的工资是多少？", "zh"),
    ],
)
def test_another_language_is_recognised(text: str, code: str) -> None:
    assert language.detect(text).language == code


@pytest.mark.parametrize(
    "text", ["salary?", "DS vs DE", "start the questionnaire", "what does a data scientist do", "ok thanks"]
)
def test_short_or_english_messages_stay_english(text: str) -> None:
    assert language.detect(text).english
