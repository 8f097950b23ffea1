"""Unanswered messages grouped by similar wording, with counts and one example per group."""

from __future__ import annotations

from collections import Counter

from insights.clusters import group
from insights.figures import Unanswered


def unanswered(text: str, count: int, guess: str = "greet") -> Unanswered:
    senders = {f"{text}-{n}" for n in range(count)} if count < 3 else {"one person"}
    return Unanswered(text, count, Counter({"fell back": count}), Counter({guess: count}), senders)


def test_similar_messages_share_a_group_with_the_most_frequent_as_its_example() -> None:
    found = group(
        [
            unanswered("whats the weather", 3),
            unanswered("what is the weather today", 2, guess="help"),
            unanswered("tell me a joke", 2),
            unanswered("tell me a jok", 1),
            unanswered("can you book a flight", 1),
        ]
    )
    examples = {g.example: (g.count, g.texts, g.conversations) for g in found.groups}
    assert examples["whats the weather"] == (5, 2, 1 + 2)  # said 3 times by one person, and by 2
    assert examples["tell me a joke"] == (3, 2, 2 + 1)
    assert found.groups[0].guesses == {"greet": 3, "help": 2}
    assert sum(g.count for g in found.groups) == 9


def test_only_the_most_frequent_texts_are_grouped_and_the_rest_is_counted() -> None:
    found = group([unanswered(f"question number {n}", 10 - n) for n in range(5)], max_texts=3)
    assert (found.left_out_texts, found.left_out_messages) == (2, 7 + 6)
    assert sum(g.count for g in found.groups) == 10 + 9 + 8


def test_messages_that_differ_only_in_their_numbers_share_a_group() -> None:
    found = group(
        [unanswered(f"book a flight to gate {n}", 1) for n in (7, 1095, 23, 480)]
        + [unanswered("tell me a joke", 1)]
    )
    assert sorted((g.count, g.texts) for g in found.groups) == [(1, 1), (4, 4)]
