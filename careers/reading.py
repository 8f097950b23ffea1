"""One reading of the whole message (feature `reading`): every part it holds, in order.

People write their situation and their question together ("I've done two years of Python, what
else would a data engineer need?"), ask two things at once ("what's the outlook for
statisticians and what do they earn?"), and lean on what came before ("why not data
scientist?"). A message is cut into clauses (careers/clauses.py: sentence ends, and a comma or
a conjunction followed by the start of a question; careers/stated.py reads what the person says
about themselves); the NLU classifies each clause with the same intent model as whole messages
(addons/nlu/); careers/asked.py corrects what each clause asks by its words and by what the
person told before it; and `assemble` turns the clauses and the entities found in them into
parts:

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
from typing import Any, Mapping, Sequence

from careers import asked, names, stated
from careers.asked import (
    ASKED_FOR_ME,
    CORRECTION_INTENTS,
    GOALS,
    JUST_A_ROLE,
    NOT_A_QUESTION,
    NOT_IN_A_CLAUSE,
    PROFILE_INTENTS,
)
from careers.clauses import Clause, asks_in_any_form, is_statement
from careers.clauses import words as _words
from careers.cues import (
    COMPARING,
    EACH_WORDS,
    asks_readiness,
    choosing_between,
    move_asked,
    sets_beside,
)  # fmt: skip

# Where the NLU keeps a message's classified clauses between its components (not in the output).
CLAUSES = "career_guide_clauses"
# Where the reading goes in the parse data (tracker.latest_message["reading"] in the actions).
READING = "reading"

CLAUSE_RANKING = 3  # the classifier's best guesses kept for each clause (asked.next_best)
# What a choice between two roles replaces when it spans clauses.
CHOICE_REPLACES = {
    names.COMPARE_ROLES, names.ASK_CLOSEST_ROLE, names.ask_role("fit"), names.START_PATH, names.INFORM_ROLE,
}  # fmt: skip
ROLE, ASPECT, JOB, SKILL, BACKGROUND = names.ROLE, names.ASPECT, names.JOB, names.SKILL, names.BACKGROUND


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


def assemble(text: str, parsed: Sequence[Clause], entities: Sequence[Mapping[str, Any]]) -> list[Part]:
    """The parts of a message, in order: for each clause, a profile part when it says something
    about the person, a correction, or a question with the entities of its clause."""
    entities = _with_introduced_role(text, parsed, entities)
    parts: list[Part] = []
    aims: set[int] = set()  # the question parts that are statements naming a role
    # "i like digging into data more than building software. what would fit me best?": likes
    # and dislikes, no skills, are what the guided path asks about.
    described = any(is_statement(c.text) and asked.describes_me(c, parsed) for c in parsed)
    # "economist at a central bank, R mostly. closest data job?": a personal question makes the
    # statements around it about the person, even with no "I" in the message.
    first_person_message = (
        bool(stated.FIRST_PERSON & set(_words(text)))
        or any(e.get("entity") == BACKGROUND for e in entities)
        or (len(parsed) > 1 and any(c.intent in ASKED_FOR_ME for c in parsed))
    )
    for clause in parsed:
        if len(parsed) > 1 and clause.intent in NOT_IN_A_CLAUSE:
            clause = asked.next_best(clause)
        own = [e for e in entities if _in(e, clause.start, clause.end)]
        statement = is_statement(clause.text)
        if clause.intent in PROFILE_INTENTS and asks_in_any_form(clause.text):
            # "am I employable as a data analyst yet?" says something about me, but asks: how
            # ready I am for that role is the gap to it.
            ready = asks_readiness(clause.text) and asked.values(own, ROLE)
            clause = (
                dataclasses.replace(clause, intent=names.ASK_SKILL_GAP)
                if ready
                else asked.next_best(clause, also_not=PROFILE_INTENTS)
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
            asked_roles = {str(e["value"]) for e in own if e.get("entity") == ROLE}
            backgrounds = [e for e in backgrounds if str(e.get("value")) not in asked_roles]
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
        elif clause.intent in CORRECTION_INTENTS and skills and not asked.negated(clause.text):
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
        cued = asked.cued(clause, own, statement, several_clauses=len(parsed) > 1)
        if cued:
            clause = dataclasses.replace(clause, intent=cued)
        if clause.intent in PROFILE_INTENTS or clause.intent in NOT_A_QUESTION or not clause.intent:
            continue
        said_of_me = {str(e.get("value")) for e in backgrounds}
        if (
            statement
            and set(asked.values(own, ROLE)) <= said_of_me
            and (profile or asked.describes_me(clause, parsed))
        ):
            # "I'm a junior data engineer.", "i like shipping stuff to production. which one
            # should i go for?": said about oneself, asks nothing.
            continue
        question_entities = tuple(e for e in own if e not in profile or e.get("entity") == ROLE)
        intent = clause.intent
        has_profile = any(p.kind == "profile" for p in parts)
        if move_asked(intent, clause.text, len(asked.values(own, ROLE)), has_profile):
            intent = names.ASK_TRANSITION
        previous = next((p for p in reversed(parts) if p.kind == "question"), None)
        if intent in JUST_A_ROLE and previous is not None and previous.intent not in JUST_A_ROLE:
            intent = previous.intent  # "tools of data engineers, and what about data analysts?"
        roles = asked.values(own, ROLE)
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
            and len(asked.values(own, ASPECT)) == 1
            and not COMPARING & clause_words
        ):
            intent = names.ask_role(asked.values(own, ASPECT)[0])  # "is database administration a dying job?"
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
        told = has_profile and _told_skills_or_background(parts)
        intent = asked.refined(
            intent,
            clause,
            roles,
            own,
            entities,
            told=told,
            described=described,
            told_job=_told(parts, (BACKGROUND, JOB)),
        )
        if statement and roles and intent in GOALS:
            aims.add(len(parts))  # "Thinking about MLOps.": where the person wants to go
        parts.append(
            Part(
                "question",
                clause.start,
                clause.end,
                intent,
                roles=roles,
                aspects=asked.values(own, ASPECT),
                entities=question_entities,
            )
        )
    parts = _with_scope(_aimed_at(parts, aims), entities)
    # "me: 2 years as a data analyst ... could i jump straight to ml engineer or is that dumb":
    # the role one is (a background) is no choice.
    mine = {str(e.get("value")) for p in parts if p.kind == "profile" for e in p.entities}
    message_roles = tuple(r for r in asked.values(entities, ROLE) if r not in mine)
    if choosing_between(set(_words(text)), len(message_roles)) and not any(
        p.intent == names.START_PATH for p in parts
    ):
        # The choice spans clauses ("ML engineer or data scientist - which should I aim for?").
        parts = [p for p in parts if p.kind != "question" or p.intent not in CHOICE_REPLACES]
        parts.append(Part("question", 0, len(text), names.START_PATH, roles=message_roles))
    return _once(parts)


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


def _told(parts: Sequence[Part], kinds: tuple[str, ...]) -> bool:
    return any(e.get("entity") in kinds for p in parts if p.kind == "profile" for e in p.entities)


def _told_skills_or_background(parts: Sequence[Part]) -> bool:
    return _told(parts, (SKILL, BACKGROUND, JOB))


def _inside(entity: Mapping[str, Any], spans: Sequence[tuple[int, int]]) -> bool:
    start, end = int(entity.get("start", -1)), int(entity.get("end", -1))
    return any(s <= start and end <= e for s, e in spans)


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
