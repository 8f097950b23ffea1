"""Each figure of the report, from small stores (SQLite and PostgreSQL) built here."""

from __future__ import annotations

from typing import Any

from harness import events as ev
from insights.figures import Figures, collect
from insights.store import conversations
from tests.unit.insights.conftest import Writer

DAY1 = 1_764_547_200.0  # 2025-12-01 00:00 UTC
DAY2 = DAY1 + 86400


def figures(url: Any) -> Figures:
    return collect(conversations(url, DAY1, DAY1 + 10 * 86400), DAY1, DAY1 + 10 * 86400)


def test_conversations_and_messages_per_day_and_per_channel(url: Any, write: Writer) -> None:
    write(
        [
            ("rest-1", [ev.user("hi", "greet", DAY1 + 10), ev.user("bye", "goodbye", DAY2 + 10)]),
            ("widget-1", [ev.user("hi", "greet", DAY2 + 20, channel="socketio")]),
            ("slack-1", [ev.user("hi", "greet", DAY2 + 30, channel="slack")]),
            ("shell-1", [ev.user("hi", "greet", DAY2 + 40, channel="cmdline")]),
            ("silent", [ev.action("action_session_start", DAY1)]),  # no message: no conversation
        ]
    )
    found = figures(url)
    assert (found.conversations, found.messages) == (4, 5)
    assert found.conversations_per_day == {"2025-12-01": 1, "2025-12-02": 3}
    assert found.messages_per_day == {"2025-12-01": 1, "2025-12-02": 4}
    assert found.conversations_per_channel == {"REST": 1, "widget": 1, "Slack": 1, "shell": 1}
    assert found.messages_per_channel == {"REST": 2, "widget": 1, "Slack": 1, "shell": 1}


def test_what_people_ask_and_how_it_was_answered(url: Any, write: Writer) -> None:
    write(
        [
            (
                "a",
                [
                    ev.user(
                        "salary of data engineers in Texas",
                        "ask_role_salary",
                        DAY1,
                        entities=[("role", "data_engineer"), ("place", "TX")],
                    ),
                    ev.user(
                        "compare DS and DE",
                        "compare_roles",
                        DAY1 + 1,
                        entities=[("role", "data_scientist"), ("role", "data_engineer")],
                    ),
                    ev.user("what's the weather", "out_of_scope", DAY1 + 2),
                    ev.user("blorp", "nlu_fallback", DAY1 + 3, confidence=0.25),
                    ev.user("hmm maybe", "greet", DAY1 + 4, confidence=0.2),
                    ev.user(
                        '/feedback{"rating":"up"}', "feedback", DAY1 + 5, confidence=0.1
                    ),  # a button: answered
                ],
            )
        ]
    )
    found = figures(url)
    assert found.intents["ask_role_salary"] == 1 and found.intents["nlu_fallback"] == 1
    assert found.roles == {"data_engineer": 2, "data_scientist": 1}
    assert found.aspects == {"salary": 1}
    assert found.places == {"TX": 1}
    assert found.outcomes == {"answered": 3, "out of scope": 1, "fell back": 1, "low confidence": 1}
    assert set(found.unanswered) == {"what's the weather", "blorp", "hmm maybe"}
    assert found.unanswered["blorp"].guesses == {"ask_role_salary": 1}  # the guess under the fallback


def test_a_message_followed_by_the_default_fallback_action_fell_back(url: Any, write: Writer) -> None:
    write(
        [
            (
                "a",
                [
                    ev.user("tell me", "help", DAY1, confidence=0.8),
                    ev.action("action_default_fallback", DAY1 + 1),
                ],
            )
        ]
    )
    assert figures(url).outcomes == {"fell back": 1}


def test_unanswered_messages_are_kept_masked_with_how_many_people_said_them(url: Any, write: Writer) -> None:
    said = "mail me at ann@example.com or +44 20 7946 0958"
    write([("a", [ev.user(said, "out_of_scope", DAY1), ev.user(said, "out_of_scope", DAY1 + 1)])])
    write([("b", [ev.user(said, "out_of_scope", DAY1 + 2)])])
    found = figures(url).unanswered
    assert list(found) == ["mail me at [email] or [phone]"]
    group = found["mail me at [email] or [phone]"]
    assert group.count == 3 and len(group.senders) == 2
    assert not {"a", "b"} & group.senders  # held hashed
