"""The guided "choose your path" dialogue: its questions, reading answers, scoring, explaining.

The questions, options and weights live in knowledge_base/path.yml; this module only reads
them, so a new question or a third role's weights need no code change.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import spacy
from spacy.language import Language

from careers import names, render, words
from careers.answer import Answer, Button, fit
from careers.knowledge import GuidedPath, KnowledgeBase, Option, Question

# Scores this close (in weight points; a clear answer is worth 2) make the result "close".
CLOSE_MARGIN = 2.0
ORDINALS = {"1": 0, "one": 0, "a": 0, "2": 1, "two": 1, "b": 1, "3": 2, "three": 2, "c": 2}
# Words that turn the next few words around: "not really into charts", "never liked code",
# "I hate making dashboards".
NEGATIONS = words.NEGATIONS | {
    "hardly",
    "barely",
    "dont",
    "cant",
    "wont",
    "isnt",
    "hate",
    "dislike",
    "avoid",
    "detest",
}
# Words after which a mention is the thing set aside: "stats more than code", "rather than".
SET_ASIDE = {"than", "instead", "over", "versus", "vs"}
WINDOW = 3  # how many words before a mention a negation reaches
# Synonyms that answer a question when it is asked, but say nothing about a person when they
# describe themselves unasked: "help me choose between both" is not "I enjoy both", and the
# "love" of "I love statistics" is not about charts.
NOT_DESCRIPTIVE = {
    "both",
    "either",
    "each",
    "equally",
    "first",
    "second",
    "yes",
    "no",
    "ok",
    "okay",
    "fine",
    "none",
}
NOT_DESCRIPTIVE |= {"love", "love it", "like it", "enjoy", "fun", "great", "hate", "dislike", "boring", "meh"}
NOT_DESCRIPTIVE |= {"whatever", "sometimes", "occasionally", "neutral", "no problem", "nope", "rather not"}
NOT_DESCRIPTIVE |= {"avoid", "not for me", "not really"}


@functools.cache
def _tokenizer() -> Language:
    return spacy.blank("en")


def tokens(text: str) -> list[str]:
    """Lower-cased words of `text` by spaCy's English tokenizer ("don't" → "do", "n't")."""
    return [t.lower_ for t in _tokenizer().make_doc(text) if not t.is_punct and not t.is_space]


def due_questions(path: GuidedPath, answers: Mapping[str, str]) -> list[Question]:
    """The questions this person gets, given their answers so far, in order."""
    due = []
    for question in path.questions:
        condition = question.ask_if
        if condition is None or answers.get(condition.question) in condition.answers:
            due.append(question)
    return due


def between(path: GuidedPath, role_ids: Sequence[str]) -> GuidedPath:
    """The path for choosing between a few roles ("help me choose between data engineering and
    MLOps"): only the questions with an option that weighs them differently; the rest cannot
    separate them. path.yml stays the one place the questions and weights live."""
    if len(role_ids) < 2:
        return path
    separating = [
        q
        for q in path.questions
        if any(len({o.weights.get(r, 0.0) for r in role_ids}) > 1 for o in q.options)
    ]
    kept = {q.id for q in separating}
    # A follow-up asked only after a question left out is asked unconditionally.
    opened = [
        q if q.ask_if is None or q.ask_if.question in kept else dataclasses.replace(q, ask_if=None)
        for q in separating
    ]
    return dataclasses.replace(path, questions=tuple(opened))


def next_question(path: GuidedPath, answers: Mapping[str, str]) -> Question | None:
    """The first due question not answered yet; None when the path is complete."""
    return next((q for q in due_questions(path, answers) if q.id not in answers), None)


def progress(path: GuidedPath, answers: Mapping[str, str]) -> tuple[int, int]:
    """(number of the next question, number of questions due), for "Question 2 of 6"."""
    due = due_questions(path, answers)
    # A question not answered yet that decides a follow-up (ask_if) counts it already, so that
    # "Question 1 of 6" does not become "Question 2 of 6" after one answer.
    open_targets = {q.ask_if.question for q in path.questions if q.ask_if} - set(answers)
    pending = sum(1 for q in due if q.id in open_targets)
    return sum(1 for q in due if q.id in answers) + 1, len(due) + pending


def _occurrences(words: Sequence[str], phrase: Sequence[str]) -> list[int]:
    n = len(phrase)
    return [i for i in range(len(words) - n + 1) if list(words[i : i + n]) == list(phrase)]


def _option_scores(question: Question, words: Sequence[str], descriptive_only: bool) -> dict[str, float]:
    """Each option's score: +1 per synonym said plainly, -1 per synonym negated or set aside.

    A synonym inside a longer one that also matched counts once ("not really" is not "really").
    """
    scores = {option.id: 0.0 for option in question.options}
    claimed: set[int] = set()
    found = []
    for option in question.options:
        for synonym in option.synonyms:
            if descriptive_only and synonym.lower() in NOT_DESCRIPTIVE:
                continue
            phrase = tokens(synonym)
            if phrase:
                found += [(len(phrase), start, option.id) for start in _occurrences(words, phrase)]
    for length, start, option_id in sorted(found, key=lambda f: -f[0]):
        span = set(range(start, start + length))
        if span & claimed:
            continue
        claimed |= span
        before = set(words[max(0, start - WINDOW) : start])
        scores[option_id] += -1.0 if before & (NEGATIONS | SET_ASIDE) else 1.0
    return scores


def _pick(question: Question, scores: Mapping[str, float]) -> str | None:
    best = max(scores.values())
    winners = [option_id for option_id, score in scores.items() if score == best]
    if best > 0:
        return winners[0] if len(winners) == 1 else None
    # Only negations: "not really into charts" on a two-way question means the other option.
    negated = [option_id for option_id, score in scores.items() if score < 0]
    if negated and len(question.options) == 2:
        return next(o.id for o in question.options if o.id not in negated)
    return None


def interpret(question: Question, text: str | None) -> str | None:
    """The option id that `text` picks for `question`, or None when it picks none or several.

    An option id (a button payload), its title, its number ("2"), or free text read with
    spaCy's tokens: a synonym counts for its option, a negated one ("not really into charts")
    or one set aside ("stats more than code") against it.
    """
    if not text or not text.strip():
        return None
    return picked_exactly(question, text) or _pick(question, _option_scores(question, tokens(text), False))


def picked_exactly(question: Question, text: str) -> str | None:
    """The option `text` names as a button would: its id, its title or its number; else None.
    Anything else was read from the person's own words, and the answer says how."""
    cleaned = text.strip()
    for option in question.options:
        if cleaned == option.id or cleaned.lower() == option.title.lower():
            return option.id
    words = tokens(cleaned)
    if len(words) == 1 and words[0] in ORDINALS and ORDINALS[words[0]] < len(question.options):
        return question.options[ORDINALS[words[0]]].id
    return None


def read_description(path: GuidedPath, text: str | None) -> dict[str, str]:
    """The answers a person gave unasked, describing themselves ("I love stats and explaining
    things to people"): question id → option id, for each question their words settle."""
    if not text or text.startswith("/"):
        return {}
    words = tokens(text)
    answers: dict[str, str] = {}
    for question in due_questions(path, answers):
        option = _pick(question, _option_scores(question, words, descriptive_only=True))
        if option is not None:
            answers[question.id] = option
    # A later question may be due only because of an earlier answer (ask_if): read again.
    for question in due_questions(path, answers):
        if question.id not in answers:
            option = _pick(question, _option_scores(question, words, descriptive_only=True))
            if option is not None:
                answers[question.id] = option
    return answers


def option(question: Question, option_id: str) -> Option:
    return next(o for o in question.options if o.id == option_id)


def understood(path: GuidedPath, answers: Mapping[str, str]) -> str:
    """One line saying what was read from a description, and that only the rest is asked."""
    reasons = [option(q, answers[q.id]).reason for q in path.questions if q.id in answers]
    rest = "I'll ask only what's left." if next_question(path, answers) else "That answers all my questions."
    return f"From what you said, you {render.join_names(reasons)}. {rest}"


def undo_last(path: GuidedPath, answers: Mapping[str, str]) -> dict[str, str]:
    """The answers without the latest one given, so that its question is asked again."""
    answered = [q.id for q in due_questions(path, answers) if q.id in answers]
    kept = {q: a for q, a in answers.items() if not answered or q != answered[-1]}
    # An answer that made a later question due takes that question's answer with it.
    due = {q.id for q in due_questions(path, kept)}
    return {q: a for q, a in kept.items() if q in due}


@dataclass(frozen=True)
class Recommendation:
    role: str | None  # None when the scores are tied
    runner_up: str | None  # the next best role (one of the tied ones for a tie)
    scores: Mapping[str, float]
    support: Mapping[str, tuple[str, ...]]  # role id → reasons of the answers that add to it
    neutral: tuple[str, ...]  # reasons of the answers that point to no role
    close: bool
    answered: int


def recommend(kb: KnowledgeBase, answers: Mapping[str, str], among: Sequence[str] = ()) -> Recommendation:
    """Adds up the weights of the answers given; questions not answered count for nothing.
    `among`: only these roles compete (choosing between two)."""
    scores = {role_id: 0.0 for role_id in (among or kb.roles)}
    support: dict[str, list[str]] = {role_id: [] for role_id in scores}
    neutral: list[str] = []
    answered = 0
    for question in due_questions(kb.path, answers):
        option = next((o for o in question.options if o.id == answers.get(question.id)), None)
        if option is None:
            continue
        answered += 1
        for role_id, weight in option.weights.items():
            if role_id not in scores:
                continue
            scores[role_id] += weight
            if weight > 0:
                support[role_id].append(option.reason)
        if not any(w > 0 for r, w in option.weights.items() if r in scores):
            neutral.append(option.reason)
    ordered = sorted(scores, key=lambda r: -scores[r])  # stable: knowledge-base order breaks ties
    best, second = ordered[0], ordered[1] if len(ordered) > 1 else None
    tied = second is not None and scores[second] == scores[best]
    return Recommendation(
        role=None if tied else best,
        runner_up=second,
        scores=scores,
        support={role_id: tuple(reasons) for role_id, reasons in support.items()},
        neutral=tuple(neutral),
        close=second is not None and scores[best] - scores[second] <= CLOSE_MARGIN,
        answered=answered,
    )


def _you(reasons: Sequence[str]) -> str:
    return "you " + render.join_names(list(reasons))


def explain(kb: KnowledgeBase, result: Recommendation) -> str:
    """The recommendation in words: the best fit and the runner-up, each with the answers that
    point to it, and how sure it is."""
    lines = []
    top = max(result.scores.values())
    if result.role is None:
        tied = [kb.roles[r].name for r, s in result.scores.items() if s == top]
        lines.append(f"It's a tie: your answers fit {render.join_names(tied)} equally well.")
        for role_id in [r for r, s in result.scores.items() if s == top][:2]:
            if result.support[role_id]:
                lines.append(f"For {kb.roles[role_id].name}: {_you(result.support[role_id])}.")
        lines.append(
            "Internships, projects or courses in these areas are the best way to find out which you prefer."
        )
    else:
        role = kb.roles[result.role]
        lines.append(f"My recommendation: {role.name}.")
        if result.support[result.role]:
            lines.append(f"Why: {_you(result.support[result.role])}.")
        if result.runner_up is not None and result.scores[result.runner_up] > 0:
            runner = kb.roles[result.runner_up]
            reasons = result.support[result.runner_up]
            lines.append(f"Runner-up: {runner.name}" + (f", as {_you(reasons)}." if reasons else "."))
        lines.append(f"The role suits {role.section('fit').summary}.")
        if result.close and result.runner_up is not None:
            lines.append(
                f"It's close, though: {kb.roles[result.runner_up].name} fits you nearly as well. "
                "Internships, projects or courses in both areas are the best way to find out."
            )
    if result.neutral:
        lines.append(
            f"{len(result.neutral)} of your {result.answered} answers pointed nowhere in particular: "
            f"{_you(result.neutral)}."
        )
    return "\n".join(lines)


def why_not(
    kb: KnowledgeBase, answers: Mapping[str, str], named: Sequence[str], among: Sequence[str] = ()
) -> Answer:
    """ "Why not X?" after a recommendation, from the person's own answers: which answers pointed
    to the winner, which pointed away from X, and how close X came. With two roles named
    ("why A over B?"), X is the one that is not the winner."""
    # Chosen between two: the same two compete, unless the question names a role outside them.
    among = among if among and set(named) <= set(among) else ()
    result = recommend(kb, answers, among)
    ranked = sorted(result.scores, key=lambda r: -result.scores[r])
    winner = result.role or ranked[0]
    others = [r for r in named if r != winner]
    if not others:
        if named:  # "why data scientist?" about the winner itself
            return Answer(explain(kb, result), (Button("Help me choose again", names.START_PATH),))
        others = [result.runner_up] if result.runner_up else []
    if not others:
        return Answer(explain(kb, result))
    other = others[0]
    win, lose = kb.roles[winner], kb.roles[other]
    away: list[str] = []
    for question in due_questions(kb.path, answers):
        option = next((o for o in question.options if o.id == answers.get(question.id)), None)
        if option is not None and option.weights.get(other, 0.0) < option.weights.get(winner, 0.0):
            away.append(option.reason)
    gap = result.scores[winner] - result.scores[other]
    place = ranked.index(other) + 1
    lines = [
        f"Why {win.name} and not {lose.name}: from your {result.answered} answers, {win.name} scored "
        f"{result.scores[winner]:g} and {lose.name} {result.scores[other]:g} "
        f"(number {place} of {len(ranked)})."
    ]
    if result.support[winner]:
        lines.append(f"- For {win.name}: {_you(result.support[winner])}.")
    if away:
        lines.append(f"- Away from {lose.name}: {_you(away[:3])}.")
    if result.support[other]:
        lines.append(f"- For {lose.name}: {_you(result.support[other])}.")
    if gap <= CLOSE_MARGIN:
        lines.append(f"It's close: {lose.name} fits you nearly as well.")
    buttons = (
        Button(f"Compare {win.name} and {lose.name}", names.COMPARE_ROLES, {"role": [winner, other]}),
        Button("Help me choose again", names.START_PATH),
    )
    return Answer(fit("\n".join(lines)), buttons)
