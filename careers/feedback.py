"""Feedback on answers (feature `feedback`, issue 19): when to ask "Was this helpful?", what a
rating or a "what was missing" note records, and the words of the exchange.

The answering actions ask themselves (actions/feedback.py), as a separate last message of their
reply, so the dialogue (data/rules/) does not change: one rule maps the `feedback` intent to
`action_record_feedback`. Everything here reads plain event dicts (the tracker's `events`), so it
is tested without Rasa. The record, read by the report (insights/journeys.py), is one
`feedback` slot event per rating, `{"kind", "rating", "missing"}`.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Mapping

from careers import names

# The answers worth rating: what the assistant knows or works out for the person, as opposed to
# lists, menus, acknowledgements, clarifying questions and small talk. An action name, because the
# report counts feedback per kind of answer and the action names one.
KINDS: Mapping[str, str] = {
    "action_answer_role": "a role's facts, or its pay in a place",
    "action_answer_other_role": "the other role of a comparison",
    "action_compare_roles": "a comparison of two roles",
    "action_rank_roles": "the family ranked",
    "action_answer_pay": "pay in a place",
    "action_show_skill_gap": "the gap to a role",
    "action_show_roadmap": "a roadmap",
    "action_rank_closest_roles": "the closest roles",
    "action_plan_transition": "a move between jobs",
    "action_recommend_path": "the guided path's recommendation",
    "action_explain_why_not": "why not another role",
    "action_rank_by_skill": "roles ranked by a kind of skill",
    "action_give_advice": "advice (how long, age, AI)",
    "action_answer_parts": "several questions in one message",  # their answers, rated together
}


def kind_name(kind: str) -> str:
    """What a kind of answer is, in words, for the report: "a roadmap (action_show_roadmap)"."""
    return f"{KINDS[kind]} ({kind})" if kind in KINDS else kind


UP = "up"
DOWN = "down"
RATINGS = (UP, DOWN)

QUESTION = "Was this helpful?"  # the report finds the question by this start (insights/journeys.py)
MISSING_PROMPT = "Thanks. What was missing? (optional: just type it, or ask something else)"
THANKS_UP = "Thanks!"
THANKS_DOWN = "Thanks, noted."  # a second 👎 on the same answer: it asks only once
THANKS_MISSING = "Thanks, I've noted that. Anything else you'd like to know?"
NOTHING_TO_RATE = (
    "Thanks! There's no answer of mine to rate yet. Ask me about a data career and tell me afterwards."
)
# The emoji with a word: a browser or terminal without an emoji font still shows what each means.
UP_TITLE = "👍 Yes"
DOWN_TITLE = "👎 No"

# How often: at most once in GAP_TURNS messages of the person (so two questions in a row get one
# "Was this helpful?"), never again for a kind of answer already rated in this session (they told
# us), and not after IGNORED_LIMIT questions left unanswered in this session (they don't want to).
GAP_TURNS = 3
IGNORED_LIMIT = 2


def payload(rating: str) -> str:
    """The button payload of a rating (`/feedback{"rating":"up"}`)."""
    return f'/{names.FEEDBACK}{{"{names.RATING}":"{rating}"}}'


def question_buttons() -> List[Dict[str, str]]:
    return [{"title": UP_TITLE, "payload": payload(UP)}, {"title": DOWN_TITLE, "payload": payload(DOWN)}]


def is_question(text: Any) -> bool:
    return isinstance(text, str) and text.startswith(QUESTION)


def _session(events: Iterable[Mapping[str, Any]]) -> List[Mapping[str, Any]]:
    """The events of the current session (after the last `session_started` or `restart`)."""
    found: List[Mapping[str, Any]] = []
    for event in events:
        if event.get("event") in ("session_started", "restart"):
            found = []
        else:
            found.append(event)
    return found


def ratings(events: Iterable[Mapping[str, Any]]) -> List[Dict[str, Any]]:
    """The feedback records of the current session, in order."""
    return [
        dict(e["value"])
        for e in _session(events)
        if e.get("event") == "slot" and e.get("name") == names.FEEDBACK and isinstance(e.get("value"), dict)
    ]


def should_ask(kind: str, events: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the answer the action `kind` has just given ends with "Was this helpful?";
    `events` are the conversation's before this answer."""
    if kind not in KINDS:
        return False
    session = _session(events)
    if any(r.get("kind") == kind for r in ratings(session)):
        return False
    asked = [i for i, e in enumerate(session) if e.get("event") == "bot" and is_question(e.get("text"))]
    rated = {r.get("kind") for r in ratings(session)}
    if len(asked) - len(rated) >= IGNORED_LIMIT:
        return False
    if asked:
        since = [e for e in session[asked[-1] :] if e.get("event") == "user"]
        if len(since) < GAP_TURNS:
            return False
    return True


def rating_of(payload_rating: Any, text: str) -> str:
    """The rating of a feedback message: the button's entity, else the typed words ("not helpful",
    "thumbs down", "-" are down; "that helped", "thumbs up", "+" are up)."""
    if payload_rating in RATINGS:
        return str(payload_rating)
    words = set(re.findall(r"[a-z']+", text.lower()))
    negative = {"not", "no", "didn't", "didnt", "wasn't", "wasnt", "useless", "unhelpful", "down", "bad"}
    return DOWN if words & negative or text.strip() in ("-", "👎") else UP


def record(kind: str, rating: str, missing: str | None = None) -> Dict[str, Any]:
    """The value of the `feedback` slot that records one rating (insights/journeys.py)."""
    return {"kind": kind, "rating": rating, "missing": missing}


def asked_missing(events: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the assistant's last message asked what was missing (so the person's next message,
    if it is not a question the assistant answers, is that)."""
    said = [e for e in events if e.get("event") == "bot"]
    return bool(said) and said[-1].get("text") == MISSING_PROMPT


def already_down(events: Iterable[Mapping[str, Any]], kind: str) -> bool:
    """Whether this answer already got a 👎 in this session: the "what was missing" is asked once."""
    return any(r.get("kind") == kind and r.get("rating") == DOWN for r in ratings(events))


def missing_note(text: str) -> str | None:
    """What the person typed after "What was missing?", as a note, or None when it is a button
    payload or empty."""
    note = text.strip()
    return note if note and not note.startswith("/") else None
