"""One reading of the whole message (feature `reading`): every part it holds, in order.

People write their situation and their question together ("I've done two years of Python, what
else would a data engineer need?"), ask two things at once ("what's the outlook for
statisticians and what do they earn?"), and lean on what came before ("why not data
scientist?"). A message is cut into clauses here (sentence ends, and a comma or a conjunction
followed by the start of a question); the NLU classifies each clause with the same intent
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
import re
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from careers import names

# Words that start a question: a comma or a conjunction before one of these starts a new clause.
QUESTION_OPENERS = {
    "what", "whats", "what's", "how", "hows", "how's", "which", "where", "why", "when", "who",
    "could", "can", "should", "would", "will", "is", "are", "do", "does", "did", "am", "any",
    "tell", "help", "give", "show", "compare", "isn't",
}  # fmt: skip
CONJUNCTIONS = {"and", "but", "so", "also", "plus", "&", "+", "then"}
_SENTENCE_END = re.compile(r"[?!.;]+(?=\s|$)|\n+")
_TOKEN = re.compile(r"[^\s,]+|,")
MIN_CLAUSE_WORDS = 2
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
# Asking to be helped to decide between roles, rather than to compare them (issue 17).
CHOICE_WORDS = {"choose", "decide", "pick", "torn", "undecided", "deciding", "choosing"}
FOR_ME = {"me", "i", "my", "suits", "suit", "aim", "i'm", "im"}
NOT_CHOOSING = {"compare", "difference", "differences"}


def choosing_between(words: set[str], role_count: int) -> bool:
    """ "Help me choose between A and B", "A or B, which should I go for?"."""
    if role_count != 2:
        return False
    return bool(CHOICE_WORDS & words) or bool(
        FOR_ME & words and {"which", "should", "or", "vs", "versus"} & words and not NOT_CHOOSING & words
    )


# Words of a move from one job to another ("could a DBA switch to data engineering?").
MOVE_WORDS = {
    "switch", "switching", "move", "moving", "pivot", "pivoting", "transition", "transitioning",
    "become", "becoming", "retrain", "change", "into", "path", "way",
}  # fmt: skip
# What a move question may have been taken for, when the person said where they start from.
MOVE_REPLACES = {names.COMPARE_ROLES, names.INFORM_ROLE, names.START_PATH} | {
    names.ask_role(a) for a in ("overview", "fit", "education", "responsibilities", "challenges")
}


def asks_a_move(words: set[str], role_count: int, has_profile: bool) -> bool:
    """A move from one role to another named ("can ML engineers pivot to MLOps?"), or from the
    person's own background to one role ("I'm a nurse: could data analysis be a path for me?")."""
    if not MOVE_WORDS & words or NOT_CHOOSING & words or choosing_between(words, role_count):
        return False
    return role_count == 2 or (role_count == 1 and has_profile)


# "...and what about data analysts?": a clause that names only a role asks what the clause
# before it asked.
JUST_A_ROLE = {names.INFORM_ROLE, names.ASK_OTHER_ROLE}
# A job stated as one's own ("I work as a pharmacist", "I've been a nurse for 6 years").
FIRST_PERSON_CUES = re.compile(
    r"\b(i\s*'?\s*m|i am|im|i work(?:ed)? as|i've been|ive been|i have been|i was|i used to be|"
    r"my job is|i'm currently|currently a|working as)\b",
    re.IGNORECASE,
)
FIRST_PERSON = {"i", "i'm", "im", "i've", "ive", "i'd", "my", "me", "myself", "mine"}
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


def clauses(text: str) -> list[tuple[int, int]]:
    """Character spans of the clauses of `text`, in order (one span for a single clause)."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _abbreviation(text, match.start(), match.group(0)):
            continue  # "St. Louis", "Washington, D.C. and Maryland"
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, len(text)))
    spans: list[tuple[int, int]] = []
    for begin, end in pieces:
        spans += _split_before_questions(text, begin, end)
    spans = [(b, e) for b, e in spans if text[b:e].strip()]
    return _merge_short(text, spans) or [(0, len(text))]


ABBREVIATIONS = {
    "st",
    "ft",
    "mt",
    "dc",
    "us",
    "uk",
    "eg",
    "ie",
    "vs",
    "dr",
    "mr",
    "ms",
    "mrs",
    "jr",
    "sr",
    "etc",
    "approx",
}


def _abbreviation(text: str, end: int, mark: str) -> bool:
    """Whether a full stop ends an abbreviation rather than a sentence."""
    if mark != ".":
        return False
    before = re.search(r"(\S+)$", text[:end])
    word = before.group(1).replace(".", "").lower() if before else ""
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _split_before_questions(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Cuts a sentence before a question opener that follows a comma or a conjunction
    ("I know SQL, what should I learn", "what do they do and how much do they earn")."""
    tokens = [
        (m.group(0).lower(), m.start() + begin, m.end() + begin) for m in _TOKEN.finditer(text[begin:end])
    ]
    cuts = []
    for i in range(1, len(tokens) - 1):
        word, _, _ = tokens[i]
        following = tokens[i + 1][0]
        if word in (",", "-") or word in CONJUNCTIONS:
            opener = following if following not in CONJUNCTIONS or i + 2 >= len(tokens) else tokens[i + 2][0]
            if opener in QUESTION_OPENERS and opener not in CONJUNCTIONS:
                cuts.append(tokens[i][1] if word != "," else tokens[i][2])
    spans, start = [], begin
    for cut in cuts:
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def _words(text: str) -> list[str]:
    return [t for t in re.findall(r"[\w'+#]+", text.lower())]


def _merge_short(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A clause of fewer than MIN_CLAUSE_WORDS words ("ok.", "hi,") joins the next one."""
    merged: list[tuple[int, int]] = []
    for begin, end in spans:
        if merged and len(_words(text[merged[-1][0] : merged[-1][1]])) < MIN_CLAUSE_WORDS:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((begin, end))
    if len(merged) > 1 and len(_words(text[merged[-1][0] : merged[-1][1]])) < MIN_CLAUSE_WORDS:
        last = merged.pop()
        merged[-1] = (merged[-1][0], last[1])
    return merged


def _in(entity: Mapping[str, Any], begin: int, end: int) -> bool:
    start = int(entity.get("start", -1))
    return begin <= start < end


def _values(entities: Sequence[Mapping[str, Any]], kind: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(e["value"]) for e in entities if e.get("entity") == kind))


def states_a_job(text: str) -> bool:
    """ "I work as a pharmacist", "I've been a nurse for 6 years": the person's own job."""
    return bool(FIRST_PERSON_CUES.search(text))


def assemble(text: str, parsed: Sequence[Clause], entities: Sequence[Mapping[str, Any]]) -> list[Part]:
    """The parts of a message, in order: for each clause, a profile part when it says something
    about the person, a correction, or a question with the entities of its clause."""
    parts: list[Part] = []
    first_person_message = bool(FIRST_PERSON & set(_words(text))) or any(
        e.get("entity") == BACKGROUND for e in entities
    )
    for clause in parsed:
        if len(parsed) > 1 and clause.intent in NOT_IN_A_CLAUSE:
            clause = _next_best(clause)
        own = [e for e in entities if _in(e, clause.start, clause.end)]
        # A skill named in a question ("does a data engineer need SQL?") says nothing about the
        # person: a clause in the first person does, or a statement in a message that is ("DBA
        # here, lots of SQL Server. ...").
        about_me = bool(FIRST_PERSON & set(_words(clause.text))) or (
            first_person_message and (clause.intent in PROFILE_INTENTS | NOT_A_QUESTION or not clause.intent)
        )
        skills = [e for e in own if e.get("entity") == SKILL] if about_me else []
        backgrounds = [e for e in own if e.get("entity") == BACKGROUND]
        if clause.intent not in PROFILE_INTENTS:
            # "How much could I make as an AI engineer in NYC?": the role asked about, not a
            # background, when the clause asks a question about that same role.
            asked = {str(e["value"]) for e in own if e.get("entity") == ROLE}
            backgrounds = [e for e in backgrounds if str(e.get("value")) not in asked]
        jobs = [e for e in own if e.get("entity") == JOB] if states_a_job(clause.text) else []
        if clause.intent in CORRECTION_INTENTS:
            parts.append(Part("correction", clause.start, clause.end, clause.intent, entities=tuple(own)))
            continue
        profile = [*skills, *backgrounds, *jobs]
        if profile:
            parts.append(
                Part("profile", clause.start, clause.end, names.TELL_SKILLS, entities=tuple(profile))
            )
        if clause.intent in PROFILE_INTENTS or clause.intent in NOT_A_QUESTION or not clause.intent:
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
        parts.append(
            Part(
                "question",
                clause.start,
                clause.end,
                intent,
                roles=_values(own, ROLE),
                aspects=_values(own, ASPECT),
                entities=question_entities,
            )
        )
    parts = _with_scope(parts, entities)
    message_roles = _values(entities, ROLE)
    if choosing_between(set(_words(text)), len(message_roles)) and not any(
        p.intent == names.START_PATH for p in parts
    ):
        # The choice spans clauses ("ML engineer or data scientist - which should I aim for?").
        parts = [p for p in parts if p.kind != "question" or p.intent not in CHOICE_REPLACES]
        parts.append(Part("question", 0, len(text), names.START_PATH, roles=message_roles))
    return _once(parts)


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


def _next_best(clause: Clause) -> Clause:
    for intent, confidence in clause.ranking[1:]:
        if intent not in NOT_IN_A_CLAUSE:
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
