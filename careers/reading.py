"""One reading of the whole message (feature `reading`): every part it holds, in order.

People write their situation and their question together ("I've done two years of Python, what
else would a data engineer need?"), ask two things at once ("what's the outlook for
statisticians and what do they earn?"), and lean on what came before ("why not data
scientist?"). A message is cut into clauses (careers/clauses.py: sentence ends, and a comma or
a conjunction followed by the start of a question; careers/stated.py reads what the person says
about themselves); the NLU classifies each clause with the same intent
model as whole messages (addons/nlu/), and `assemble` turns the clauses and the entities found
in them into parts:

- profile: what the person says about themselves (skills with polarity, a background, a job);
- correction: skills to take back ("actually scratch R");
- question: an intent with the roles and aspects named in its clause.

Rasa's own convention for this is the multi-intent (`inform+ask`, one trained intent per
combination); reading clauses needs no combination in the training data, and its figures on
the held-out set are in BENCHMARKS.md. Pure Python: no Rasa.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Collection, Mapping, Sequence

from careers import names, stated
from careers.clauses import FILLERS, asks_in_any_form, is_statement
from careers.clauses import words as _words
from careers.cues import (
    AGE,
    AGE_REPLACES,
    AI_RISK,
    AI_RISK_REPLACES,
    CLOSEST_WORDS,
    COMPARING,
    DURATION_WORDS,
    EACH_WORDS,
    FIGURE_DOUBT,
    FIRST_STEP,
    FIRST_WORDS,
    GAP_CUE,
    GAP_WORDS,
    MOVE_NOUNS,
    MOVE_REPLACES,
    OPTIONS_WORDS,
    SOURCE_CUE,
    START_WORDS,
    asks_a_move,
    asks_readiness,
    choosing_between,
    sets_beside,
)  # fmt: skip
from careers.words import NEGATIONS

# Where the NLU keeps a message's classified clauses between its components (not in the output).
CLAUSES = "career_guide_clauses"
# Where the reading goes in the parse data (tracker.latest_message["reading"] in the actions).
READING = "reading"

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
CLAUSE_RANKING = 3
# What a choice between two roles replaces when it spans clauses.
CHOICE_REPLACES = {
    names.COMPARE_ROLES, names.ASK_CLOSEST_ROLE, names.ask_role("fit"), names.START_PATH, names.INFORM_ROLE,
}  # fmt: skip
# "...and what about data analysts?": a clause that names only a role asks what the clause
# before it asked.
JUST_A_ROLE = {names.INFORM_ROLE, names.ASK_OTHER_ROLE}
ROLE, ASPECT, JOB, SKILL, BACKGROUND = names.ROLE, names.ASPECT, names.JOB, names.SKILL, names.BACKGROUND


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    text: str
    intent: str = ""
    confidence: float = 0.0
    ranking: tuple[tuple[str, float], ...] = ()  # the classifier's best guesses for the clause


@dataclass(frozen=True)
class Part:
    kind: str  # profile | correction | question
    start: int
    end: int
    intent: str = ""
    roles: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()
    entities: tuple[Mapping[str, Any], ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "intent": self.intent,
            "roles": list(self.roles),
            "aspects": list(self.aspects),
            "entities": [dict(e) for e in self.entities],
        }


def _in(entity: Mapping[str, Any], begin: int, end: int) -> bool:
    start = int(entity.get("start", -1))
    return begin <= start < end


def _values(entities: Sequence[Mapping[str, Any]], kind: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(e["value"]) for e in entities if e.get("entity") == kind))


def assemble(text: str, parsed: Sequence[Clause], entities: Sequence[Mapping[str, Any]]) -> list[Part]:
    """The parts of a message, in order: for each clause, a profile part when it says something
    about the person, a correction, or a question with the entities of its clause."""
    entities = _with_introduced_role(text, parsed, entities)
    parts: list[Part] = []
    aims: set[int] = set()  # the question parts that are statements naming a role
    # "i like digging into data more than building software. what would fit me best?": likes
    # and dislikes, no skills, are what the guided path asks about.
    described = any(is_statement(c.text) and _describes_me(c, parsed) for c in parsed)
    # "economist at a central bank, R mostly. closest data job?": a personal question makes the
    # statements around it about the person, even with no "I" in the message.
    first_person_message = (
        bool(stated.FIRST_PERSON & set(_words(text)))
        or any(e.get("entity") == BACKGROUND for e in entities)
        or (len(parsed) > 1 and any(c.intent in ASKED_FOR_ME for c in parsed))
    )
    for clause in parsed:
        if len(parsed) > 1 and clause.intent in NOT_IN_A_CLAUSE:
            clause = _next_best(clause)
        own = [e for e in entities if _in(e, clause.start, clause.end)]
        statement = is_statement(clause.text)
        if clause.intent in PROFILE_INTENTS and asks_in_any_form(clause.text):
            # "am I employable as a data analyst yet?" says something about me, but asks: how
            # ready I am for that role is the gap to it.
            ready = asks_readiness(clause.text) and _values(own, ROLE)
            clause = (
                dataclasses.replace(clause, intent=names.ASK_SKILL_GAP)
                if ready
                else _next_best(clause, also_not=PROFILE_INTENTS)
            )
        # A skill named in a question ("does a data engineer need SQL?") says nothing about the
        # person: a clause in the first person does, or a statement in a message that is ("DBA
        # here, lots of SQL Server. ...").
        about_me = bool(stated.FIRST_PERSON & set(_words(clause.text))) or (
            first_person_message
            and (statement or clause.intent in PROFILE_INTENTS | NOT_A_QUESTION or not clause.intent)
        )
        role_spans = [(int(e["start"]), int(e["end"])) for e in own if e.get("entity") == ROLE]
        # "machine learning" inside "machine learning engineer" names the role, not a skill.
        skills = [e for e in own if e.get("entity") == SKILL and about_me and not _inside(e, role_spans)]
        # "I'm not a hardcore programmer" is no background.
        backgrounds = [
            e
            for e in own
            if e.get("entity") == BACKGROUND and not stated.denied(text, int(e.get("start", 0)))
        ]
        if clause.intent not in PROFILE_INTENTS and not statement:
            # "How much could I make as an AI engineer in NYC?": the role asked about, not a
            # background, when the clause asks a question about that same role.
            asked = {str(e["value"]) for e in own if e.get("entity") == ROLE}
            backgrounds = [e for e in backgrounds if str(e.get("value")) not in asked]
        jobs = [
            e
            for e in own
            if e.get("entity") == JOB
            and (stated.states_a_job(clause.text) or (statement and first_person_message))
            and not stated.denied(text, int(e["start"]))
        ]
        named_skills = any(e.get("entity") == SKILL for e in own)
        if named_skills and stated.CORRECTION_CUES.search(clause.text.lower()):
            clause = dataclasses.replace(clause, intent=names.FORGET_SKILL)
        elif clause.intent in CORRECTION_INTENTS and skills and not _negated(clause.text):
            # "I know Python and a fair bit of statistics": read as a correction by the model,
            # but nothing in it takes a skill back.
            clause = dataclasses.replace(clause, intent=names.TELL_SKILLS)
        if clause.intent in CORRECTION_INTENTS:
            parts.append(Part("correction", clause.start, clause.end, clause.intent, entities=tuple(own)))
            continue
        profile = [*skills, *backgrounds, *jobs]
        if profile:
            parts.append(
                Part("profile", clause.start, clause.end, names.TELL_SKILLS, entities=tuple(profile))
            )
        cued = _cued(clause, own, statement, several_clauses=len(parsed) > 1)
        if cued:
            clause = dataclasses.replace(clause, intent=cued)
        if clause.intent in PROFILE_INTENTS or clause.intent in NOT_A_QUESTION or not clause.intent:
            continue
        said_of_me = {str(e.get("value")) for e in backgrounds}
        if statement and set(_values(own, ROLE)) <= said_of_me and (profile or _describes_me(clause, parsed)):
            # "I'm a junior data engineer.", "i like shipping stuff to production. which one
            # should i go for?": said about oneself, asks nothing.
            continue
        question_entities = tuple(e for e in own if e not in profile or e.get("entity") == ROLE)
        intent = clause.intent
        has_profile = any(p.kind == "profile" for p in parts)
        if intent in MOVE_REPLACES and asks_a_move(
            set(_words(clause.text)), len(_values(own, ROLE)), has_profile
        ):
            intent = names.ASK_TRANSITION
        previous = next((p for p in reversed(parts) if p.kind == "question"), None)
        if intent in JUST_A_ROLE and previous is not None and previous.intent not in JUST_A_ROLE:
            intent = previous.intent  # "tools of data engineers, and what about data analysts?"
        roles = _values(own, ROLE)
        clause_words = set(_words(clause.text))
        if (
            len(roles) == 1
            and previous is not None
            and set(previous.roles) - set(roles)
            and intent != names.ASK_WHY_NOT
            and (
                intent == names.COMPARE_ROLES
                or sets_beside(
                    clause.text, [int(e["start"]) - clause.start for e in own if e.get("entity") == ROLE]
                )
            )
        ):
            # "what is an AI engineer, and how is it different from an ML engineer?": "it" is
            # the role of the question before.
            intent, roles = names.COMPARE_ROLES, tuple(dict.fromkeys([*previous.roles, *roles]))
        elif (
            intent == names.COMPARE_ROLES
            and len(roles) == 1
            and len(_values(own, ASPECT)) == 1
            and not COMPARING & clause_words
        ):
            intent = names.ask_role(_values(own, ASPECT)[0])  # "is database administration a dying job?"
        elif (
            not roles
            and EACH_WORDS & clause_words
            and previous is not None
            and len(previous.roles) == 2
            and (intent.startswith(names.ASK_ROLE_PREFIX) or intent == names.COMPARE_ROLES)
        ):
            # "which has better growth, A or B, and what would a new grad earn in each": both.
            intent, roles = names.COMPARE_ROLES, previous.roles
            question_entities = (
                *[e for e in previous.entities if e.get("entity") == ROLE],
                *question_entities,
            )
        if intent == names.START_PATH and len(roles) < 2:
            aspect = _asked_aspect(clause, own)
            if aspect is not None and aspect != FIT:
                intent = names.ask_role(aspect)  # "which cloud platform should I learn?"
            elif START_WORDS & clause_words and {"where", "how", "first"} & clause_words:
                intent = names.ASK_ROADMAP  # "where would I start?": the first stage of a roadmap
        if intent == names.ask_role(FIT) and not _values(entities, ROLE) and not POINTERS & clause_words:
            intent = names.START_PATH  # "what role for me": which role fits is the guided path
        told = has_profile and _told_skills_or_background(parts)
        if AGE.search(clause.text.lower()) and intent in AGE_REPLACES:
            intent = names.ASK_AGE  # "could I still learn it at 40?"
        elif (intent == names.ask_role("skills") and clause_words >= FIRST_WORDS) or (
            intent in FIRST_STEP_REPLACES and FIRST_STEP.search(clause.text.lower())
        ):
            intent = names.ASK_ROADMAP  # "what should I learn first for data analyst": its first stage
        elif intent == names.ASK_DURATION and not DURATION_WORDS & clause_words:
            # "can a chef realistically become a DA?" names no length of time: the next guess.
            guess = _next_best(
                clause, also_not={names.ASK_DURATION} | NOT_A_QUESTION | PROFILE_INTENTS
            ).intent
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
            if intent == names.ASK_TRANSITION and len(roles) == 1 and not _told(parts, (BACKGROUND, JOB)):
                # "I know AWS ... could I still be an MLOps engineer?", "i only know excel. can i
                # become a data analyst": no job to move from, so the way there is the gap.
                intent = names.ASK_SKILL_GAP
        if statement and roles and intent in GOALS:
            aims.add(len(parts))  # "Thinking about MLOps.": where the person wants to go
        parts.append(
            Part(
                "question",
                clause.start,
                clause.end,
                intent,
                roles=roles,
                aspects=_values(own, ASPECT),
                entities=question_entities,
            )
        )
    parts = _with_scope(_aimed_at(parts, aims), entities)
    # "me: 2 years as a data analyst ... could i jump straight to ml engineer or is that dumb":
    # the role one is (a background) is no choice.
    mine = {str(e.get("value")) for p in parts if p.kind == "profile" for e in p.entities}
    message_roles = tuple(r for r in _values(entities, ROLE) if r not in mine)
    if choosing_between(set(_words(text)), len(message_roles)) and not any(
        p.intent == names.START_PATH for p in parts
    ):
        # The choice spans clauses ("ML engineer or data scientist - which should I aim for?").
        parts = [p for p in parts if p.kind != "question" or p.intent not in CHOICE_REPLACES]
        parts.append(Part("question", 0, len(text), names.START_PATH, roles=message_roles))
    return _once(parts)


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


# The questions that ask about the person's own way to a role: a role said as a goal in the
# statement before ("Thinking about MLOps. Am I ready?") is the role they ask about.
AIMED = ASKED_FOR_ME - {names.TELL_SKILLS, names.ASK_CLOSEST_ROLE, names.START_PATH} | {
    names.ASK_DURATION,
    names.ASK_AGE,
}


def _with_introduced_role(
    text: str, parsed: Sequence[Clause], entities: Sequence[Mapping[str, Any]]
) -> Sequence[Mapping[str, Any]]:
    """ "dba 15 yrs sql server, ... AI will kill DBA jobs, true??": a message opening with a role
    said as what the writer is, in a statement, names their background."""
    first = next((e for e in entities if e.get("entity") == ROLE), None)
    # "Data engineer, what does it pay?" asks about the role: only a message that is about the
    # writer ("I", a personal question, "here", years in it) is introduced by it.
    personal = bool(stated.FIRST_PERSON & set(_words(text))) or any(
        c.intent in ASKED_FOR_ME for c in parsed[1:]
    )
    if (
        first is None
        or len(parsed) < 2
        or not is_statement(parsed[0].text)
        or any(e.get("entity") == BACKGROUND for e in entities)
        or not stated.introduced_role(text, int(first["start"]), int(first["end"]), personal)
    ):
        return entities
    return [*entities, {**first, "entity": BACKGROUND, "extractor": "reading"}]


def _aimed_at(parts: list[Part], aims: set[int]) -> list[Part]:
    """ "want to become a data scientist eventually. what's the gap": the role of the statement
    goes to the question after it that names none, and the statement is not answered apart."""
    parts, dropped = list(parts), set()
    for i in sorted(aims):
        after = next(
            (j for j in range(i + 1, len(parts)) if parts[j].kind == "question" and j not in aims), None
        )
        if after is None or parts[after].roles or parts[after].intent not in AIMED:
            continue
        # "currently a data analyst, want to become a data scientist": the last role is the goal.
        goal = parts[i].roles[-1]
        role_entities = tuple(
            e for e in parts[i].entities if e.get("entity") == ROLE and e.get("value") == goal
        )
        parts[after] = dataclasses.replace(
            parts[after], roles=(goal,), entities=(*role_entities[-1:], *parts[after].entities)
        )
        dropped.add(i)
    return [p for i, p in enumerate(parts) if i not in dropped]


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


def _cued(clause: Clause, own: Sequence[Mapping[str, Any]], statement: bool, several_clauses: bool) -> str:
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
    aspects = _values(own, ASPECT)
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


def _inside(entity: Mapping[str, Any], spans: Sequence[tuple[int, int]]) -> bool:
    start, end = int(entity.get("start", -1)), int(entity.get("end", -1))
    return any(s <= start and end <= e for s, e in spans)


def _describes_me(clause: Clause, parsed: Sequence[Clause]) -> bool:
    """A first-person statement among several clauses ("i like digging into data, ...") is the
    person describing themselves, whatever the model guessed for it alone."""
    words = [w for w in _words(clause.text) if w not in FILLERS | {"honestly", "well", "guess"}]
    return len(parsed) > 1 and bool(words) and words[0] in stated.FIRST_PERSON


def _asked_aspect(clause: Clause, own: Sequence[Mapping[str, Any]]) -> str | None:
    """ "which cloud platform should I learn?": the aspect right after the question word."""
    aspect = next((e for e in own if e.get("entity") == ASPECT), None)
    if aspect is None:
        return None
    opening = [
        w for w in _words(clause.text[: max(0, int(aspect["start"]) - clause.start)]) if w not in FILLERS
    ]
    return str(aspect["value"]) if opening[:1] in (["which"], ["what"]) and len(opening) <= 2 else None


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


def _told(parts: Sequence[Part], kinds: tuple[str, ...]) -> bool:
    return any(e.get("entity") in kinds for p in parts if p.kind == "profile" for e in p.entities)


def _told_skills_or_background(parts: Sequence[Part]) -> bool:
    return _told(parts, (SKILL, BACKGROUND, JOB))


def _negated(text: str) -> bool:
    """A negation in the clause (careers/words.py's list, contractions and all: "didn't")."""
    said = _words(text)
    return bool(NEGATIONS & set(said)) or any(w.endswith(("n't", "dont")) for w in said)


# What a question asks beyond the role and aspect (a place, a level, an industry...): said once,
# it holds for every question of the message ("research scientists in California: the top 10%,
# what do they make?").
SCOPE_KINDS = (names.PLACE, names.INDUSTRY, names.SENIORITY, names.EMPLOYER, names.YEAR)


def _with_scope(parts: list[Part], entities: Sequence[Mapping[str, Any]]) -> list[Part]:
    scoped = []
    for part in parts:
        if part.kind == "question":
            have = {e.get("entity") for e in part.entities}
            extra = tuple(
                e for e in entities if e.get("entity") in SCOPE_KINDS and e.get("entity") not in have
            )
            part = dataclasses.replace(part, entities=(*part.entities, *extra))
        scoped.append(part)
    return scoped


def _next_best(clause: Clause, also_not: Collection[str] = ()) -> Clause:
    for intent, confidence in clause.ranking[1:]:
        if intent not in NOT_IN_A_CLAUSE and intent not in also_not:
            return Clause(clause.start, clause.end, clause.text, intent, confidence, clause.ranking)
    return Clause(clause.start, clause.end, clause.text, "", 0.0, clause.ranking)


def _once(parts: list[Part]) -> list[Part]:
    """Nothing answered twice: a second question with the same intent and roles as an earlier
    one, or a second profile part, is folded into the first."""
    kept: list[Part] = []
    for part in parts:
        same = next(
            (
                k
                for k in kept
                if k.kind == part.kind
                and (
                    part.kind == "profile"
                    or (
                        k.intent == part.intent
                        and set(part.roles) <= set(k.roles)
                        and set(part.aspects) == set(k.aspects)
                        and part.intent != names.ASK_SKILL_RANKING
                    )
                )
            ),
            None,
        )
        if same is None:
            kept.append(part)
        else:
            index = kept.index(same)
            kept[index] = Part(
                same.kind,
                same.start,
                part.end,
                same.intent,
                tuple(dict.fromkeys([*same.roles, *part.roles])),
                tuple(dict.fromkeys([*same.aspects, *part.aspects])),
                (*same.entities, *part.entities),
            )
    return kept


def several(parts: Sequence[Part]) -> bool:
    """Whether the message holds more than one thing to answer."""
    return len(parts) >= 2
