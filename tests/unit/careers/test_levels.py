"""careers/levels.py: level words read as the percentiles that answer them, with an honest label:
a percentile is never a starting salary, nor the pay of a title or of a year of experience."""

from __future__ import annotations

import pytest

from careers import levels


@pytest.mark.parametrize(
    ("word", "level", "percentiles"),
    [
        ("starting", "low", ("p10", "p25")),
        ("entry level", "low", ("p10", "p25")),
        ("Entry-level", "low", ("p10", "p25")),
        ("junior", "low", ("p10", "p25")),
        ("top", "high", ("p75", "p90")),
        ("senior", "high", ("p75", "p90")),
        ("highest paid", "high", ("p75", "p90")),
        ("mid-level", "middle", ("p25", "median", "p75")),
    ],
)
def test_a_level_word_is_read_as_percentiles(word: str, level: str, percentiles: tuple[str, ...]) -> None:
    found = levels.level(word)
    assert found is not None and (found.id, found.percentiles) == (level, percentiles)


def test_levels_in_a_whole_message() -> None:
    assert getattr(levels.level_in("What do junior data analysts make in Ohio?"), "id", None) == "low"
    assert getattr(levels.level_in("senior data engineer pay in Texas"), "id", None) == "high"
    assert levels.level_in("top states for data scientists") is None  # "top" alone is not a level here
    assert levels.level_in("where are the most jobs?") is None
    assert levels.level("astronaut") is None


def test_a_percentile_is_said_as_what_it_is_never_as_a_starting_salary() -> None:
    phrases = [levels.percentile_phrase(s, "$1") for s in levels.PERCENTILES]
    assert phrases[0] == "the lowest-paid 10% earn less than $1"
    assert phrases[-1] == "the best-paid 10% earn more than $1"
    assert not any("start" in p or "entry" in p or "senior" in p for p in phrases)
    assert "not a starting salary or the pay of a title" in levels.LEVEL_NOTE


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("what do the bottom 10% of data analysts make", "p10"),
        ("25th percentile salary for statisticians", "p25"),
        ("what does the lower quartile earn", "p25"),
        ("the upper quartile of data engineers", "p75"),
        ("90th percentile pay in Ohio", "p90"),
        ("what do the top 10% earn", "p90"),
        ("lowest paid 25% of DBAs", "p25"),  # the longer phrase at one place wins
        ("pay for recent graduates", "low"),
        ("what do top earners make", "high"),
        ("mid-career pay", "middle"),
    ],
)
def test_a_percentile_named_as_such_is_that_percentile(text: str, level: str) -> None:
    found = levels.level_in(text)
    assert found is not None and found.id == level


def test_a_level_is_found_from_its_words_then_from_the_whole_message() -> None:
    assert getattr(levels.level_of(["senior"], "whatever"), "id", None) == "high"
    assert getattr(levels.level_of(["director"], "entry level pay"), "id", None) == "low"
    assert levels.level_of(["director"], "director pay") is None  # a title, not a level
    assert getattr(levels.level("low"), "id", None) == "low"  # a level's id names it (detail keys)
    assert getattr(levels.level("all"), "percentiles", None) == levels.PERCENTILES
