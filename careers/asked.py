"""What one clause asks (feature `reading`): the intent model's guess for a clause of a
message, corrected by its words (careers/cues.py) and by what the person told before it in the
same message. careers/reading.py assembles the clauses' answers into the parts of the whole
message; careers/stated.py reads what the person says about themselves. Pure Python: no Rasa.
"""

from __future__ import annotations

from typing import Any, Collection, Mapping, Sequence

from careers import names, stated
from careers.clauses import FILLERS, Clause
from careers.clauses import words as _words
from careers.cues import (
    AGE,
    AGE_REPLACES,
    AI_RISK,
    AI_RISK_REPLACES,
    CLOSEST_WORDS,
    DURATION_WORDS,
    FIGURE_DOUBT,
    FIRST_STEP,
    FIRST_WORDS,
    GAP_CUE,
    GAP_WORDS,
    MOVE_NOUNS,
    OPTIONS_WORDS,
    SOURCE_CUE,
    START_WORDS,
    asks_readiness,
)  # fmt: skip
from careers.words import NEGATIONS

ROLE, ASPECT = names.ROLE, names.ASPECT

# Intents that only state something about the person: a profile part, no question.
PROFILE_INTENTS = {names.TELL_SKILLS}
CORRECTION_INTENTS = {names.FORGET_SKILL}
# Intents a clause may carry that ask nothing by themselves (small talk around a question).
NOT_A_QUESTION = {names.ACKNOWLEDGE, names.THANK, names.GREET, names.OUT_OF_SCOPE, names.SAY_SEVERAL}
# Intents that mean something only inside the guided path or as a whole message ("why do you
# ask?", "back", a path answer, "help"): in one clause of several, the next best guess is meant.
NOT_IN_A_CLAUSE = {
    names.ANSWER_PATH, names.ASK_WHY, names.GO_BACK, names.HELP, names.EXPRESS_FRUSTRATION,
    names.START_OVER, names.STOP_PATH, names.ASK_DETAIL, names.OTHER_LANGUAGE, names.SAY_SEVERAL,
    names.BOT_CHALLENGE, names.GOODBYE,
}  # fmt: skip
# "...and what about data analysts?": a clause that names only a role asks what the clause
# before it asked.
JUST_A_ROLE = {names.INFORM_ROLE, names.ASK_OTHER_ROLE}

# Questions that ask about the person's own case.
ASKED_FOR_ME = {
    names.ASK_SKILL_GAP, names.ASK_CLOSEST_ROLE, names.ASK_ROADMAP, names.ASK_TRANSITION,
    names.START_PATH, names.TELL_SKILLS,
}  # fmt: skip
# A question asked right after telling one's skills or background means the person's own case:
# the skills of a role are the gap to it, the list of roles is the closest ones (issue 17).
PERSONAL = {
    names.ask_role("skills"): names.ASK_SKILL_GAP,
    names.LIST_ROLES: names.ASK_CLOSEST_ROLE,
}


# What a statement naming a role says when it names where the person wants to go ("want to become
# a data scientist eventually.", "Thinking about MLOps."), not a question asked without its mark.
GOALS = {
    names.INFORM_ROLE, names.ASK_TRANSITION, names.ASK_SKILL_GAP, names.ask_role("fit"), names.START_PATH,
    names.ASK_ROADMAP,
}  # fmt: skip
ADVICE = {names.ASK_DURATION, names.ASK_AGE, names.ASK_AI_RISK}
FIRST_STEP_REPLACES = {names.ask_role("skills"), names.ASK_CLOSEST_ROLE, names.START_PATH, names.LIST_ROLES}
# What a question about the closest roles, or about where to start, may have been taken for.
CLOSEST_REPLACES = {
    names.START_PATH, names.ASK_SOURCES, names.RANK_ROLES, names.COMPARE_ROLES, names.ASK_TRANSITION,
    names.LIST_ROLES, names.ask_role("fit"), names.ask_role("overview"),
}  # fmt: skip
STARTS = {names.ASK_TRANSITION, names.START_PATH, names.ask_role("skills"), names.ask_role("education")}
# What "gap" in a clause replaces: a role alone, small talk, the role's skills, nothing.
GAP_REPLACES = JUST_A_ROLE | NOT_A_QUESTION | {names.ask_role("skills"), ""}
# Question intents that name no aspect: a clause naming one asks about it instead.
NOT_AN_ASPECT = {names.INFORM_ROLE, names.ASK_RELATED_ROLES, names.ANSWER_PATH}
# Below this confidence, the one aspect a clause names outweighs the model's other aspect.
UNSURE = 0.6


FIT = "fit"
POINTERS = {
    "it",
    "this",
    "that",
    "they",
    "them",
    "one",
    "those",
    "these",
}  # a role in focus  # the aspect of "which job suits me": the guided path's own question


def values(entities: Sequence[Mapping[str, Any]], kind: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(e["value"]) for e in entities if e.get("entity") == kind))


def next_best(clause: Clause, also_not: Collection[str] = ()) -> Clause:
    for intent, confidence in clause.ranking[1:]:
        if intent not in NOT_IN_A_CLAUSE and intent not in also_not:
            return Clause(clause.start, clause.end, clause.text, intent, confidence, clause.ranking)
    return Clause(clause.start, clause.end, clause.text, "", 0.0, clause.ranking)


def cued(clause: Clause, own: Sequence[Mapping[str, Any]], statement: bool, several_clauses: bool) -> str:
    """What the clause asks by its words (careers/cues.py) when the model guessed otherwise, or
    "" to keep the model's guess."""
    said = clause.text.lower()
    if clause.intent in PROFILE_INTENTS | CORRECTION_INTENTS:
        return ""
    if AI_RISK.search(said) and clause.intent in AI_RISK_REPLACES | NOT_A_QUESTION and not statement:
        return names.ASK_AI_RISK  # "will AI take over data engineering jobs?"
    if FIGURE_DOUBT.search(said) or SOURCE_CUE.search(said):
        return names.ASK_SOURCES  # "that seems high": where the figure comes from, what it covers
    if GAP_CUE.search(said) and clause.intent in GAP_REPLACES:
        return names.ASK_SKILL_GAP  # "data scientist gap?", "... want to become a DS. what's the gap"
    if (
        several_clauses
        and not statement
        and MOVE_NOUNS & set(_words(said))
        and clause.intent in NOT_A_QUESTION
    ):
        return names.ASK_TRANSITION  # "... I'd like to go full-time data analyst. How do I make that move?"
    aspects = values(own, ASPECT)
    if statement or len(aspects) != 1:
        return ""
    wanted = names.ask_role(aspects[0])
    if clause.intent in NOT_A_QUESTION | {""}:
        # "bi analyst: what tools, and what's the office vibe like?" (in a message of several:
        # alone, the intent rules weigh an off-topic verdict).
        return wanted if several_clauses else ""
    if clause.intent in NOT_AN_ASPECT:
        return wanted  # "ELI5 mlops engineering" is no list of related roles
    asked = names.aspect_of(clause.intent)
    if asked is not None and asked != aspects[0] and clause.confidence < UNSURE:
        return wanted  # "BI analyst in a nutshell?": the one aspect named, over an unsure guess
    return ""


def refined(
    intent: str,
    clause: Clause,
    roles: tuple[str, ...],
    own: Sequence[Mapping[str, Any]],
    entities: Sequence[Mapping[str, Any]],
    *,
    told: bool,
    described: bool,
    told_job: bool,
) -> str:
    """What a question clause asks once its words and what the person told are weighed: the
    first step, the closest roles, the gap or the guided path where the model guessed a generic
    question. `roles`: the clause's roles (with the role of the question before when it compares
    them); `own`: the clause's entities; `entities`: the whole message's; `told`: skills, a
    background or a job told before it; `described`: likes and dislikes told; `told_job`: a
    background or a job told."""
    clause_words = set(_words(clause.text))
    if intent == names.START_PATH and len(roles) < 2:
        aspect = asked_aspect(clause, own)
        if aspect is not None and aspect != FIT:
            intent = names.ask_role(aspect)  # "which cloud platform should I learn?"
        elif START_WORDS & clause_words and {"where", "how", "first"} & clause_words:
            intent = names.ASK_ROADMAP  # "where would I start?": the first stage of a roadmap
    if intent == names.ask_role(FIT) and not values(entities, ROLE) and not POINTERS & clause_words:
        intent = names.START_PATH  # "what role for me": which role fits is the guided path
    if AGE.search(clause.text.lower()) and intent in AGE_REPLACES:
        intent = names.ASK_AGE  # "could I still learn it at 40?"
    elif (intent == names.ask_role("skills") and clause_words >= FIRST_WORDS) or (
        intent in FIRST_STEP_REPLACES and FIRST_STEP.search(clause.text.lower())
    ):
        intent = names.ASK_ROADMAP  # "what should I learn first for data analyst": its first stage
    elif intent == names.ASK_DURATION and not DURATION_WORDS & clause_words:
        # "can a chef realistically become a DA?" names no length of time: the next guess.
        guess = next_best(clause, also_not={names.ASK_DURATION} | NOT_A_QUESTION | PROFILE_INTENTS).intent
        intent = guess or intent
    elif told and intent == names.ask_role("skills") and stated.FIRST_PERSON & clause_words and not roles:
        intent = names.ASK_SKILL_GAP  # "DS at a consultancy, ... want to be MLE, what do i need"
    elif told and CLOSEST_WORDS & clause_words and len(roles) != 1 and intent in CLOSEST_REPLACES:
        intent = names.ASK_CLOSEST_ROLE  # "which of your data roles is the shortest hop from where I am?"
    elif told and START_WORDS & clause_words and {"how", "where"} & clause_words and intent in STARTS:
        intent = names.ASK_ROADMAP  # "bus driver, ... how do i start getting into data analysis"
    elif told and OPTIONS_WORDS & clause_words and not roles and intent not in ASKED_FOR_ME:
        intent = names.ASK_CLOSEST_ROLE  # "postdoc, matlab and some python. options outside academia?"
    elif told and intent == names.COMPARE_ROLES and len(roles) == 2 and "or" in clause_words:
        intent = names.START_PATH  # "masters in applied math, ... research scientist or ml engineer?"
    elif (
        told
        and asks_readiness(clause.text)
        and len(roles) == 1
        and intent not in ASKED_FOR_ME
        and not (intent in ADVICE and DURATION_WORDS & clause_words)  # "how long till i land a DA job"
    ):
        intent = names.ASK_SKILL_GAP  # "where do I stand for a data scientist job?"
    if intent == names.ASK_CLOSEST_ROLE and described and not told:
        intent = names.START_PATH  # likes and dislikes, no skills: the guided path
    if told and not (intent == names.ask_role("skills") and not GAP_WORDS & clause_words):
        intent = PERSONAL.get(intent, intent)
        if intent == names.ASK_TRANSITION and len(roles) == 1 and not told_job:
            # "I know AWS ... could I still be an MLOps engineer?", "i only know excel. can i
            # become a data analyst": no job to move from, so the way there is the gap.
            intent = names.ASK_SKILL_GAP
    return intent


def describes_me(clause: Clause, parsed: Sequence[Clause]) -> bool:
    """A first-person statement among several clauses ("i like digging into data, ...") is the
    person describing themselves, whatever the model guessed for it alone."""
    words = [w for w in _words(clause.text) if w not in FILLERS | {"honestly", "well", "guess"}]
    return len(parsed) > 1 and bool(words) and words[0] in stated.FIRST_PERSON


def asked_aspect(clause: Clause, own: Sequence[Mapping[str, Any]]) -> str | None:
    """ "which cloud platform should I learn?": the aspect right after the question word."""
    aspect = next((e for e in own if e.get("entity") == ASPECT), None)
    if aspect is None:
        return None
    opening = [
        w for w in _words(clause.text[: max(0, int(aspect["start"]) - clause.start)]) if w not in FILLERS
    ]
    return str(aspect["value"]) if opening[:1] in (["which"], ["what"]) and len(opening) <= 2 else None


def negated(text: str) -> bool:
    """A negation in the clause (careers/words.py's list, contractions and all: "didn't")."""
    said = _words(text)
    return bool(NEGATIONS & set(said)) or any(w.endswith(("n't", "dont")) for w in said)
