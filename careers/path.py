"""The guided "choose your path" dialogue: its questions, reading answers, scoring, explaining.

The questions, options and weights live in knowledge_base/path.yml; this module only reads
them, so a new question or a third role's weights need no code change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from careers import render
from careers.knowledge import GuidedPath, KnowledgeBase, Question

# Scores this close (in weight points; a clear answer is worth 2) make the result "close".
CLOSE_MARGIN = 2.0
ORDINALS = {"1": 0, "one": 0, "a": 0, "2": 1, "two": 1, "b": 1, "3": 2, "three": 2, "c": 2}


def due_questions(path: GuidedPath, answers: Mapping[str, str]) -> list[Question]:
    """The questions this person gets, given their answers so far, in order."""
    due = []
    for question in path.questions:
        condition = question.ask_if
        if condition is None or answers.get(condition.question) in condition.answers:
            due.append(question)
    return due


def next_question(path: GuidedPath, answers: Mapping[str, str]) -> Question | None:
    """The first due question not answered yet; None when the path is complete."""
    return next((q for q in due_questions(path, answers) if q.id not in answers), None)


def progress(path: GuidedPath, answers: Mapping[str, str]) -> tuple[int, int]:
    """(number of the next question, number of questions due), for "Question 2 of 6"."""
    due = due_questions(path, answers)
    return sum(1 for q in due if q.id in answers) + 1, len(due)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9']+", text.lower())) + " "


def interpret(question: Question, text: str | None) -> str | None:
    """The option id that `text` picks for `question`, or None when it picks none or several.

    An option id (a button payload), its title, its number ("2"), or free text whose words
    match more of one option's synonyms than of any other's.
    """
    if not text or not text.strip():
        return None
    cleaned = text.strip()
    for option in question.options:
        if cleaned == option.id or cleaned.lower() == option.title.lower():
            return option.id
    words = _words(cleaned)
    if words.strip() in ORDINALS and ORDINALS[words.strip()] < len(question.options):
        return question.options[ORDINALS[words.strip()]].id
    hits = {
        option.id: sum(1 for synonym in option.synonyms if _words(synonym) in words)
        for option in question.options
    }
    best = max(hits.values())
    winners = [option_id for option_id, count in hits.items() if count == best]
    return winners[0] if best > 0 and len(winners) == 1 else None


@dataclass(frozen=True)
class Recommendation:
    role: str | None  # None when the scores are tied
    scores: Mapping[str, float]
    leaning: Mapping[str, tuple[str, ...]]  # role id → reasons of the answers that lean to it
    neutral: tuple[str, ...]  # reasons of the answers that lean to no role
    close: bool


def _lean(weights: Mapping[str, float]) -> str | None:
    if not weights:
        return None
    top = max(weights.values())
    leaders = [role for role, weight in weights.items() if weight == top]
    return leaders[0] if top > 0 and len(leaders) == 1 else None


def recommend(kb: KnowledgeBase, answers: Mapping[str, str]) -> Recommendation:
    """Adds up the weights of the answers given; questions not answered count for nothing."""
    scores = {role_id: 0.0 for role_id in kb.roles}
    leaning: dict[str, list[str]] = {role_id: [] for role_id in kb.roles}
    neutral: list[str] = []
    for question in due_questions(kb.path, answers):
        option = next((o for o in question.options if o.id == answers.get(question.id)), None)
        if option is None:
            continue
        for role_id, weight in option.weights.items():
            scores[role_id] += weight
        lean = _lean(option.weights)
        (leaning[lean] if lean else neutral).append(option.reason)
    ranked = sorted(scores.values(), reverse=True)
    runner_up = ranked[1] if len(ranked) > 1 else 0.0
    best = [role_id for role_id, score in scores.items() if score == ranked[0]]
    return Recommendation(
        role=best[0] if len(best) == 1 else None,
        scores=scores,
        leaning={role_id: tuple(reasons) for role_id, reasons in leaning.items()},
        neutral=tuple(neutral),
        close=ranked[0] - runner_up <= CLOSE_MARGIN,
    )


def _you(reasons: Sequence[str]) -> str:
    return "you " + render.join_names(list(reasons))


def explain(kb: KnowledgeBase, result: Recommendation) -> str:
    """The recommendation in words: the role, which answers pointed where, and how sure it is."""
    answered = sum(len(r) for r in result.leaning.values()) + len(result.neutral)
    lines = []
    if result.role is None:
        tied = [kb.roles[r].name for r, s in result.scores.items() if s == max(result.scores.values())]
        lines.append(f"It's a tie: your answers fit {render.join_names(tied)} equally well.")
    else:
        lines.append(f"My recommendation: {kb.roles[result.role].name}.")
    ordered = sorted(result.leaning.items(), key=lambda item: (item[0] != result.role, -len(item[1])))
    for role_id, reasons in ordered:
        if reasons:
            leans = "answer leans" if len(reasons) == 1 else "answers lean"
            lines.append(
                f"{len(reasons)} of your {answered} {leans} toward {kb.roles[role_id].name}: {_you(reasons)}."
            )
    if result.neutral:
        lines.append(f"{len(result.neutral)} pointed neither way: {_you(result.neutral)}.")
    if result.role is not None:
        role = kb.roles[result.role]
        lines.append(f"The founding article says the role suits {role.section('fit').summary}.")
        if result.close:
            lines.append(
                "It's close, though: the other path fits you nearly as well. Internships, projects or "
                "courses in both areas are the best way to find out."
            )
    else:
        lines.append(
            "Internships, projects or courses in both areas are the best way to find out which you prefer."
        )
    return "\n".join(lines)
